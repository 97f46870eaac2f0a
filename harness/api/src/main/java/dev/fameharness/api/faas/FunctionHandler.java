package dev.fameharness.api.faas;

/**
 * A function's code: bytes in, bytes out, like a Lambda handler behind the Invoke API. Payloads are the
 * real serialised request and response, so their sizes count against the real limits. Throwing is a
 * function error (reported to the caller as {@link FunctionErrorException}).
 */
@FunctionalInterface
public interface FunctionHandler {

    byte[] handle(byte[] payload) throws Exception;
}
