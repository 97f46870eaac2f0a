package dev.fameharness.scenario.papers.library;

import dev.fameharness.scenario.papers.corpus.Corpus;
import dev.fameharness.scenario.papers.corpus.Paper;
import dev.fameharness.scenario.papers.corpus.Section;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The corpus as the paper tools see it: lookup by id and full-text search. Search is Lucene BM25 in memory
 * ({@link ByteBuffersDirectory}) with the {@link EnglishAnalyzer} (stop words, possessives, Porter stemming) over
 * two fields, title (boosted x3) and body (the readable sections; never the abstracts). The query is taken as
 * plain words (each analyzed term an optional clause), never as Lucene query syntax. Results are deterministic: same corpus, same query, same ranking
 * (ties in index = manifest order).
 */
public final class PaperLibrary implements AutoCloseable {

    static final float TITLE_BOOST = 3f;
    static final int SNIPPET_CHARS = 240;

    private final Corpus corpus;
    private final Map<String, Paper> byId = new LinkedHashMap<>();
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    public PaperLibrary(Corpus corpus) {
        this.corpus = corpus;
        try (IndexWriter writer = new IndexWriter(directory,
                new IndexWriterConfig(analyzer).setRAMBufferSizeMB(256))) {
            for (Paper paper : corpus.papers()) {
                byId.put(paper.id(), paper);
                Document doc = new Document();
                doc.add(new StringField("id", paper.id(), Field.Store.YES));
                doc.add(new TextField("title", paper.title(), Field.Store.YES));
                doc.add(new TextField("body", body(paper), Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.forceMerge(1); // one segment: doc ids follow manifest order
            writer.commit();
            reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the in-memory paper index", e);
        }
        searcher = new IndexSearcher(reader);
    }

    public Corpus corpus() {
        return corpus;
    }

    /** The paper with that id, if any. */
    public Optional<Paper> paper(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Up to {@code k} papers ranked by relevance to the words of {@code query}; empty when nothing matches. */
    public List<SearchHit> search(String query, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        List<String> terms = analyze(query);
        if (terms.isEmpty()) {
            return List.of(); // only stop words or punctuation
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (String term : new LinkedHashSet<>(terms)) {
            builder.add(new BoostQuery(new TermQuery(new Term("title", term)), TITLE_BOOST), BooleanClause.Occur.SHOULD);
            builder.add(new TermQuery(new Term("body", term)), BooleanClause.Occur.SHOULD);
        }
        try {
            List<SearchHit> hits = new ArrayList<>();
            for (ScoreDoc scoreDoc : searcher.search(builder.build(), k).scoreDocs) {
                String id = searcher.storedFields().document(scoreDoc.doc).get("id");
                Paper paper = byId.get(id);
                hits.add(new SearchHit(id, paper.title(), scoreDoc.score, snippet(paper, terms)));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("search failed for query " + query, e);
        }
    }

    private static String body(Paper paper) {
        StringBuilder sb = new StringBuilder();
        for (Section section : paper.sections()) {
            sb.append(section.title()).append('\n').append(section.text()).append('\n');
        }
        return sb.toString();
    }

    private List<String> analyze(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** The body around the first word whose stem is a query term; else the start of the first section. */
    private String snippet(Paper paper, List<String> terms) {
        for (Section section : paper.sections()) {
            String text = section.text();
            int start = 0;
            for (String word : text.split("[^\\p{L}\\p{N}]+", -1)) {
                if (!word.isEmpty()) {
                    int at = text.indexOf(word, start);
                    start = at + word.length();
                    if (word.length() > 2 && matches(word, terms)) {
                        return excerpt(text, at);
                    }
                }
            }
        }
        return paper.sections().isEmpty() ? "" : excerpt(paper.sections().get(0).text(), 0);
    }

    private boolean matches(String word, List<String> terms) {
        List<String> stems = analyze(word);
        return !stems.isEmpty() && terms.contains(stems.get(0));
    }

    private static String excerpt(String text, int at) {
        int from = Math.max(0, at - SNIPPET_CHARS / 3);
        int space = text.lastIndexOf(' ', from);
        from = from == 0 || space < 0 ? from : space + 1;
        int to = Math.min(text.length(), from + SNIPPET_CHARS);
        int end = text.lastIndexOf(' ', to);
        to = to == text.length() || end <= at ? to : end;
        return (from > 0 ? "..." : "") + text.substring(from, to).strip() + (to < text.length() ? "..." : "");
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
            analyzer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the paper index", e);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PaperLibrary[%d papers from %s]", byId.size(), corpus.folder());
    }
}
