package dev.fameharness.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tokenizer encodes long texts segment by segment (so that repeated text is encoded once); the tokens must be
 * exactly those of encoding the whole text at once. Checked against jtokkit's own whole-text encoding on real
 * documents (the shared corpus and logs, as text) and on random texts built from the characters o200k's
 * pre-tokenizer treats specially (line breaks before slashes, quotes, digits, marks and non-BMP letters).
 */
class O200kSegmentsTest {

    private final O200kTokenizer tokenizer = O200kTokenizer.instance();
    private final Encoding whole = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    @Test
    void should_give_the_whole_text_tokens_when_random_texts_of_tricky_characters_are_segmented() {
        String[] alphabet = {"\n", "\n", "\r\n", " ", "  ", "\t", "/", ".", ",", "'s", "'", "a", "Word", "ZZ", "1",
            "42", "2024", "é", "\u0301", "日本", "😀", "𝔘", "-", "(", ")", "\u00a0", "\u2028", "Ⅻ", "½", "x\n/y",
            "\n- [note", "]\n", ".\n/", "\n\"q\"", "\n#", "\u000b", "\f", "\u0085", "\n:", "\n\\n"};
        Random rnd = new Random(11);
        int segmented = 0;
        for (int n = 0; n < 200; n++) {
            StringBuilder b = new StringBuilder();
            int len = 200 + rnd.nextInt(3000);
            while (b.length() < len) {
                b.append(alphabet[rnd.nextInt(alphabet.length)]);
            }
            String text = b.toString();
            segmented += O200kTokenizer.segments(text).size() > 1 ? 1 : 0;
            assertSame(text);
        }
        assertThat(segmented).as("texts that were split into segments").isGreaterThan(150);
    }

    @Test
    void should_give_the_whole_text_tokens_when_real_papers_and_logs_are_segmented() throws IOException {
        Path shared = shared();
        assumeTrue(shared != null, "../shared is not beside the repository");
        List<Path> files;
        try (Stream<Path> s = Files.walk(shared, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            files = s.filter(p -> p.toString().endsWith(".xml") || p.toString().endsWith(".log")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        int segmentsSeen = 0;
        for (Path f : files) {
            String raw = Files.readString(f, StandardCharsets.UTF_8);
            // a paper as a prompt shows it: markup dropped, one line per block
            String text = raw.replaceAll("<[^>]+>", "\n").replaceAll("\n{3,}", "\n\n");
            String checked = f.toString().endsWith(".log") ? raw : text;
            segmentsSeen += O200kTokenizer.segments(checked).size();
            assertSame(checked);
        }
        assertThat(segmentsSeen).isGreaterThan(files.size() * 10);
    }

    @Test
    void should_give_the_same_tokens_the_second_time_when_the_memo_answers() {
        String text = "Results\nWe measured 12 runs.\n".repeat(40) + "Discussion\n/etc/hosts\n".repeat(30);
        int first = tokenizer.count(text);
        assertThat(tokenizer.count(text)).isEqualTo(first).isEqualTo(whole.countTokensOrdinary(text));
        int[] prompt = tokenizer.promptTokens(ChatRequest.builder().messages(UserMessage.from(text)).build());
        int[] again = tokenizer.promptTokens(ChatRequest.builder().messages(UserMessage.from(text)).build());
        assertThat(again).isEqualTo(prompt);
    }

    private void assertSame(String text) {
        int[] expected = whole.encodeOrdinary(text).toArray();
        StringBuilder joined = new StringBuilder();
        java.util.List<Integer> tokens = new java.util.ArrayList<>();
        for (String segment : O200kTokenizer.segments(text)) {
            joined.append(segment);
            for (int t : whole.encodeOrdinary(segment).toArray()) {
                tokens.add(t);
            }
        }
        assertThat(joined.toString()).isEqualTo(text);
        assertThat(tokens.stream().mapToInt(Integer::intValue).toArray()).as("segment tokens of %s",
                text.length() > 60 ? text.substring(0, 60) + "..." : text).isEqualTo(expected);
        assertThat(tokenizer.count(text)).isEqualTo(expected.length);
    }

    /** ../shared (or a parent's shared folder) when it exists. */
    private static Path shared() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path s = p.resolveSibling("shared");
            if (Files.isDirectory(s.resolve("corpus"))) {
                return s;
            }
        }
        return null;
    }
}
