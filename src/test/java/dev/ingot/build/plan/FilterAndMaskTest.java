package dev.ingot.build.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.plugin.Config;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FilterAndMaskTest {
  @Test
  void globsFollowPackerSyntax() {
    assertThat(Glob.parse("null.*").matches("null.example")).isTrue();
    assertThat(Glob.parse("*.example").matches("null.example")).isTrue();
    assertThat(Glob.parse("*").matches("a.b.c")).isTrue();
    assertThat(Glob.parse("nul?.{a,b}").matches("null.b")).isTrue();
    assertThat(Glob.parse("nul?.{a,b}").matches("null.c")).isFalse();
    assertThat(Glob.parse("null.[a-c]").matches("null.b")).isTrue();
    assertThat(Glob.parse("null.[!a-c]").matches("null.b")).isFalse();
    assertThat(Glob.parse("a\\*").matches("a*")).isTrue();
    assertThat(Glob.parse("a\\*").matches("ab")).isFalse();
    assertThat(Glob.parse("null.example").matches("null.examples")).isFalse();
    assertThatThrownBy(() -> Glob.parse("{a,b")).hasMessageContaining("unclosed");
    assertThatThrownBy(() -> Glob.parse("[ab")).hasMessageContaining("unclosed [");
  }

  @Test
  void onlyAndExceptSelectBuildsAndExceptDropsPostProcessors() {
    var src = TestPlugins.rootfsSource();
    var one = PlannedPostProcessor.of(TestPlugins.disk(), Config.of(Map.of())).withName("one");
    var two =
        PlannedPostProcessor.of(
            new TestPlugins.Post("checksum", Set.of(), null), Config.of(Map.of()));
    PlannedBuild a =
        PlannedBuild.of("a", src, Config.of(Map.of())).withChains(List.of(List.of(one, two)));
    PlannedBuild b = PlannedBuild.of("b", src, Config.of(Map.of()));
    Plan plan = Plan.of(Path.of("."), a, b);

    var only = BuildFilter.parse(List.of("*.a,debian.{x,y}"), List.of()).filter().apply(plan);
    assertThat(only.builds()).extracting(PlannedBuild::buildName).containsExactly("debian.a");
    assertThat(only.builds().get(0).chains().get(0)).hasSize(2);

    var except = BuildFilter.parse(List.of(), List.of("one", "debian.b")).filter().apply(plan);
    assertThat(except.builds()).extracting(PlannedBuild::buildName).containsExactly("debian.a");
    assertThat(except.builds().get(0).chains().get(0)).containsExactly(two);

    // -only never removes post-processors (Packer 1.6), -except by type when unnamed.
    var byType = BuildFilter.parse(List.of("one"), List.of("checksum")).filter().apply(plan);
    assertThat(byType.builds()).isEmpty();
    var chains = BuildFilter.parse(List.of(), List.of("checksum,one")).filter().apply(plan);
    assertThat(chains.builds().get(0).chains()).isEmpty();
  }

  @Test
  void badPatternIsADiagnostic() {
    var parsed = BuildFilter.parse(List.of("{a"), List.of());
    assertThat(parsed.diagnostics().errors().get(0).summary())
        .startsWith("Invalid -only pattern {a");
  }

  @Test
  void blockOnlyExceptUseExactSourceNames() {
    assertThat(BuildFilter.skipsStep(List.of("null.a"), List.of(), "null.a")).isFalse();
    assertThat(BuildFilter.skipsStep(List.of("null.a"), List.of(), "null.b")).isTrue();
    assertThat(BuildFilter.skipsStep(List.of(), List.of("null.b"), "null.b")).isTrue();
    assertThat(BuildFilter.skipsStep(List.of(), List.of(), "null.b")).isFalse();
  }

  @Test
  void maskerHidesLongestSecretFirstAndIgnoresBlank() {
    Masker m = Masker.of("hunter2", "hunter2-long", " ", "");
    assertThat(m.mask("pw=hunter2-long and hunter2.")).isEqualTo("pw=<sensitive> and <sensitive>.");
    assertThat(m.mask("nothing here")).isEqualTo("nothing here");
    assertThat(Masker.of(" ").isEmpty()).isTrue();
    assertThat(Masker.of("a$b\\c").mask("x a$b\\c y")).isEqualTo("x <sensitive> y");
    assertThat(m.plus(List.of("more")).mask("more hunter2")).isEqualTo("<sensitive> <sensitive>");
  }
}
