package dev.fameharness.llm;

import dev.langchain4j.model.chat.request.ChatRequest;

/**
 * What the simulated model says, given everything the real model would see: the messages and the tool
 * specifications of the request ({@link ChatRequest#messages()}, {@link ChatRequest#toolSpecifications()}).
 * Implementations come from the scenario and the agent: a tool-calling policy ("what a competent model would
 * call, given what it can see in the prompt") and an extractive summarizer over the text present in the
 * prompt ({@link ExtractiveSummarizer}). They must be deterministic functions of the request, and may only use
 * what is in it: a behaviour that reads state outside the prompt would let an architecture look better than a
 * real model could make it.
 *
 * <p>Called while the calling process holds the clock: the work takes no virtual time.
 */
@FunctionalInterface
public interface SimulatedBehavior {

    /** The reply to {@code request}: a text answer or a list of tool calls. Never null. */
    SimulatedReply respond(ChatRequest request);
}
