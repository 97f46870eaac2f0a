package dev.fameharness.api.store;

/** Read consistency; it changes what DynamoDB bills (an eventually consistent read costs half a unit). */
public enum Consistency {
    STRONG,
    EVENTUAL
}
