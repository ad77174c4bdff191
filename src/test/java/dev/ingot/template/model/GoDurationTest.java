package dev.ingot.template.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationTest {
  @Test
  void readsGoDurations() {
    assertThat(GoDuration.parse("0")).isEqualTo(Duration.ZERO);
    assertThat(GoDuration.parse("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(GoDuration.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(GoDuration.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(GoDuration.parse("2.5s")).isEqualTo(Duration.ofMillis(2500));
    assertThat(GoDuration.parse("300ms")).isEqualTo(Duration.ofMillis(300));
    assertThat(GoDuration.parse("1us")).isEqualTo(Duration.ofNanos(1000));
    assertThat(GoDuration.parse("1\u00b5s")).isEqualTo(Duration.ofNanos(1000));
    assertThat(GoDuration.parse(".5h")).isEqualTo(Duration.ofMinutes(30));
    assertThat(GoDuration.parse("-1m")).isEqualTo(Duration.ofMinutes(-1));
    assertThat(GoDuration.parse("+1h1m1s")).isEqualTo(Duration.ofSeconds(3661));
  }

  @Test
  void rejectsWhatGoRejects() {
    assertThatThrownBy(() -> GoDuration.parse("soon"))
        .hasMessage("time: invalid duration \"soon\"");
    assertThatThrownBy(() -> GoDuration.parse("10"))
        .hasMessage("time: missing unit in duration \"10\"");
    assertThatThrownBy(() -> GoDuration.parse("10 minutes"))
        .hasMessage("time: unknown unit \" minutes\" in duration \"10 minutes\"");
    assertThatThrownBy(() -> GoDuration.parse("")).hasMessage("time: invalid duration \"\"");
    assertThatThrownBy(() -> GoDuration.parse("1.2.3s")).hasMessageContaining("invalid");
    assertThatThrownBy(() -> GoDuration.parse("1d")).hasMessageContaining("unknown unit \"d\"");
    assertThatThrownBy(() -> GoDuration.parse("99999999999h")).hasMessageContaining("invalid");
  }
}
