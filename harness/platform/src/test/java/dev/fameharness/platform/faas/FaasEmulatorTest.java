package dev.fameharness.platform.faas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.api.error.LimitExceededException;
import dev.fameharness.api.error.RetriableException;
import dev.fameharness.api.faas.FunctionErrorException;
import dev.fameharness.api.faas.FunctionSpec;
import dev.fameharness.api.faas.FunctionTimeoutException;
import dev.fameharness.api.faas.InvocationType;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.Tags;
import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.api.time.Scope;
import dev.fameharness.platform.calibration.CalibrationProfile;
import dev.fameharness.platform.calibration.ProfileLatencyModel;
import dev.fameharness.platform.clock.VirtualClock;
import dev.fameharness.platform.metering.EventLog;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FaasEmulatorTest {

    private static final Duration INIT = Duration.ofMillis(500);
    private static final Duration OVERHEAD = Duration.ofMillis(10);

    /** Fixed latencies: every INIT takes 500 ms, every routing overhead 10 ms. */
    private static final LatencyModel FIXED = new LatencyModel() {
        @Override
        public Duration sample(String operation, long quantity) {
            if (operation.startsWith("lambda.init.")) {
                return INIT;
            }
            if (operation.equals("lambda.invoke.warm")) {
                return OVERHEAD;
            }
            throw new IllegalArgumentException(operation);
        }

        @Override
        public boolean has(String operation) {
            return operation.startsWith("lambda.init.") || operation.equals("lambda.invoke.warm");
        }
    };

    private final VirtualClock clock = new VirtualClock(1);
    private final EventLog log = new EventLog();
    private final AtomicInteger inits = new AtomicInteger();

    private FaasEmulator emulator(FaasConfig config) {
        return new FaasEmulator(clock, FIXED, log, config);
    }

    private FaasEmulator emulator() {
        return emulator(FaasConfig.defaults());
    }

    private static FunctionSpec spec(String name, int memoryMb, Duration timeout) {
        return new FunctionSpec(name, memoryMb, timeout, "java21");
    }

    /** Deploys a function whose handler sleeps {@code work} and answers with its instance number. */
    private void deploySleeper(FaasEmulator faas, String name, Duration work) {
        faas.deploy(spec(name, 1024, Duration.ofSeconds(30)), () -> {
            int instance = inits.incrementAndGet();
            return payload -> {
                clock.sleep(work);
                return ("instance-" + instance).getBytes(StandardCharsets.UTF_8);
            };
        });
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void should_cold_start_then_reuse_the_warm_instance_when_invoked_twice_in_sequence() {
        FaasEmulator faas = emulator();
        deploySleeper(faas, "planner", Duration.ofMillis(100));

        List<String> answers = clock.run("main", () -> List.of(
                text(faas.invoke("planner", new byte[10])), text(faas.invoke("planner", new byte[10]))));

        assertThat(answers).containsExactly("instance-1", "instance-1");
        assertThat(inits).hasValue(1);
        List<Event.Invocation> events = log.events(Event.Invocation.class);
        assertThat(events).extracting(Event.Invocation::cold).containsExactly(true, false);
        assertThat(events).extracting(Event.Invocation::initMicros).containsExactly(500_000L, 0L);
        // cold: 10 ms overhead + 500 ms INIT + 100 ms handler; warm: 10 + 100.
        assertThat(clock.now()).isEqualTo(Duration.ofMillis(720));
        assertThat(faas.idleInstances("planner")).isEqualTo(1);
    }

    @Test
    void should_start_two_instances_when_two_invocations_overlap_and_reuse_the_most_recently_used() {
        FaasEmulator faas = emulator();
        deploySleeper(faas, "actor", Duration.ofMillis(100));

        List<String> answers = clock.run("main", () -> {
            Clock.Task<String> a = clock.spawn("a", () -> text(faas.invoke("actor", new byte[1])));
            Clock.Task<String> b = clock.spawn("b", () -> {
                clock.sleep(Duration.ofMillis(50)); // b starts while a is still busy, finishes after it
                return text(faas.invoke("actor", new byte[1]));
            });
            List<String> out = new ArrayList<>(List.of(a.join(), b.join()));
            out.add(text(faas.invoke("actor", new byte[1])));
            return out;
        });

        assertThat(inits).hasValue(2);
        assertThat(answers).containsExactly("instance-1", "instance-2", "instance-2");
        assertThat(log.events(Event.Invocation.class)).extracting(Event.Invocation::cold)
                .containsExactly(true, true, false);
    }

    @Test
    void should_cold_start_again_when_the_instance_stayed_idle_for_the_keep_alive() {
        Duration keepAlive = Duration.ofMinutes(10);
        FaasEmulator faas = emulator(FaasConfig.defaults().withKeepAlive(keepAlive));
        deploySleeper(faas, "evaluator", Duration.ofMillis(5));

        clock.run("main", () -> {
            faas.invoke("evaluator", new byte[1]);
            clock.sleep(keepAlive.minusMillis(1));
            faas.invoke("evaluator", new byte[1]); // idle 1 ms short of the keep-alive: warm
            clock.sleep(keepAlive);
            faas.invoke("evaluator", new byte[1]); // idle exactly the keep-alive: evicted, cold
            return null;
        });

        assertThat(log.events(Event.Invocation.class)).extracting(Event.Invocation::cold)
                .containsExactly(true, false, true);
        assertThat(inits).hasValue(2);
    }

    @Test
    void should_throttle_the_invocation_over_the_account_concurrency_limit_across_functions() {
        FaasEmulator faas = emulator(FaasConfig.defaults().withAccountConcurrency(2));
        deploySleeper(faas, "f1", Duration.ofMillis(100));
        deploySleeper(faas, "f2", Duration.ofMillis(100));

        List<String> outcomes = clock.run("main", () -> {
            List<Clock.Task<String>> tasks = new ArrayList<>();
            String[] targets = {"f1", "f2", "f1"};
            for (int i = 0; i < targets.length; i++) {
                String target = targets[i];
                tasks.add(clock.spawn("c" + i, () -> {
                    try {
                        faas.invoke(target, new byte[1]);
                        return "ok";
                    } catch (RetriableException e) {
                        return e.code();
                    }
                }));
            }
            List<String> out = new ArrayList<>();
            tasks.forEach(t -> out.add(t.join()));
            out.add(text(faas.invoke("f1", new byte[1]))); // capacity is back once the others finished
            return out;
        });

        assertThat(outcomes).containsExactly("ok", "ok", "TooManyRequestsException", "instance-1");
        assertThat(log.events(Event.Invocation.class)).extracting(Event.Invocation::outcome)
                .containsExactly("throttled", "ok", "ok", "ok");
        assertThat(faas.concurrentExecutions()).isZero();
    }

    @Test
    void should_accept_sync_requests_at_the_limit_and_reject_one_byte_more() {
        FaasEmulator faas = emulator();
        faas.deploy(spec("echo", 1024, Duration.ofSeconds(3)), () -> payload -> new byte[0]);
        int limit = 6_291_456;

        clock.run("main", () -> faas.invoke("echo", new byte[limit]));
        LimitExceededException e = clock.run("main2", () -> catchLimit(() -> faas.invoke("echo", new byte[limit + 1])));

        assertThat(e.limit()).isEqualTo("lambda.sync_payload");
        assertThat(e.maximum()).isEqualTo(limit);
        assertThat(e.actual()).isEqualTo(limit + 1L);
        assertThat(log.events(Event.Invocation.class)).extracting(Event.Invocation::outcome)
                .containsExactly("ok", "payload_limit");
    }

    @Test
    void should_accept_sync_responses_at_the_limit_and_reject_one_byte_more() {
        FaasEmulator faas = emulator();
        int limit = 6_291_556;
        faas.deploy(spec("big", 1024, Duration.ofSeconds(3)), () -> payload -> new byte[limit + payload.length - 1]);

        byte[] ok = clock.run("main", () -> faas.invoke("big", new byte[1]));
        LimitExceededException e = clock.run("main2", () -> catchLimit(() -> faas.invoke("big", new byte[2])));

        assertThat(ok).hasSize(limit);
        assertThat(e.limit()).isEqualTo("lambda.sync_payload");
        assertThat(e.maximum()).isEqualTo(limit);
        assertThat(e.actual()).isEqualTo(limit + 1L);
        Event.Invocation rejected = log.events(Event.Invocation.class).get(1);
        assertThat(rejected.outcome()).isEqualTo("payload_limit");
        assertThat(rejected.responseBytes()).isEqualTo(limit + 1L);
        assertThat(rejected.billedMillis()).as("the function ran, so it is billed").isPositive();
    }

    @Test
    void should_accept_async_requests_at_the_limit_reject_one_byte_more_and_discard_async_responses() {
        FaasEmulator faas = emulator();
        int limit = 1_048_576;
        faas.deploy(spec("event", 1024, Duration.ofSeconds(3)), () -> payload -> new byte[2 * limit]);

        byte[] accepted = clock.run("main", () -> faas.invoke("event", new byte[limit], InvocationType.EVENT));
        LimitExceededException e = clock.run("main2",
                () -> catchLimit(() -> faas.invoke("event", new byte[limit + 1], InvocationType.EVENT)));

        assertThat(accepted).isEmpty();
        assertThat(e.limit()).isEqualTo("lambda.async_payload");
        assertThat(e.maximum()).isEqualTo(limit);
        List<Event.Invocation> events = log.events(Event.Invocation.class);
        assertThat(events).extracting(Event.Invocation::outcome).containsExactly("ok", "payload_limit");
        assertThat(events.get(0).responseBytes()).as("EVENT responses are discarded").isZero();
        assertThat(events.get(0).requestBytes()).isEqualTo(limit);
    }

    @Test
    void should_return_at_once_when_invoked_asynchronously_while_the_function_runs_in_its_own_process() {
        FaasEmulator faas = emulator();
        deploySleeper(faas, "bg", Duration.ofSeconds(2));

        Duration returnedAt = clock.run("main", () -> {
            faas.invoke("bg", new byte[1], InvocationType.EVENT);
            return clock.now();
        });

        assertThat(returnedAt).isEqualTo(Duration.ZERO);
        assertThat(clock.now()).as("the simulation ran the event to completion")
                .isEqualTo(OVERHEAD.plus(INIT).plusSeconds(2));
        assertThat(log.events(Event.Invocation.class)).singleElement()
                .extracting(Event.Invocation::outcome).isEqualTo("ok");
    }

    @Test
    void should_fail_with_timeout_and_bill_the_full_timeout_when_the_handler_runs_too_long() {
        FaasEmulator faas = emulator();
        Duration timeout = Duration.ofSeconds(1);
        faas.deploy(spec("slow", 1024, timeout), () -> {
            inits.incrementAndGet();
            return payload -> {
                clock.sleep(Duration.ofMillis(payload[0] == 0 ? 1000 : 1500));
                return new byte[] {1};
            };
        });

        clock.run("main", () -> faas.invoke("slow", new byte[] {0})); // exactly the timeout: ok
        FunctionTimeoutException e = clock.run("main2", () -> {
            try {
                faas.invoke("slow", new byte[] {1});
                return null;
            } catch (FunctionTimeoutException t) {
                return t;
            }
        });
        clock.run("main3", () -> faas.invoke("slow", new byte[] {0}));

        assertThat(e).isNotNull();
        assertThat(e.function()).isEqualTo("slow");
        assertThat(e.timeout()).isEqualTo(timeout);
        List<Event.Invocation> events = log.events(Event.Invocation.class);
        assertThat(events).extracting(Event.Invocation::outcome).containsExactly("ok", "timeout", "ok");
        assertThat(events.get(1).durationMicros()).isEqualTo(1_000_000L);
        assertThat(events.get(1).billedMillis()).isEqualTo(1_000L);
        assertThat(events.get(1).responseBytes()).isZero();
        assertThat(events.get(2).cold()).as("a timed-out instance is discarded").isTrue();
        assertThat(inits).hasValue(2);
    }

    @Test
    void should_round_billed_duration_up_to_the_millisecond_and_include_init() {
        FaasEmulator faas = emulator();
        faas.deploy(spec("fn", 2048, Duration.ofSeconds(3)), () -> payload -> {
            clock.sleep(Duration.ofNanos(100_200_000));
            return new byte[0];
        });

        clock.run("main", () -> {
            faas.invoke("fn", new byte[1]);
            faas.invoke("fn", new byte[1]);
            return null;
        });

        List<Event.Invocation> events = log.events(Event.Invocation.class);
        Event.Invocation cold = events.get(0);
        Event.Invocation warm = events.get(1);
        assertThat(warm.durationMicros()).isEqualTo(100_200L);
        assertThat(warm.billedMillis()).isEqualTo(101L);
        assertThat(warm.gbSeconds()).isCloseTo(0.101 * 2.0, within(1e-12));
        assertThat(cold.billedMillis()).as("INIT 500 ms + 100.2 ms, rounded up").isEqualTo(601L);
        assertThat(cold.gbSeconds()).isCloseTo(0.601 * 2.0, within(1e-12));
    }

    @Test
    void should_not_bill_init_when_init_billing_is_off() {
        FaasEmulator faas = emulator(FaasConfig.defaults().withBillInitPhase(false));
        faas.deploy(spec("fn", 128, Duration.ofSeconds(3)), () -> payload -> {
            clock.sleep(Duration.ofNanos(100_200_000));
            return new byte[0];
        });

        clock.run("main", () -> faas.invoke("fn", new byte[1]));

        Event.Invocation cold = log.events(Event.Invocation.class).get(0);
        assertThat(cold.billedMillis()).isEqualTo(101L);
        assertThat(cold.gbSeconds()).isCloseTo(0.101 * 0.125, within(1e-12));
    }

    @Test
    void should_map_handler_exceptions_to_function_errors_and_keep_the_instance_warm() {
        FaasEmulator faas = emulator();
        faas.deploy(spec("flaky", 1024, Duration.ofSeconds(3)), () -> {
            inits.incrementAndGet();
            return payload -> {
                if (payload[0] == 1) {
                    throw new IllegalStateException("bad input");
                }
                throw new RetriableException("ThrottlingException", "store throttled");
            };
        });

        FunctionErrorException plain = clock.run("main", () -> catchError(() -> faas.invoke("flaky", new byte[] {1})));
        FunctionErrorException retriable = clock.run("main2", () -> catchError(() -> faas.invoke("flaky", new byte[] {2})));

        assertThat(plain.errorType()).isEqualTo("IllegalStateException");
        assertThat(plain.function()).isEqualTo("flaky");
        assertThat(plain.isRetriable()).isFalse();
        assertThat(plain.getCause()).isInstanceOf(IllegalStateException.class);
        assertThat(retriable.errorType()).isEqualTo("RetriableException");
        assertThat(retriable.isRetriable()).isTrue();
        assertThat(inits).hasValue(1);
        assertThat(log.events(Event.Invocation.class)).extracting(Event.Invocation::outcome)
                .containsExactly("error", "error");
    }

    @Test
    void should_report_init_failures_as_function_errors_and_discard_the_instance() {
        FaasEmulator faas = emulator();
        faas.deploy(spec("broken", 1024, Duration.ofSeconds(3)), () -> {
            inits.incrementAndGet();
            throw new IllegalArgumentException("missing config");
        });

        FunctionErrorException e = clock.run("main", () -> catchError(() -> faas.invoke("broken", new byte[1])));
        clock.run("main2", () -> catchError(() -> faas.invoke("broken", new byte[1])));

        assertThat(e.errorType()).isEqualTo("IllegalArgumentException");
        assertThat(inits).as("INIT is retried by the next invocation").hasValue(2);
        assertThat(faas.concurrentExecutions()).isZero();
    }

    @Test
    void should_meter_each_invocation_with_the_callers_tags_and_the_function_as_role() {
        FaasEmulator faas = emulator();
        List<String> seen = new ArrayList<>();
        faas.deploy(spec("fame-planner", 1024, Duration.ofSeconds(3)), () -> payload -> {
            InvocationContext ctx = InvocationContext.current();
            seen.add(Scope.current().role() + "|" + ctx.function() + "|" + ctx.memoryMb() + "|"
                    + ctx.remainingTime().toMillis());
            seen.add(String.format("%.4f", ctx.cpuShare()));
            clock.sleep(Duration.ofMillis(20));
            return new byte[7];
        });
        Tags caller = new Tags("fame", "s001", "s001-t01", "workflow");

        clock.run("main", () -> {
            try (Scope s = Scope.with(caller)) {
                faas.invoke("fame-planner", new byte[42]);
                assertThat(Scope.current()).as("the caller's scope is restored").isEqualTo(caller);
            }
            return null;
        });

        assertThat(seen).containsExactly("fame-planner|fame-planner|1024|3000", String.format("%.4f", 1024 / 1769.0));
        assertThat(InvocationContext.find()).isEmpty();
        Event.Invocation e = log.events(Event.Invocation.class).get(0);
        assertThat(e).isEqualTo(new Event.Invocation(0, new Tags("fame", "s001", "s001-t01", "fame-planner"),
                "fame-planner", 1024, true, 500_000, 20_000, 520, 0.52, 42, 7, "ok"));
    }

    @Test
    void should_cap_cpu_share_at_one_vcpu() {
        FaasEmulator faas = emulator();
        List<Double> shares = new ArrayList<>();
        faas.deploy(spec("big", 4096, Duration.ofSeconds(3)), () -> payload -> {
            shares.add(InvocationContext.current().cpuShare());
            return new byte[0];
        });

        clock.run("main", () -> faas.invoke("big", new byte[0]));

        assertThat(shares).containsExactly(1.0);
    }

    @Test
    void should_fail_with_config_errors_for_unknown_functions_and_runtimes() {
        FaasEmulator faas = emulator();

        assertThatThrownBy(() -> clock.run("main", () -> faas.invoke("ghost", new byte[0])))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ghost");
        FaasEmulator profiled = new FaasEmulator(clock, new ProfileLatencyModel(CalibrationProfile.loadDefault(), 1),
                log, FaasConfig.defaults());
        assertThatThrownBy(() -> profiled.deploy(new FunctionSpec("rb", 512, Duration.ofSeconds(3), "ruby3.3"),
                () -> payload -> payload))
                .isInstanceOf(ConfigException.class).hasMessageContaining("lambda.init.ruby3.3");
    }

    @Test
    void should_produce_identical_event_streams_for_the_same_seed_with_the_profile_latencies() throws Exception {
        String first = simulate(11);
        String second = simulate(11);
        String other = simulate(12);

        assertThat(first).isEqualTo(second);
        assertThat(first).isNotEqualTo(other);
        assertThat(first.lines().count()).isEqualTo(30);
    }

    private static String simulate(long seed) throws Exception {
        VirtualClock clock = new VirtualClock(seed);
        EventLog log = new EventLog();
        CalibrationProfile profile = CalibrationProfile.loadDefault();
        FaasEmulator faas = new FaasEmulator(clock, new ProfileLatencyModel(profile, seed), log,
                FaasConfig.fromProfile(profile));
        faas.deploy(new FunctionSpec("fn", 1024, Duration.ofSeconds(30), "java21"), () -> payload -> {
            clock.sleep(Duration.ofMillis(50 + clock.random().nextInt(100)));
            return payload;
        });
        clock.run("main", () -> {
            List<Clock.Task<Void>> sessions = new ArrayList<>();
            for (int s = 0; s < 10; s++) {
                sessions.add(clock.spawn("s" + s, () -> {
                    for (int i = 0; i < 3; i++) {
                        clock.sleep(Duration.ofMillis(clock.random().nextInt(5_000)));
                        faas.invoke("fn", new byte[100]);
                    }
                    return null;
                }));
            }
            sessions.forEach(Clock.Task::join);
            return null;
        });
        StringWriter out = new StringWriter();
        log.writeJsonLines(out);
        return out.toString();
    }

    private static LimitExceededException catchLimit(Runnable call) {
        try {
            call.run();
        } catch (LimitExceededException e) {
            return e;
        }
        throw new AssertionError("expected LimitExceededException");
    }

    private static FunctionErrorException catchError(Runnable call) {
        try {
            call.run();
        } catch (FunctionErrorException e) {
            return e;
        }
        throw new AssertionError("expected FunctionErrorException");
    }
}
