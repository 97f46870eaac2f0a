package dev.fameharness.runner.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.platform.calibration.CalibrationProfile;
import dev.fameharness.platform.calibration.Distribution;
import org.junit.jupiter.api.Test;

class ProfileOverrideTest {

    private static final CalibrationProfile PROFILE = CalibrationProfile.loadDefault();

    @Test
    void should_move_a_lognormal_median_and_keep_its_spread_when_median_ms_is_set() {
        Distribution.LogNormal before = (Distribution.LogNormal) PROFILE.entry("mcp.tool.fetch_paper").base();

        CalibrationProfile p = ProfileOverride.apply(PROFILE, "mcp.tool.fetch_paper", "median_ms", 2000);

        Distribution.LogNormal after = (Distribution.LogNormal) p.entry("mcp.tool.fetch_paper").base();
        assertThat(after.medianMs()).isEqualTo(2000.0);
        assertThat(after.sigma()).isEqualTo(before.sigma());
        assertThat(p.entry("mcp.tool.fetch_paper").quality()).isEqualTo(PROFILE.entry("mcp.tool.fetch_paper").quality());
        // the original profile is unchanged, and so is every other entry
        assertThat(PROFILE.entry("mcp.tool.fetch_paper").base().medianMs()).isEqualTo(10100.0);
        assertThat(p.entry("mcp.tool.get_section")).isEqualTo(PROFILE.entry("mcp.tool.get_section"));
    }

    @Test
    void should_scale_rates_and_constants_when_their_fields_are_set() {
        CalibrationProfile scaled = ProfileOverride.apply(PROFILE, "dynamodb.put", "median_scale", 2);
        CalibrationProfile prefill = ProfileOverride.apply(PROFILE, "llm.gpt-4o-mini.input_token", "per_unit_ms", 0.4);
        CalibrationProfile keepAlive = ProfileOverride.apply(PROFILE, "lambda.keep_alive_s", "value", 60);

        assertThat(scaled.entry("dynamodb.put").base().medianMs())
                .isCloseTo(2 * PROFILE.entry("dynamodb.put").base().medianMs(), within(1e-9));
        assertThat(prefill.entry("llm.gpt-4o-mini.input_token").perUnitMs()).isEqualTo(0.4);
        assertThat(keepAlive.constant("lambda.keep_alive_s").value()).isEqualTo(60.0);
        assertThat(ProfileOverride.current(PROFILE, "lambda.keep_alive_s", "value")).isEqualTo(600.0);
        assertThat(ProfileOverride.current(PROFILE, "llm.gpt-4o-mini.input_token", "per_unit_ms")).isEqualTo(0.1);
    }

    @Test
    void should_name_the_id_and_field_when_they_do_not_exist() {
        assertThatThrownBy(() -> ProfileOverride.apply(PROFILE, "warp.drive", "median_ms", 1))
                .isInstanceOf(ConfigException.class).hasMessageContaining("warp.drive");
        assertThatThrownBy(() -> ProfileOverride.apply(PROFILE, "sfn.transition", "colour", 1))
                .isInstanceOf(ConfigException.class).hasMessageContaining("colour").hasMessageContaining("median_ms");
        assertThatThrownBy(() -> ProfileOverride.apply(PROFILE, "lambda.keep_alive_s", "median_ms", 1))
                .isInstanceOf(ConfigException.class).hasMessageContaining("only the field 'value'");
        assertThatThrownBy(() -> ProfileOverride.apply(PROFILE, "sfn.transition", "median_ms", -1))
                .isInstanceOf(ConfigException.class).hasMessageContaining(">= 0");
    }
}
