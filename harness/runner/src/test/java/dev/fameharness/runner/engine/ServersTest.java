package dev.fameharness.runner.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.platform.clock.VirtualClock;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServersTest {

    /** A port on 127.0.0.1 that nothing listens on (bound, then released). */
    private static int deadPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void should_name_the_endpoint_and_the_fix_when_a_configured_endpoint_does_not_answer() throws Exception {
        // given an experiment endpoint where no server listens
        URI dead = URI.create("http://127.0.0.1:" + deadPort());
        try (Servers servers = new Servers(Map.of("dynamodb", dead, "s3", dead))) {
            // when a store is opened there, then the error names the endpoint, the field and what to do
            assertThatThrownBy(() -> servers.keyValue("dynamodb", "t", new VirtualClock(1)))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(dead.toString())
                    .hasMessageContaining("endpoints.dynamodb")
                    .hasMessageContaining("does not answer");
            assertThatThrownBy(() -> servers.objects("bucket-x"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("endpoints.s3");
        }
    }

    @Test
    void should_refuse_an_unknown_back_end_in_endpoints() {
        assertThatThrownBy(() -> new Servers(Map.of("cassandra", URI.create("http://127.0.0.1:9042"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cassandra")
                .hasMessageContaining("dynamodb, redis, s3");
    }
}
