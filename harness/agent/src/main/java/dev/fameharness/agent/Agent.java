package dev.fameharness.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fameharness.api.error.RetriableException;
import dev.fameharness.api.faas.FunctionErrorException;
import dev.fameharness.api.faas.FunctionTimeoutException;
import dev.fameharness.api.metering.FailureReason;
import dev.fameharness.api.time.Scope;
import dev.fameharness.api.tools.ToolDescriptor;
import dev.fameharness.api.tools.ToolGateway;
import dev.fameharness.api.tools.ToolResult;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The one agent every architecture runs: planner, actor and evaluator roles over a LangChain4j
 * {@link ChatModel} and a {@link ToolGateway}. Architectures differ only in the strategies around it (how
 * state travels, which tool layers wrap the gateway, whether memory is kept, how the roles are deployed).
 */
public final class Agent {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChatModel model;
    private final ToolGateway tools;
    private final AgentConfig config;
    private final UnaryOperator<Observation> recorder;

    public Agent(ChatModel model, ToolGateway tools, AgentConfig config) {
        this(model, tools, config, UnaryOperator.identity());
    }

    /**
     * @param recorder how a tool result is kept in the working state that travels to the next role: as is
     *                 (stateless payload) or, for architectures that carry references, replaced by a pointer
     *                 the actor can read again. The actor's own conversation always holds the full result.
     */
    public Agent(ChatModel model, ToolGateway tools, AgentConfig config, UnaryOperator<Observation> recorder) {
        this.model = Objects.requireNonNull(model, "model");
        this.tools = Objects.requireNonNull(tools, "tools");
        this.config = Objects.requireNonNull(config, "config");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    public AgentConfig config() {
        return config;
    }

    /** PLANNER: writes a plan of tool calls from the request, memory, observations and feedback. */
    public AgentState plan(AgentState state) {
        try (Scope s = Scope.withRole(Prompts.PLANNER)) {
            ChatRequest request = ChatRequest.builder()
                    .messages(SystemMessage.from(Prompts.plannerSystem(tools.tools())),
                            UserMessage.from(PromptFormat.render(state, false, true)))
                    .build();
            return state.withPlan(text(model.chat(request)));
        }
    }

    /** ACTOR: a ReAct loop that calls tools until the model writes the answer, within the step bound. */
    public AgentState act(AgentState state) {
        try (Scope s = Scope.withRole(Prompts.ACTOR)) {
            List<ToolDescriptor> descriptors = tools.tools();
            List<ChatMessage> messages = new ArrayList<>();
            messages.add(SystemMessage.from(Prompts.ACTOR_SYSTEM));
            messages.add(UserMessage.from(PromptFormat.render(state, true, false)));
            AgentState current = state;
            for (int step = 0; step < config.maxActorSteps(); step++) {
                ChatResponse response = model.chat(ChatRequest.builder().messages(messages)
                        .toolSpecifications(ToolSpecs.toSpecifications(descriptors)).build());
                AiMessage ai = response.aiMessage();
                if (!ai.hasToolExecutionRequests()) {
                    String text = ai.text() == null ? "" : ai.text();
                    if (text.strip().startsWith(Prompts.NEED_CONTEXT)) {
                        // The model asked the user for what the request refers to: the turn has no answer.
                        throw new TurnFailure(FailureReason.MISSING_CONTEXT, text.strip());
                    }
                    return current.withAnswer(text);
                }
                messages.add(ai);
                for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                    ToolResult result = call(descriptors, call);
                    String ref = ArtifactRefs.refOf(result.content()).orElse("");
                    current = current.withObservation(recorder.apply(new Observation(call.name(),
                            call.arguments(), result.content(), ref, result.error())));
                    // the model sees that a call failed (LangChain4j's isError), not just the error's text
                    messages.add(ToolExecutionResultMessage.builder().id(call.id()).toolName(call.name())
                            .text(result.content()).isError(result.error()).build());
                }
            }
            // Out of steps without an answer. If the tools kept failing, that is the turn's reason; otherwise
            // the evaluator rejects the empty draft.
            List<Observation> seen = current.observations();
            if (!seen.isEmpty() && seen.get(seen.size() - 1).error()) {
                throw new TurnFailure(FailureReason.TOOL_ERROR, "the actor ran out of steps while tools kept failing; last: "
                        + seen.get(seen.size() - 1).content());
            }
            return current.withAnswer("");
        }
    }

    /** EVALUATOR: accepts the draft or rejects it with feedback for the planner. */
    public AgentState evaluate(AgentState state) {
        try (Scope s = Scope.withRole(Prompts.EVALUATOR)) {
            ChatRequest request = ChatRequest.builder()
                    .messages(SystemMessage.from(Prompts.EVALUATOR_SYSTEM),
                            UserMessage.from(PromptFormat.render(state, false, true)))
                    .build();
            String reply = text(model.chat(request));
            try {
                JsonNode node = JSON.readTree(reply);
                String verdict = node.path("verdict").asText("");
                if (AgentState.ACCEPT.equals(verdict)) {
                    return state.withVerdict(AgentState.ACCEPT, "");
                }
                return state.withVerdict(AgentState.REJECT, node.path("feedback").asText("rejected without feedback"));
            } catch (IOException e) {
                return state.withVerdict(AgentState.REJECT, "the evaluator's reply was not valid JSON: " + reply);
            }
        }
    }

    /** True when the loop must stop without an accepted answer. */
    public boolean gaveUp(AgentState state) {
        return !state.accepted() && state.iteration() >= config.maxIterations();
    }

    /** The whole loop in one place (fused and monolithic topologies). */
    public AgentState loop(AgentState state) {
        AgentState current = state;
        while (true) {
            current = evaluate(act(plan(current)));
            if (current.accepted()) {
                return current;
            }
            if (gaveUp(current)) {
                throw new TurnFailure(FailureReason.EVALUATOR_GAVE_UP, "the evaluator rejected "
                        + current.iteration() + " answers; last feedback: " + current.feedback());
            }
        }
    }

    private ToolResult call(List<ToolDescriptor> descriptors, ToolExecutionRequest call) {
        Optional<ToolDescriptor> tool = descriptors.stream().filter(d -> d.name().equals(call.name())).findFirst();
        if (tool.isEmpty()) {
            return new ToolResult("unknown tool '" + call.name() + "'; available: "
                    + descriptors.stream().map(ToolDescriptor::name).toList(), true, 0, 0);
        }
        String args = call.arguments() == null || call.arguments().isBlank() ? "{}" : call.arguments();
        try {
            return tools.call(tool.get().server(), call.name(), args);
        } catch (FunctionErrorException | FunctionTimeoutException | RetriableException e) {
            // As agent frameworks do, a failed tool invocation goes back to the model as an error result, which
            // may call the tool again; payload limits and harness errors still end the turn.
            return new ToolResult("tool " + call.name() + " failed: " + e.getMessage(), true, 0, 0);
        }
    }

    private static String text(ChatResponse response) {
        String t = response.aiMessage().text();
        return t == null ? "" : t;
    }
}
