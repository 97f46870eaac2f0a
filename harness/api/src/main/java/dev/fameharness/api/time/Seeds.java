package dev.fameharness.api.time;

import java.nio.charset.StandardCharsets;

/** Derives independent, reproducible seeds from a run seed and a path of names (SplitMix64 over FNV-1a). */
public final class Seeds {

    private Seeds() {
    }

    public static long derive(long seed, String... path) {
        long h = 0xcbf29ce484222325L ^ mix(seed);
        for (String part : path) {
            for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
                h ^= (b & 0xff);
                h *= 0x100000001b3L;
            }
            h ^= 0x2f; // separator
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    private static long mix(long z) {
        z += 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
