package dev.fameharness.scenario.papers.corpus;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one JATS article into a {@link Paper}. Reads the title, DOI and journal from {@code <front>}, the
 * sections from the main article's {@code <body>} only (never {@code <front>}, {@code <back>} or
 * {@code <sub-article>}), and every {@code <abstract>} of {@code <front>} as a reference summary.
 *
 * <p>What the agent reads: paragraphs, list items, and the label and caption of each figure and table
 * (captions describe results and are kept); table cells, formulas (MathML, TeX), graphics and supplementary
 * material are dropped. Security: the DOCTYPE's external DTD is never fetched and external entities are never
 * resolved; entities the DTD would define (e.g. {@code &ensp;}) are left out of the text.
 *
 * <p>Not thread-safe: one instance per loading thread.
 */
final class JatsParser {

    /** Elements whose whole subtree never reaches the readable text. */
    private static final Set<String> DROPPED = Set.of("abstract", "trans-abstract", "object-id", "disp-formula",
            "inline-formula", "mml:math", "math", "tex-math", "graphic", "inline-graphic", "media",
            "supplementary-material", "table", "alternatives", "ref-list", "fn-group", "ack", "label", "title",
            "sec-meta", "processing-meta");
    /** Block elements held inside paragraphs whose captions become their own blocks. */
    private static final Set<String> CAPTIONED = Set.of("fig", "table-wrap");
    /** Containers whose children are blocks. */
    private static final Set<String> CONTAINERS = Set.of("fig-group", "table-wrap-group", "boxed-text", "list",
            "list-item", "def-list", "def-item", "statement", "disp-quote", "glossary");
    /** Elements after which a space separates words (block-level or cell-like). */
    private static final Set<String> SPACED = Set.of("p", "list-item", "td", "th", "tr", "caption", "title",
            "def", "term", "label", "break", "disp-quote");

    private final DocumentBuilder builder;

    JatsParser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            builder = factory.newDocumentBuilder();
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("this JDK's XML parser cannot disable external DTD loading", e);
        }
        // Belt and braces: should anything still ask for an external resource, hand it nothing.
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        builder.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // not fatal, not worth a line on stderr
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        });
    }

    /** Parses the article; throws the parser's {@link SAXParseException} (with line and column) on malformed XML. */
    Paper parse(String id, String licence, String manifestDoi, InputStream xml) throws IOException, SAXException {
        Document document = builder.parse(xml);
        Element article = document.getDocumentElement();
        Element front = child(article, "front").orElseThrow(() -> new SAXException("no <front> element"));
        Element meta = child(front, "article-meta").orElseThrow(() -> new SAXException("no <front>/<article-meta>"));

        String title = child(meta, "title-group").flatMap(g -> child(g, "article-title"))
                .or(() -> first(meta, "article-title")).map(JatsParser::inlineText).orElse("");
        String journal = first(front, "journal-title").map(JatsParser::inlineText).filter(t -> !t.isEmpty())
                .orElseGet(() -> journalId(front));
        String doi = manifestDoi;
        NodeList ids = meta.getElementsByTagName("article-id");
        for (int i = 0; i < ids.getLength(); i++) {
            Element articleId = (Element) ids.item(i);
            if ("doi".equals(articleId.getAttribute("pub-id-type"))) {
                doi = articleId.getTextContent().trim();
                break;
            }
        }

        Map<ReferenceKind, String> references = new EnumMap<>(ReferenceKind.class);
        NodeList abstracts = front.getElementsByTagName("abstract");
        for (int i = 0; i < abstracts.getLength(); i++) {
            Element abs = (Element) abstracts.item(i);
            Optional<ReferenceKind> kind = ReferenceKind.forAbstractType(abs.getAttribute("abstract-type").trim());
            String text = abstractText(abs);
            if (kind.isPresent() && !text.isEmpty()) {
                references.merge(kind.get(), text, (a, b) -> a + "\n" + b);
            }
        }
        if (references.isEmpty()) {
            throw new SAXException("no <abstract> with text in <front>: nothing to score a summary against");
        }

        List<Section> sections = new ArrayList<>();
        Optional<Element> body = child(article, "body");
        if (body.isPresent()) {
            new SectionCollector(sections).collect(body.get(), "");
        }
        return new Paper(id, doi, title, journal, licence, sections, references);
    }

    /** Flattens nested {@code <sec>}s into path-titled sections with unique titles. */
    private static final class SectionCollector {
        private final List<Section> out;
        private final Set<String> titles = new HashSet<>();

        SectionCollector(List<Section> out) {
            this.out = out;
        }

        void collect(Element container, String path) {
            List<String> blocks = new ArrayList<>();
            List<Element> subsections = new ArrayList<>();
            for (Node node = container.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element && element.getNodeName().equals("sec")) {
                    subsections.add(element);
                } else {
                    addBlocks(node, blocks);
                }
            }
            if (!blocks.isEmpty()) {
                out.add(new Section(unique(path.isEmpty() ? "Body" : path), String.join("\n", blocks)));
            }
            int index = 0;
            for (Element sec : subsections) {
                index++;
                String own = child(sec, "title").map(JatsParser::inlineText).filter(t -> !t.isEmpty())
                        .orElse("Section " + index);
                collect(sec, path.isEmpty() ? own : path + Section.PATH_SEPARATOR + own);
            }
        }

        private String unique(String title) {
            String candidate = title;
            for (int n = 2; !titles.add(candidate); n++) {
                candidate = title + " (" + n + ")";
            }
            return candidate;
        }
    }

    private static void addBlocks(Node node, List<String> blocks) {
        if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            String text = Texts.normalizeSpace(node.getNodeValue());
            if (!text.isEmpty()) {
                blocks.add(text);
            }
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        String name = element.getNodeName();
        if (DROPPED.contains(name)) {
            return;
        }
        if (CAPTIONED.contains(name)) {
            caption(element).ifPresent(blocks::add);
        } else if (CONTAINERS.contains(name)) {
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                addBlocks(child, blocks);
            }
        } else {
            String text = inlineText(element);
            if (!text.isEmpty()) {
                blocks.add(text);
            }
            // Figures and tables anchored inside a paragraph follow it as their own blocks, in document order
            // (never in the order of a Set.of, which differs from one JVM to the next).
            NodeList nested = element.getElementsByTagName("*");
            for (int i = 0; i < nested.getLength(); i++) {
                if (CAPTIONED.contains(nested.item(i).getNodeName())) {
                    caption((Element) nested.item(i)).ifPresent(blocks::add);
                }
            }
        }
    }

    /** "Figure 2. Caption title. Caption text." from a fig or table-wrap; empty when it has neither. */
    private static Optional<String> caption(Element element) {
        String label = child(element, "label").map(JatsParser::inlineText).orElse("");
        String caption = child(element, "caption").map(JatsParser::inlineTextKeepingTitles).orElse("");
        String text = (label.isEmpty() ? "" : label + " ") + caption;
        text = text.trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static String abstractText(Element abs) {
        List<String> paragraphs = new ArrayList<>();
        NodeList ps = abs.getElementsByTagName("p");
        for (int i = 0; i < ps.getLength(); i++) {
            String text = inlineText(ps.item(i));
            if (!text.isEmpty()) {
                paragraphs.add(text);
            }
        }
        return String.join("\n", paragraphs);
    }

    static String inlineText(Node node) {
        StringBuilder sb = new StringBuilder();
        appendText(node, sb, false, true);
        return Texts.normalizeSpace(sb);
    }

    private static String inlineTextKeepingTitles(Node node) {
        StringBuilder sb = new StringBuilder();
        appendText(node, sb, true, true);
        return Texts.normalizeSpace(sb);
    }

    private static void appendText(Node node, StringBuilder sb, boolean keepTitles, boolean isRoot) {
        short type = node.getNodeType();
        if (type == Node.TEXT_NODE || type == Node.CDATA_SECTION_NODE) {
            sb.append(node.getNodeValue());
            return;
        }
        if (type != Node.ELEMENT_NODE && type != Node.DOCUMENT_NODE && type != Node.ENTITY_REFERENCE_NODE) {
            return;
        }
        String name = node.getNodeName();
        if (type == Node.ELEMENT_NODE && !isRoot && (CAPTIONED.contains(name)
                || (DROPPED.contains(name) && !(keepTitles && name.equals("title"))))) {
            return;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            appendText(child, sb, keepTitles, false);
        }
        if (SPACED.contains(name)) {
            sb.append(' ');
        }
    }

    /** Some PLOS files lack {@code <journal-title>}: fall back to the NLM title abbreviation, then any id. */
    private static String journalId(Element front) {
        NodeList ids = front.getElementsByTagName("journal-id");
        String any = "";
        for (int i = 0; i < ids.getLength(); i++) {
            Element id = (Element) ids.item(i);
            if ("nlm-ta".equals(id.getAttribute("journal-id-type"))) {
                return inlineText(id);
            }
            if (any.isEmpty()) {
                any = inlineText(id);
            }
        }
        return any;
    }

    private static Optional<Element> child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getNodeName().equals(name)) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    private static Optional<Element> first(Element parent, String name) {
        NodeList list = parent.getElementsByTagName(name);
        return list.getLength() == 0 ? Optional.empty() : Optional.of((Element) list.item(0));
    }
}
