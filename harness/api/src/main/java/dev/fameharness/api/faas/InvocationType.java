package dev.fameharness.api.faas;

/** Lambda's invocation types; they have different payload limits (6 MB vs 1 MB). */
public enum InvocationType {
    REQUEST_RESPONSE,
    EVENT
}
