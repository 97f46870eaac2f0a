package dev.fameharness.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.error.RetriableException;
import dev.fameharness.api.metering.EventSink;
import dev.fameharness.platform.clock.VirtualClock;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultyChatModelTest {

    static final ChatRequest REQUEST = ChatRequest.builder().messages(UserMessage.from("summarize")).build();

    @Test
    void should_throw_rate_limit_at_once_without_calling_the_model_when_llm_rate_limit_is_injected() {
        // given
        VirtualClock clock = new VirtualClock(1);
        StubChatModel model = new StubChatModel();

        // when
        Duration elapsed = clock.run("llm", () -> {
            FaultyChatModel faulty = new FaultyChatModel(model,
                    new FaultInjector(FaultPlan.only(FaultKind.LLM_RATE_LIMIT, 1.0), clock, EventSink.NONE),
                    "gpt-4o-mini");
            assertThatThrownBy(() -> faulty.chat(REQUEST)).isInstanceOfSatisfying(RetriableException.class,
                    e -> assertThat(e.code()).isEqualTo("RateLimit"));
            return clock.now();
        });

        // then
        assertThat(elapsed).isZero();
        assertThat(model.calls).isZero();
    }

    @Test
    void should_let_the_timeout_pass_then_throw_timeout_when_llm_timeout_is_injected() {
        // given
        VirtualClock clock = new VirtualClock(1);
        StubChatModel model = new StubChatModel();
        FaultPlan plan = FaultPlan.only(FaultKind.LLM_TIMEOUT, 1.0).withLlmTimeoutAfter(Duration.ofSeconds(45));

        // when
        Duration elapsed = clock.run("llm", () -> {
            FaultyChatModel faulty = new FaultyChatModel(model, new FaultInjector(plan, clock, EventSink.NONE),
                    "gpt-4o-mini");
            assertThatThrownBy(() -> faulty.chat(REQUEST)).isInstanceOfSatisfying(RetriableException.class,
                    e -> assertThat(e.code()).isEqualTo("Timeout"));
            return clock.now();
        });

        // then
        assertThat(elapsed).isEqualTo(Duration.ofSeconds(45));
        assertThat(model.calls).isZero();
    }

    @Test
    void should_rate_limit_at_the_configured_rate_when_p_is_five_percent() {
        VirtualClock clock = new VirtualClock(41);
        StubChatModel model = new StubChatModel();
        int limited = clock.run("llm", () -> {
            FaultyChatModel faulty = new FaultyChatModel(model,
                    new FaultInjector(FaultPlan.only(FaultKind.LLM_RATE_LIMIT, 0.05), clock, EventSink.NONE), "m");
            int n = 0;
            for (int i = 0; i < 10_000; i++) {
                try {
                    faulty.chat(REQUEST);
                } catch (RetriableException e) {
                    n++;
                }
            }
            return n;
        });
        assertThat(limited).isBetween(400, 600);
        assertThat(model.calls).isEqualTo(10_000 - limited);
    }

    @Test
    void should_answer_through_the_model_when_p_is_zero() {
        VirtualClock clock = new VirtualClock(1);
        StubChatModel model = new StubChatModel();
        String text = clock.run("llm", () -> new FaultyChatModel(model,
                new FaultInjector(FaultPlan.NONE, clock, EventSink.NONE), "m").chat(REQUEST).aiMessage().text());
        assertThat(text).isEqualTo("ok");
        assertThat(model.calls).isEqualTo(1);
    }
}
