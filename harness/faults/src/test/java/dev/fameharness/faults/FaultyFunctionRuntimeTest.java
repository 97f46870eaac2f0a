package dev.fameharness.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.faas.FunctionErrorException;
import dev.fameharness.api.faas.FunctionSpec;
import dev.fameharness.api.faas.FunctionTimeoutException;
import dev.fameharness.api.faas.InvocationType;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.platform.clock.VirtualClock;
import dev.fameharness.platform.faas.FaasConfig;
import dev.fameharness.platform.faas.FaasEmulator;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FaultyFunctionRuntimeTest {

    private static final FunctionSpec SPEC = new FunctionSpec("planner", 1024, Duration.ofSeconds(30), "java21");

    /** A virtual clock, the real emulator (zero latencies) and the fault layer over it, with counters. */
    private static final class Rig {
        final VirtualClock clock;
        final RecordingEvents events = new RecordingEvents();
        final FaasEmulator emulator;
        final FaultyFunctionRuntime runtime;
        final FaultInjector faults;
        final AtomicInteger inits = new AtomicInteger();
        final AtomicInteger handled = new AtomicInteger();

        Rig(long seed, FaultPlan plan) {
            clock = new VirtualClock(seed);
            emulator = new FaasEmulator(clock, LatencyModel.ZERO, events, FaasConfig.defaults());
            faults = new FaultInjector(plan, clock, events);
            runtime = new FaultyFunctionRuntime(emulator, faults);
            runtime.deploy(SPEC, () -> {
                inits.incrementAndGet();
                return payload -> {
                    handled.incrementAndGet();
                    return payload;
                };
            });
        }
    }

    @Test
    void should_fail_as_a_retriable_lambda_service_exception_without_running_the_handler_when_crashing() {
        // given
        Rig rig = new Rig(1, FaultPlan.only(FaultKind.FUNCTION_CRASH, 1.0));

        // when / then
        rig.clock.run("invoke", () -> {
            assertThatThrownBy(() -> rig.runtime.invoke("planner", new byte[] {1}))
                    .isInstanceOfSatisfying(FunctionErrorException.class, e -> {
                        assertThat(e.errorType()).isEqualTo("Lambda.ServiceException");
                        assertThat(e.isRetriable()).isTrue();
                        assertThat(e.function()).isEqualTo("planner");
                    });
            return null;
        });
        assertThat(rig.handled).hasValue(0);
        assertThat(rig.events.of(Event.Invocation.class)).as("a failed Invoke call is not billed").isEmpty();
        assertThat(rig.events.notes("fault")).extracting(Event.Note::text).containsExactly("function_crash planner");
    }

    @Test
    void should_fail_as_a_non_retriable_lambda_unknown_when_crash_mode_is_unhandled() {
        Rig rig = new Rig(1, FaultPlan.only(FaultKind.FUNCTION_CRASH, 1.0).withFunctionCrashAs(CrashMode.UNHANDLED));
        rig.clock.run("invoke", () -> {
            assertThatThrownBy(() -> rig.runtime.invoke("planner", new byte[] {1}))
                    .isInstanceOfSatisfying(FunctionErrorException.class, e -> {
                        assertThat(e.errorType()).isEqualTo("Lambda.Unknown");
                        assertThat(e.isRetriable()).isFalse();
                    });
            return null;
        });
        assertThat(rig.handled).hasValue(0);
    }

    @Test
    void should_crash_at_the_configured_rate_when_p_is_five_percent() {
        // given
        Rig rig = new Rig(21, FaultPlan.only(FaultKind.FUNCTION_CRASH, 0.05));

        // when
        int crashes = rig.clock.run("invoke", () -> {
            int n = 0;
            for (int i = 0; i < 10_000; i++) {
                try {
                    rig.runtime.invoke("planner", new byte[] {1});
                } catch (FunctionErrorException e) {
                    n++;
                }
            }
            return n;
        });

        // then
        assertThat(crashes).isBetween(400, 600);
        assertThat(rig.handled).hasValue(10_000 - crashes);
        assertThat(rig.faults.log().injected(FaultKind.FUNCTION_CRASH)).isEqualTo(crashes);
    }

    @Test
    void should_let_the_whole_timeout_pass_and_bill_it_when_timing_out() {
        // given
        Rig rig = new Rig(1, FaultPlan.only(FaultKind.FUNCTION_TIMEOUT, 1.0));

        // when
        Duration elapsed = rig.clock.run("invoke", () -> {
            Duration start = rig.clock.now();
            assertThatThrownBy(() -> rig.runtime.invoke("planner", new byte[100]))
                    .isInstanceOfSatisfying(FunctionTimeoutException.class, e -> {
                        assertThat(e.timeout()).isEqualTo(Duration.ofSeconds(30));
                        assertThat(e.function()).isEqualTo("planner");
                    });
            return rig.clock.now().minus(start);
        });

        // then
        assertThat(elapsed).isEqualTo(Duration.ofSeconds(30));
        assertThat(rig.handled).hasValue(0);
        assertThat(rig.events.of(Event.Invocation.class)).singleElement().satisfies(inv -> {
            assertThat(inv.outcome()).isEqualTo("timeout");
            assertThat(inv.billedMillis()).isEqualTo(30_000);
            assertThat(inv.durationMicros()).isEqualTo(30_000_000);
            assertThat(inv.gbSeconds()).isEqualTo(30.0);
            assertThat(inv.requestBytes()).isEqualTo(100);
            assertThat(inv.tags().role()).isEqualTo("planner");
        });
    }

    @Test
    void should_fail_only_cold_starts_when_cold_start_failures_are_injected() {
        // given: half of the INITs fail; a failed INIT leaves no instance, a successful one leaves a warm one
        Rig rig = new Rig(4, FaultPlan.only(FaultKind.COLD_START_FAILURE, 0.5));

        // when: sequential invocations, so after the first successful cold start every invocation is warm
        int[] failures = rig.clock.run("invoke", () -> {
            int failed = 0;
            int failedAfterWarm = 0;
            for (int i = 0; i < 200; i++) {
                try {
                    rig.runtime.invoke("planner", new byte[] {1});
                } catch (FunctionErrorException e) {
                    assertThat(e.errorType()).isEqualTo("Lambda.Unknown");
                    assertThat(e.isRetriable()).isFalse();
                    failed++;
                    if (rig.handled.get() > 0) {
                        failedAfterWarm++;
                    }
                }
            }
            return new int[] {failed, failedAfterWarm};
        });

        // then
        assertThat(failures[1]).as("failures once an instance is warm").isZero();
        assertThat(rig.handled).hasValue(200 - failures[0]);
        assertThat(rig.inits).as("one successful INIT").hasValue(1);
        long decisions = rig.faults.log().decisions(FaultKind.COLD_START_FAILURE);
        assertThat(decisions).as("one decision per cold start").isEqualTo(failures[0] + 1);
        assertThat(rig.events.of(Event.Invocation.class)).filteredOn(Event.Invocation::cold)
                .hasSize(failures[0] + 1);
    }

    @Test
    void should_fail_every_cold_start_and_bill_the_init_when_p_is_one() {
        Rig rig = new Rig(4, FaultPlan.only(FaultKind.COLD_START_FAILURE, 1.0));
        rig.clock.run("invoke", () -> {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> rig.runtime.invoke("planner", new byte[] {1}))
                        .isInstanceOf(FunctionErrorException.class)
                        .hasMessageContaining("injected cold-start failure");
            }
            return null;
        });
        assertThat(rig.inits).hasValue(0);
        assertThat(rig.events.of(Event.Invocation.class)).hasSize(3)
                .allSatisfy(inv -> {
                    assertThat(inv.cold()).isTrue();
                    assertThat(inv.outcome()).isEqualTo("error");
                });
    }

    @Test
    void should_blame_only_the_function_whose_init_failed_when_an_outer_handler_propagates_it() {
        // given: "actor" calls "tools" through the faulty runtime; only INITs of "tools" can fail (the actor is
        // warmed up first with the fault layer off, by deploying it on the emulator directly)
        Rig rig = new Rig(4, FaultPlan.only(FaultKind.COLD_START_FAILURE, 1.0));
        rig.runtime.deploy(new FunctionSpec("tools", 512, Duration.ofSeconds(10), "java21"),
                () -> payload -> payload);
        rig.emulator.deploy(new FunctionSpec("actor", 512, Duration.ofSeconds(10), "java21"),
                () -> payload -> rig.runtime.invoke("tools", payload));

        // when / then
        rig.clock.run("invoke", () -> {
            assertThatThrownBy(() -> rig.runtime.invoke("actor", new byte[] {1}))
                    .isInstanceOfSatisfying(FunctionErrorException.class, e -> {
                        assertThat(e.function()).isEqualTo("actor");
                        assertThat(e.errorType()).as("the actor's handler failed; its INIT did not")
                                .isEqualTo("FunctionErrorException");
                        assertThat(e.getCause()).isInstanceOfSatisfying(FunctionErrorException.class, inner -> {
                            assertThat(inner.function()).isEqualTo("tools");
                            assertThat(inner.errorType()).isEqualTo("Lambda.Unknown");
                        });
                    });
            return null;
        });
    }

    @Test
    void should_not_crash_or_time_out_event_invocations() {
        Rig rig = new Rig(1, FaultPlan.only(FaultKind.FUNCTION_CRASH, 1.0).with(FaultKind.FUNCTION_TIMEOUT, 1.0));
        rig.clock.run("invoke", () -> {
            rig.runtime.invoke("planner", new byte[] {1}, InvocationType.EVENT);
            return null;
        });
        assertThat(rig.handled).hasValue(1);
    }

    @Test
    void should_pass_through_when_the_plan_is_empty() {
        Rig rig = new Rig(1, FaultPlan.NONE);
        byte[] out = rig.clock.run("invoke", () -> rig.runtime.invoke("planner", new byte[] {7}));
        assertThat(out).containsExactly(7);
        assertThat(rig.runtime.spec("planner")).isEqualTo(SPEC);
        assertThat(rig.events.notes("fault")).isEmpty();
    }
}
