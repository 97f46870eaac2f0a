package dev.fameharness.platform.faas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.faas.FunctionSpec;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.time.LatencyModel;
import dev.fameharness.api.time.LatencyPart;
import dev.fameharness.platform.clock.VirtualClock;
import dev.fameharness.platform.metering.EventLog;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class HandlerComputeTest {

    /** No INIT or overhead; compute = 100 ms + 1 ms per 1,000 bytes at one vCPU for runtime "py". */
    private static final LatencyModel COMPUTE = new LatencyModel() {
        @Override
        public Duration sample(String operation, long quantity) {
            return operation.equals("lambda.compute.py") ? Duration.ofMillis(100 + quantity / 1000) : Duration.ZERO;
        }

        @Override
        public boolean has(String operation) {
            return true;
        }
    };

    private record Run(long durationMicros, double gbSeconds, SortedMap<String, Long> parts) {
    }

    private static Run invokeAt(int memoryMb) {
        VirtualClock clock = new VirtualClock(1);
        EventLog log = new EventLog();
        FaasEmulator faas = new FaasEmulator(clock, COMPUTE, log, FaasConfig.defaults());
        faas.deploy(new FunctionSpec("fn", memoryMb, Duration.ofSeconds(30), "py"), () -> payload -> new byte[3000]);
        SortedMap<String, Long> parts = clock.run("main", () -> {
            Duration start = clock.now();
            faas.invoke("fn", new byte[2000]);
            return clock.attribution(start);
        });
        List<Event.Invocation> invocations = log.events().stream()
                .filter(Event.Invocation.class::isInstance).map(Event.Invocation.class::cast).toList();
        assertThat(invocations).hasSize(1);
        return new Run(invocations.get(0).durationMicros(), invocations.get(0).gbSeconds(), parts);
    }

    @Test
    void should_stretch_handler_compute_by_the_vcpu_share_of_the_memory_size_and_bill_it() {
        Run oneVcpu = invokeAt(1769);
        Run quarter = invokeAt(1769 / 4 + 1); // 443 MB: 0.25042 of a vCPU
        Run twoVcpus = invokeAt(3538);

        // 100 ms + 5,000 bytes (request + response) x 1 ms per 1,000 = 105 ms at one vCPU.
        assertThat(oneVcpu.durationMicros()).isEqualTo(105_000);
        assertThat(quarter.durationMicros()).isEqualTo(Math.round(105_000_000L * 1769 / 443.0) / 1000);
        // Single-threaded handler code gains nothing above one vCPU.
        assertThat(twoVcpus.durationMicros()).isEqualTo(105_000);
        assertThat(oneVcpu.parts()).containsEntry(LatencyPart.COMPUTE, 105_000_000L);
        // Compute is part of the billed duration.
        assertThat(oneVcpu.gbSeconds()).isCloseTo(0.105 * 1769 / 1024.0, org.assertj.core.api.Assertions.within(1e-12));
    }
}
