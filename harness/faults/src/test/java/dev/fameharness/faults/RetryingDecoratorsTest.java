package dev.fameharness.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.error.RetriableException;
import dev.fameharness.api.faas.FunctionErrorException;
import dev.fameharness.api.faas.FunctionTimeoutException;
import dev.fameharness.api.metering.EventSink;
import dev.fameharness.api.tools.ToolResult;
import dev.fameharness.platform.clock.VirtualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The object store, chat model and tool gateway retry decorators. */
class RetryingDecoratorsTest {

    @Test
    void should_recover_from_slowdown_when_the_object_store_is_throttled() {
        // given
        VirtualClock clock = new VirtualClock(3);
        InMemoryObjectStore real = new InMemoryObjectStore();
        Retrier retrier = new Retrier(RetryPolicy.standard().withMaxAttempts(20), clock, EventSink.NONE);

        // when
        clock.run("s3", () -> {
            FaultInjector faults = new FaultInjector(FaultPlan.only(FaultKind.STORE_THROTTLE, 0.5), clock,
                    EventSink.NONE);
            RetryingObjectStore store = new RetryingObjectStore(new FaultyObjectStore(real, faults), retrier);
            for (int i = 0; i < 100; i++) {
                store.put("a/" + i, new byte[] {(byte) i});
                assertThat(store.get("a/" + i)).hasValueSatisfying(b -> assertThat(b).hasSize(1));
            }
            assertThat(store.list("a/")).hasSize(100);
            return null;
        });

        // then
        assertThat(retrier.retries()).isPositive();
        assertThat(retrier.exhausted()).isZero();
    }

    @Test
    void should_give_up_with_slowdown_when_every_attempt_is_throttled() {
        VirtualClock clock = new VirtualClock(3);
        InMemoryObjectStore real = new InMemoryObjectStore();
        clock.run("s3", () -> {
            RetryingObjectStore store = new RetryingObjectStore(new FaultyObjectStore(real,
                    new FaultInjector(FaultPlan.only(FaultKind.STORE_THROTTLE, 1.0), clock, EventSink.NONE)),
                    new Retrier(RetryPolicy.standard(), clock, EventSink.NONE));
            assertThatThrownBy(() -> store.head("k")).isInstanceOfSatisfying(RetriableException.class,
                    e -> assertThat(e.code()).isEqualTo("SlowDown"));
            return null;
        });
        assertThat(real.requests).isZero();
    }

    @Test
    void should_retry_a_rate_limited_model_call_with_the_throttling_base_delay() {
        // given
        VirtualClock clock = new VirtualClock(3);
        StubChatModel model = new StubChatModel();
        model.failures.add(new RetriableException("RateLimit", "429"));
        RecordingEvents events = new RecordingEvents();

        // when
        Duration elapsed = clock.run("llm", () -> {
            RetryingChatModel retrying = new RetryingChatModel(model,
                    new Retrier(RetryPolicy.standard(), clock, events), "gpt-4o-mini");
            assertThat(retrying.chat(FaultyChatModelTest.REQUEST).aiMessage().text()).isEqualTo("ok");
            return clock.now();
        });

        // then
        assertThat(model.calls).isEqualTo(2);
        List<Long> backoffs = RetryingKeyValueStoreTest.backoffsMillis(events);
        assertThat(backoffs).singleElement().satisfies(ms -> assertThat(ms).isBetween(0L, 999L));
        assertThat(elapsed).isEqualTo(Duration.ofMillis(backoffs.get(0)));
        assertThat(events.notes(Retrier.NOTE_SUBJECT).get(0).text()).startsWith("llm gpt-4o-mini attempt 2/3 after "
                + "RateLimit");
    }

    @Test
    void should_recover_from_injected_llm_timeouts_when_wrapped_around_the_faulty_model() {
        // given
        VirtualClock clock = new VirtualClock(3);
        StubChatModel model = new StubChatModel();
        RecordingEvents events = new RecordingEvents();
        FaultInjector[] faults = new FaultInjector[1];

        // when
        Duration elapsed = clock.run("llm", () -> {
            faults[0] = new FaultInjector(FaultPlan.only(FaultKind.LLM_TIMEOUT, 0.5), clock, EventSink.NONE);
            RetryingChatModel retrying = new RetryingChatModel(new FaultyChatModel(model, faults[0], "m"),
                    new Retrier(RetryPolicy.standard().withMaxAttempts(30), clock, events), "m");
            for (int i = 0; i < 20; i++) {
                retrying.chat(FaultyChatModelTest.REQUEST);
            }
            return clock.now();
        });

        // then: every call answered; the clock moved by 60 s per timeout plus the (non-throttling) backoffs
        long timeouts = faults[0].log().injected(FaultKind.LLM_TIMEOUT);
        assertThat(model.calls).isEqualTo(20);
        assertThat(timeouts).isPositive();
        long backoffMillis = RetryingKeyValueStoreTest.backoffsMillis(events).stream().mapToLong(Long::longValue).sum();
        assertThat(RetryingKeyValueStoreTest.backoffsMillis(events)).hasSize((int) timeouts);
        assertThat(elapsed).isEqualTo(Duration.ofSeconds(60 * timeouts).plusMillis(backoffMillis));
    }

    @Test
    void should_not_retry_a_model_failure_that_is_not_transient() {
        VirtualClock clock = new VirtualClock(3);
        StubChatModel model = new StubChatModel();
        model.failures.add(new IllegalArgumentException("invalid request"));
        clock.run("llm", () -> {
            RetryingChatModel retrying = new RetryingChatModel(model,
                    new Retrier(RetryPolicy.standard(), clock, EventSink.NONE), "m");
            assertThatThrownBy(() -> retrying.chat(FaultyChatModelTest.REQUEST))
                    .isInstanceOf(IllegalArgumentException.class);
            return null;
        });
        assertThat(model.calls).isEqualTo(1);
    }

    @Test
    void should_retry_transport_failures_of_a_tool_call() {
        // given
        VirtualClock clock = new VirtualClock(3);
        StubToolGateway tools = new StubToolGateway();
        tools.failures.add(new RetriableException("TooManyRequestsException", "Rate Exceeded"));
        tools.failures.add(new FunctionErrorException("papers", "Lambda.ServiceException", "500", true, null));

        // when
        ToolResult result = clock.run("tool", () -> new RetryingToolGateway(tools,
                new Retrier(RetryPolicy.standard(), clock, EventSink.NONE)).call("papers", "fetch", "{}"));

        // then
        assertThat(result.content()).isEqualTo("ok");
        assertThat(tools.calls).isEqualTo(3);
    }

    @Test
    void should_return_an_error_result_unchanged_without_retrying() {
        VirtualClock clock = new VirtualClock(3);
        StubToolGateway tools = new StubToolGateway();
        tools.answer = new ToolResult("no such section", true, 10, 20);
        ToolResult result = clock.run("tool", () -> new RetryingToolGateway(tools,
                new Retrier(RetryPolicy.standard(), clock, EventSink.NONE)).call("papers", "section", "{}"));
        assertThat(result).isSameAs(tools.answer);
        assertThat(tools.calls).isEqualTo(1);
    }

    @Test
    void should_not_retry_a_tool_function_crash_or_timeout() {
        VirtualClock clock = new VirtualClock(3);
        StubToolGateway tools = new StubToolGateway();
        tools.failures.add(new FunctionErrorException("papers", "Lambda.Unknown", "crash", false, null));
        tools.failures.add(new FunctionTimeoutException("papers", Duration.ofSeconds(3), "timed out"));
        clock.run("tool", () -> {
            RetryingToolGateway gateway = new RetryingToolGateway(tools,
                    new Retrier(RetryPolicy.standard(), clock, EventSink.NONE));
            assertThatThrownBy(() -> gateway.call("papers", "fetch", "{}")).isInstanceOf(FunctionErrorException.class);
            assertThatThrownBy(() -> gateway.call("papers", "fetch", "{}"))
                    .isInstanceOf(FunctionTimeoutException.class);
            return null;
        });
        assertThat(tools.calls).isEqualTo(2);
    }
}
