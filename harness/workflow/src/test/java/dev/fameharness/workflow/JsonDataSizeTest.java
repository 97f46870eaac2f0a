package dev.fameharness.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The payload size the quota checks and the transitions meter is summed over the JSON tree without writing it;
 * it must be exactly the length of the compact UTF-8 JSON Jackson writes, for every kind of node and character.
 */
class JsonDataSizeTest {

    private static final String[] PIECES = {"a", "Z", " ", "\"", "\\", "/", "\n", "\r", "\t", "\b", "\f", "\u0001",
        "\u001f", "\u007f", "é", "ß", "\u0800", "日本", "😀", "\ud800", "\udfff", "\u2028", "{", "}", "[", ",", ":",
        "<|endoftext|>"};

    @Test
    void should_equal_the_written_length_when_random_trees_of_tricky_strings_are_measured() {
        Random rnd = new Random(5);
        for (int n = 0; n < 300; n++) {
            JsonNode tree = tree(rnd, 0);
            assertThat(JsonData.size(tree)).as("size of %s", JsonData.write(tree))
                    .isEqualTo(JsonData.bytes(tree).length);
        }
    }

    @Test
    void should_count_a_long_string_again_correctly_when_it_is_shared_between_payloads() {
        String longText = "Methods\n\"quoted\" é 😀 ".repeat(200);
        ObjectNode first = JsonData.NODES.objectNode().put("history", longText);
        ObjectNode second = JsonData.NODES.objectNode().put("h", longText).put("n", 3);
        assertThat(JsonData.size(first)).isEqualTo(JsonData.bytes(first).length);
        assertThat(JsonData.size(second)).isEqualTo(JsonData.bytes(second).length);
        assertThat(JsonData.size(first)).isEqualTo(JsonData.bytes(first).length);
    }

    private static JsonNode tree(Random rnd, int depth) {
        int kind = depth > 3 ? 2 + rnd.nextInt(5) : rnd.nextInt(7);
        switch (kind) {
            case 0 -> {
                ObjectNode o = JsonData.NODES.objectNode();
                int fields = rnd.nextInt(5);
                for (int i = 0; i < fields; i++) {
                    o.set(text(rnd, 6) + i, tree(rnd, depth + 1));
                }
                return o;
            }
            case 1 -> {
                ArrayNode a = JsonData.NODES.arrayNode();
                int items = rnd.nextInt(5);
                for (int i = 0; i < items; i++) {
                    a.add(tree(rnd, depth + 1));
                }
                return a;
            }
            case 2 -> {
                return JsonData.NODES.textNode(text(rnd, rnd.nextBoolean() ? 20 : 1500));
            }
            case 3 -> {
                return JsonData.NODES.numberNode(rnd.nextInt() * (rnd.nextBoolean() ? 1L : 1_000_000L));
            }
            case 4 -> {
                return JsonData.NODES.numberNode(rnd.nextGaussian() * Math.pow(10, rnd.nextInt(30) - 15));
            }
            case 5 -> {
                return JsonData.NODES.booleanNode(rnd.nextBoolean());
            }
            default -> {
                return JsonData.NODES.nullNode();
            }
        }
    }

    private static String text(Random rnd, int maxPieces) {
        StringBuilder b = new StringBuilder();
        int n = rnd.nextInt(maxPieces + 1);
        for (int i = 0; i < n; i++) {
            b.append(PIECES[rnd.nextInt(PIECES.length)]);
        }
        return b.toString();
    }
}
