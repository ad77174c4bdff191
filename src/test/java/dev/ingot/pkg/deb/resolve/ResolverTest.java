package dev.ingot.pkg.deb.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.pkg.deb.BinaryPackage;
import dev.ingot.pkg.deb.repo.PackagesIndex;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolverTest {
  static final URI REPO = URI.create("http://127.0.0.1/debian");

  static List<BinaryPackage> index(String suite, String text) {
    return PackagesIndex.parse(text.stripIndent(), REPO, suite, "test");
  }

  static Universe universe(String... suitesAndTexts) {
    List<BinaryPackage> all = new ArrayList<>();
    for (int i = 0; i < suitesAndTexts.length; i += 2) {
      all.addAll(index(suitesAndTexts[i], suitesAndTexts[i + 1]));
    }
    return new Universe("amd64", all);
  }

  static List<String> ids(Resolution r) {
    return r.packages().stream().map(BinaryPackage::id).toList();
  }

  static final String BASE =
      """
      Package: app
      Version: 1.0
      Architecture: amd64
      Depends: libc6 (>= 2.36), awk, mail-transport-agent | exim4, python3:any

      Package: libc6
      Version: 2.36-9
      Architecture: amd64
      Depends: libgcc-s1
      Priority: required

      Package: libgcc-s1
      Version: 12.2.0-14
      Architecture: amd64
      Pre-Depends: libc6 (>= 2.35)

      Package: mawk
      Version: 1.3.4-1
      Architecture: amd64
      Provides: awk
      Priority: required

      Package: gawk
      Version: 5.2.1-2
      Architecture: amd64
      Provides: awk
      Priority: optional

      Package: exim4
      Version: 4.96-15
      Architecture: all
      Provides: mail-transport-agent

      Package: postfix
      Version: 3.7.10-0
      Architecture: amd64
      Provides: mail-transport-agent
      Conflicts: mail-transport-agent

      Package: python3
      Version: 3.11.2-1
      Architecture: amd64
      Multi-Arch: allowed

      Package: base-files
      Version: 12.4
      Architecture: amd64
      Essential: yes

      Package: armel-only
      Version: 1
      Architecture: armel
      """;

  @Test
  void followsDependenciesAlternativesAndProviders() {
    Resolution r =
        new Resolver(universe("stable", BASE), new Resolver.Options(false, false))
            .resolve(List.of("app"));
    assertThat(ids(r))
        .containsExactly(
            "app=1.0",
            "exim4=4.96-15",
            "libc6=2.36-9",
            "libgcc-s1=12.2.0-14",
            "mawk=1.3.4-1",
            "python3=3.11.2-1");
    assertThat(r.reasons().get("mawk")).contains("app");
  }

  @Test
  void baseSystemAddsEssentialAndRequired() {
    Resolution r =
        new Resolver(universe("stable", BASE), new Resolver.Options(false, true))
            .resolve(List.of());
    assertThat(ids(r))
        .containsExactly("base-files=12.4", "libc6=2.36-9", "libgcc-s1=12.2.0-14", "mawk=1.3.4-1");
  }

  @Test
  void theHighestVersionAcrossSuitesWins() {
    String security =
        """
        Package: libc6
        Version: 2.36-9+deb12u10
        Architecture: amd64
        Depends: libgcc-s1
        """;
    Resolution r =
        new Resolver(
                universe("stable", BASE, "stable-security", security),
                new Resolver.Options(false, false))
            .resolve(List.of("libc6"));
    assertThat(r.packages().get(0).id()).isEqualTo("libc6=2.36-9+deb12u10");
    assertThat(r.packages().get(0).suite()).isEqualTo("stable-security");
  }

  @Test
  void aVersionedDependencyPicksALowerVersionWhenItMust() {
    String text =
        """
        Package: a
        Version: 1
        Architecture: all
        Depends: b (<< 2~)

        Package: b
        Version: 2.1
        Architecture: all

        Package: b
        Version: 1.9
        Architecture: all
        """;
    assertThat(
            ids(
                new Resolver(universe("s", text), new Resolver.Options(false, false))
                    .resolve(List.of("a"))))
        .containsExactly("a=1", "b=1.9");
  }

  @Test
  void versionedProvidesSatisfyVersionedDependencies() {
    String text =
        """
        Package: a
        Version: 1
        Architecture: all
        Depends: virt (>= 2)

        Package: old
        Version: 1
        Architecture: all
        Provides: virt (= 1)

        Package: new
        Version: 1
        Architecture: all
        Provides: virt (= 3)
        """;
    assertThat(
            ids(
                new Resolver(universe("s", text), new Resolver.Options(false, false))
                    .resolve(List.of("a"))))
        .containsExactly("a=1", "new=1");
  }

  @Test
  void unsatisfiableNamesTheChainAndTheVersionsSeen() {
    String text =
        """
        Package: top
        Version: 1
        Architecture: all
        Depends: mid

        Package: mid
        Version: 1
        Architecture: all
        Depends: leaf (>= 3)

        Package: leaf
        Version: 2
        Architecture: all
        """;
    assertThatThrownBy(
            () ->
                new Resolver(universe("s", text), new Resolver.Options(false, false))
                    .resolve(List.of("top")))
        .isInstanceOf(UnsatisfiableException.class)
        .hasMessageContaining("cannot satisfy 'leaf (>= 3)' of mid=1")
        .hasMessageContaining("requested -> top=1 -> mid=1 -> leaf (>= 3)")
        .hasMessageContaining("versions seen: 2 (s)");
  }

  @Test
  void unknownPackagesAreNamed() {
    assertThatThrownBy(
            () ->
                new Resolver(universe("s", BASE), new Resolver.Options(false, false))
                    .resolve(List.of("nosuch")))
        .hasMessageContaining("'nosuch' is not in the configured suites");
  }

  @Test
  void conflictsInTheResultAreReported() {
    String text =
        """
        Package: a
        Version: 1
        Architecture: all
        Conflicts: b

        Package: b
        Version: 1
        Architecture: all
        """;
    assertThatThrownBy(
            () ->
                new Resolver(universe("s", text), new Resolver.Options(false, false))
                    .resolve(List.of("a", "b")))
        .hasMessageContaining(
            "a=1 (requested -> a=1) conflicts with or breaks b=1 (requested -> b=1) through 'b'");
  }

  @Test
  void breaksWithVersionsOnlyHitMatchingVersions() {
    String text =
        """
        Package: a
        Version: 1
        Architecture: all
        Breaks: b (<< 2)
        Depends: b

        Package: b
        Version: 2
        Architecture: all

        Package: b
        Version: 1
        Architecture: all
        """;
    assertThat(
            ids(
                new Resolver(universe("s", text), new Resolver.Options(false, false))
                    .resolve(List.of("a"))))
        .containsExactly("a=1", "b=2");
  }

  @Test
  void anyQualifierNeedsMultiArchAllowed() {
    String text =
        """
        Package: a
        Version: 1
        Architecture: all
        Depends: tool:any

        Package: tool
        Version: 1
        Architecture: amd64
        """;
    assertThatThrownBy(
            () ->
                new Resolver(universe("s", text), new Resolver.Options(false, false))
                    .resolve(List.of("a")))
        .hasMessageContaining("tool:any");
  }

  @Test
  void recommendsAreFollowedWhenAskedAndSkippedWhenMissing() {
    String text =
        """
        Package: a
        Version: 1
        Architecture: all
        Recommends: b, missing

        Package: b
        Version: 1
        Architecture: all
        """;
    assertThat(
            ids(
                new Resolver(universe("s", text), new Resolver.Options(true, false))
                    .resolve(List.of("a"))))
        .containsExactly("a=1", "b=1");
    assertThat(
            ids(
                new Resolver(universe("s", text), new Resolver.Options(false, false))
                    .resolve(List.of("a"))))
        .containsExactly("a=1");
  }

  @Test
  void pinnedRequestsUseThatVersion() {
    String text =
        """
        Package: b
        Version: 2
        Architecture: all

        Package: b
        Version: 1
        Architecture: all
        """;
    assertThat(
            ids(
                new Resolver(universe("s", text), new Resolver.Options(false, false))
                    .resolve(List.of("b=1"))))
        .containsExactly("b=1");
  }

  @Test
  void theResultDoesNotDependOnTheIndexOrder() {
    List<BinaryPackage> ps = new ArrayList<>(index("s", BASE));
    Resolution a =
        new Resolver(new Universe("amd64", ps), new Resolver.Options(false, true))
            .resolve(List.of("app"));
    java.util.Collections.reverse(ps);
    Resolution b =
        new Resolver(new Universe("amd64", ps), new Resolver.Options(false, true))
            .resolve(List.of("app"));
    assertThat(ids(a)).isEqualTo(ids(b));
  }
}
