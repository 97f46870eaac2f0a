package dev.fameharness.strategies.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Store keys derive from hashes of session, turn and artifact ids, never from the ids themselves, so an id
 * such as {@code ../other} or one with control characters cannot address another session's values.
 */
public final class Keys {

    private Keys() {
    }

    public static String hash(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                // Length-prefixed, so that no split of the same characters into parts (e.g. "a\0" + "b" and
                // "a" + "\0b", possible with control characters in ids) hashes the same.
                byte[] bytes = p.getBytes(StandardCharsets.UTF_8);
                sha.update(java.nio.ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public static String turnState(String sessionId, String turnId) {
        return "state/" + hash(sessionId) + "/" + hash(sessionId, turnId);
    }

    public static String memory(String sessionId) {
        return "memory/" + hash(sessionId);
    }

    public static String artifact(String server, String tool, String canonicalArguments) {
        return "artifacts/" + hash(server, tool, canonicalArguments);
    }
}
