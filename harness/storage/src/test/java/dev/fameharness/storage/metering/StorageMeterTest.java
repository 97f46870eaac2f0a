package dev.fameharness.storage.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageMeterTest {

    @Test
    void should_accrue_bytes_times_time_to_the_turn_that_wrote_them_until_overwritten_deleted_or_the_end() {
        StorageMeter meter = new StorageMeter();

        meter.hold("s3", "a", 1000, "t1", 0);          // t1 holds 1,000 bytes from 0
        meter.hold("dynamodb", "k", 300, "t1", 10);     // and a 300-byte item from 10
        meter.hold("s3", "a", 4000, "t2", 100);         // t2 overwrites a at 100
        meter.hold("dynamodb", "k", 0, "t2", 50);       // t2 deletes k at 50
        meter.hold("s3", "b", 10, "", 0);               // outside any turn

        var held = meter.byteMicros(200);

        assertThat(held.get("t1")).containsExactlyInAnyOrderEntriesOf(Map.of("s3", 1000.0 * 100, "dynamodb", 300.0 * 40));
        assertThat(held.get("t2")).containsExactlyInAnyOrderEntriesOf(Map.of("s3", 4000.0 * 100));
        assertThat(held.get("")).containsExactlyInAnyOrderEntriesOf(Map.of("s3", 10.0 * 200));
    }
}
