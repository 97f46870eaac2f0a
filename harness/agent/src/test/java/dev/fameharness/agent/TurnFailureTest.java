package dev.fameharness.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.api.error.LimitExceededException;
import dev.fameharness.api.error.RetriableException;
import dev.fameharness.api.faas.FunctionErrorException;
import dev.fameharness.api.faas.FunctionTimeoutException;
import dev.fameharness.api.metering.FailureReason;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class TurnFailureTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new LimitExceededException("llm.context_window", 128_000, 130_000, "too many tokens"),
                        FailureReason.CONTEXT_WINDOW),
                Arguments.of(new LimitExceededException("dynamodb.item_size", 409_600, 500_000, "Item size has exceeded"),
                        FailureReason.ITEM_SIZE_LIMIT),
                Arguments.of(new LimitExceededException("sfn.state_payload", 262_144, 300_000, "too big"),
                        FailureReason.STATE_PAYLOAD_LIMIT),
                Arguments.of(new LimitExceededException("lambda.sync_payload", 6_291_456, 7_000_000, "too big"),
                        FailureReason.STATE_PAYLOAD_LIMIT),
                Arguments.of(new FunctionTimeoutException("agent", Duration.ofSeconds(900), "Task timed out"),
                        FailureReason.FUNCTION_TIMEOUT),
                Arguments.of(new RetriableException("ThrottlingException", "slow down"), FailureReason.SERVICE_ERROR),
                Arguments.of(new ConfigException("bad"), FailureReason.SERVICE_ERROR),
                Arguments.of(new FunctionErrorException("actor", "TurnFailure",
                        "reason=context-window: prompt of 130000 tokens", false, null), FailureReason.CONTEXT_WINDOW),
                Arguments.of(new RuntimeException("wrapper", new LimitExceededException("dynamodb.item_size", 1, 2, "x")),
                        FailureReason.ITEM_SIZE_LIMIT),
                Arguments.of(new RuntimeException("wrapper", new RetriableException("ConnectionError", "lost")),
                        FailureReason.SERVICE_ERROR),
                Arguments.of(new TurnFailure(FailureReason.TOOL_ERROR, "tool kept failing"), FailureReason.TOOL_ERROR));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void should_map_each_failure_to_one_reason_when_classified(Throwable failure, FailureReason expected) {
        // when
        FailureReason reason = TurnFailure.classify(failure);
        TurnFailure wrapped = TurnFailure.of(failure);

        // then the classification and the wrapped failure agree, and the reason survives in the message
        assertThat(reason).isEqualTo(expected);
        assertThat(wrapped.reason()).isEqualTo(expected);
        assertThat(TurnFailure.reasonIn(wrapped.getMessage())).contains(expected);
    }

    @ParameterizedTest
    @EnumSource(FailureReason.class)
    void should_read_back_reason_when_message_passed_through_other_layers(FailureReason reason) {
        // given a failure whose message is embedded in another error's text (a function error, a workflow cause)
        TurnFailure failure = new TurnFailure(reason, "details: a=b");
        String cause = "{\"errorMessage\":\"" + failure.getMessage() + "\",\"errorType\":\"TurnFailure\"}";

        // when / then
        assertThat(failure.getMessage()).startsWith("reason=" + reason.label() + ": ");
        assertThat(TurnFailure.reasonIn(cause)).contains(reason);
        assertThat(TurnFailure.classify(new FunctionErrorException("f", "TurnFailure", failure.getMessage(), false, null)))
                .isEqualTo(reason);
    }

    @Test
    void should_wrap_as_retriable_when_failure_is_retriable() {
        // when
        TurnFailure wrapped = TurnFailure.of(new RetriableException("ThrottlingException", "slow down"));

        // then
        assertThat(wrapped).isInstanceOf(RetriableTurnFailure.class);
        assertThat(wrapped.isRetriable()).isTrue();
        assertThat(wrapped.reason()).isEqualTo(FailureReason.SERVICE_ERROR);
        assertThat(wrapped.getClass().getSimpleName()).isEqualTo("RetriableTurnFailure");
    }

    @Test
    void should_return_same_failure_when_already_a_turn_failure() {
        TurnFailure failure = new TurnFailure(FailureReason.ITEM_SIZE_LIMIT, "x");
        assertThat(TurnFailure.of(failure)).isSameAs(failure);
    }

    @Test
    void should_find_no_reason_when_message_has_none_or_an_unknown_label() {
        assertThat(TurnFailure.reasonIn(null)).isEmpty();
        assertThat(TurnFailure.reasonIn("Task timed out after 300.00 seconds")).isEmpty();
        assertThat(TurnFailure.reasonIn("tool said reason=not-a-reason: whatever")).isEmpty();
        assertThat(TurnFailure.classify(new IllegalStateException("reason=bogus: x")))
                .isEqualTo(FailureReason.SERVICE_ERROR);
    }
}
