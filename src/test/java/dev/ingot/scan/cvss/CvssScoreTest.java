package dev.ingot.scan.cvss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CvssScoreTest {
  /** Examples from FIRST's "CVSS v3.1: Examples" document (CVE, vector, published score). */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "CVE-2013-1937 phpMyAdmin XSS, CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N, 6.1",
    "CVE-2013-0375 MySQL stored SQLi, CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N, 6.4",
    "CVE-2014-3566 POODLE, CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N, 3.1",
    "CVE-2012-1516 VMware guest to host, CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H, 9.9",
    "CVE-2014-0160 Heartbleed, CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N, 7.5",
    "CVE-2014-6271 Shellshock, CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8",
    "CVE-2009-0658 Adobe Reader, CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H, 7.8",
    "scope changed maximum, CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H, 10.0",
    "no impact, CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N, 0.0",
    "v3.0 vector, CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8",
    "temporal metrics ignored, CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N/E:U/RL:O, 7.5",
  })
  void cvss31(String name, String vector, double expected) {
    assertThat(CvssScore.of(vector).score()).isEqualTo(expected);
  }

  /** Examples from FIRST's v4.0 examples and the reference calculator's published scores. */
  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H, 10.0",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N, 0.0",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, 9.3",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:H/SI:H/SA:H, 7.9",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:U, 9.1",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/MVI:L/MSA:S, 9.8",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N, 6.9",
    "CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, 7.3",
    "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, 7.7",
    "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U, 5.2",
    "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:L/SC:N/SI:N/SA:N, 8.3",
    "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:L/SC:N/SI:N/SA:N/CR:H/IR:L/AR:L/MAV:N/MAC:H/MVC:H/MVI:L/MVA:L, 8.1",
    "CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N, 4.6",
  })
  void cvss40(String vector, double expected) {
    CvssScore s = CvssScore.of(vector);
    assertThat(s.score()).isEqualTo(expected);
    assertThat(s.rating()).isEqualTo(Rating.ofScore(expected));
  }

  @Test
  void macroVectorTableHasAllClasses() {
    assertThat(Cvss40Tables.SCORES).hasSize(270);
    assertThat(Cvss40Tables.SCORES.get("000000")).isEqualTo(10.0);
    assertThat(Cvss40Tables.SCORES.get("212221")).isEqualTo(0.1);
    assertThat(Cvss40Tables.SCORES).doesNotContainKey("002000");
  }

  @Test
  void roundupAvoidsFloatingPointArtifacts() {
    // Appendix A's example: a naive ceiling gives 4.1 for this float; Roundup gives 4.0.
    assertThat(Cvss31.roundup(4.000000000000001)).isEqualTo(4.0);
    assertThat(Cvss31.roundup(4.02)).isEqualTo(4.1);
    assertThat(Cvss31.roundup(4.0)).isEqualTo(4.0);
  }

  @Test
  void ratingScale() {
    assertThat(Rating.ofScore(0)).isEqualTo(Rating.NONE);
    assertThat(Rating.ofScore(3.9)).isEqualTo(Rating.LOW);
    assertThat(Rating.ofScore(4.0)).isEqualTo(Rating.MEDIUM);
    assertThat(Rating.ofScore(8.9)).isEqualTo(Rating.HIGH);
    assertThat(Rating.ofScore(9.0)).isEqualTo(Rating.CRITICAL);
    assertThat(Rating.HIGH.atLeast(Rating.MEDIUM)).isTrue();
    assertThat(Rating.LOW.atLeast(Rating.MEDIUM)).isFalse();
    assertThat(Rating.UNKNOWN.atLeast(Rating.LOW)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "'', empty",
    "AV:N/AC:L, does not start",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H, lacks base metric A",
    "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, bad value AV:X",
    "CVSS:3.1/AV:N/AV:N, given twice",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:S/SA:H, bad value SI:S",
    "CVSS:2.0/AV:N, unsupported CVSS version",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:1, unknown CVSS 3.1 metric ZZ",
  })
  void badVectorsSayWhy(String vector, String message) {
    assertThatThrownBy(() -> CvssScore.of(vector))
        .isInstanceOf(CvssException.class)
        .hasMessageContaining(message);
  }
}
