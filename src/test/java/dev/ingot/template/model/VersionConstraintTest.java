package dev.ingot.template.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.template.model.VersionConstraint.Version;
import org.junit.jupiter.api.Test;

class VersionConstraintTest {
  private static boolean allows(String constraint, String version) {
    return VersionConstraint.parse(constraint).allows(Version.parse(version));
  }

  @Test
  void comparesAsGoVersionDoes() {
    assertThat(allows(">= 1.6.0", "1.11.0")).isTrue();
    assertThat(allows(">= 1.6.0, < 2.0.0", "1.11.0")).isTrue();
    assertThat(allows(">= 2.0.0", "1.11.0")).isFalse();
    assertThat(allows("1.11", "1.11.0")).isTrue();
    assertThat(allows("= 1.11.1", "1.11.0")).isFalse();
    assertThat(allows("!= 1.11.0", "1.11.0")).isFalse();
    assertThat(allows("> 1.9", "1.11.0")).isTrue();
    assertThat(allows("<= 1.11.0", "1.11.0")).isTrue();
    assertThat(allows("v1.10.0", "1.10.0")).isTrue();
  }

  @Test
  void pessimisticOperator() {
    assertThat(allows("~> 1.6.0", "1.6.6")).isTrue();
    assertThat(allows("~> 1.6.0", "1.11.0")).isFalse();
    assertThat(allows("~> 1.6", "1.11.0")).isTrue();
    assertThat(allows("~> 1.6", "2.0.0")).isFalse();
    assertThat(allows("~> 1.12", "1.11.0")).isFalse();
    assertThat(allows("~> 1", "1.11.0")).isTrue();
  }

  @Test
  void preReleases() {
    assertThat(allows(">= 1.0", "1.11.0-beta1")).isFalse();
    assertThat(allows(">= 1.11.0-alpha", "1.11.0-beta1")).isTrue();
    assertThat(allows("< 1.11.0", "1.11.0-beta1")).isFalse();
  }

  @Test
  void rejectsMalformedConstraints() {
    assertThatThrownBy(() -> VersionConstraint.parse("at least one point six"))
        .hasMessageContaining("malformed constraint: at least one point six");
    assertThatThrownBy(() -> VersionConstraint.parse(">= 1.0,")).hasMessageContaining("malformed");
    assertThatThrownBy(() -> VersionConstraint.parse("=> 1.0")).hasMessageContaining("malformed");
    assertThatThrownBy(() -> Version.parse("one")).hasMessageContaining("malformed version");
  }
}
