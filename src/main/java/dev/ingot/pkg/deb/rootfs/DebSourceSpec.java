package dev.ingot.pkg.deb.rootfs;

import dev.ingot.fs.Digest;
import dev.ingot.pkg.deb.install.Account;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * What a {@code source "debian"} block asks for, as plain values. {@code suites} and {@code
 * components} empty mean "the host's apt configuration"; {@code mirror} null means the host's
 * sources; {@code keyrings} empty means each source's Signed-By (or apt's trusted keys); {@code
 * lockfile} null means no lock; {@code aptDir} is where the host's apt configuration is read
 * ({@code /etc/apt}). Immutable.
 */
public record DebSourceSpec(
    List<String> suites,
    List<String> components,
    String architecture,
    URI mirror,
    List<Path> keyrings,
    Variant variant,
    List<String> packages,
    boolean recommends,
    List<Account> users,
    Path lockfile,
    boolean mergedUsr,
    Path aptDir) {

  public DebSourceSpec {
    suites = List.copyOf(suites);
    components = List.copyOf(components);
    keyrings = List.copyOf(keyrings);
    packages = List.copyOf(packages);
    users = List.copyOf(users);
    if (architecture == null || !architecture.matches("[a-z0-9]+")) {
      throw new IllegalArgumentException("bad architecture '" + architecture + "'");
    }
  }

  /** A spec with the defaults (amd64, distroless, host apt config) for {@code packages}. */
  public static DebSourceSpec of(List<String> packages) {
    return new DebSourceSpec(
        List.of(),
        List.of(),
        "amd64",
        null,
        List.of(),
        Variant.DISTROLESS,
        packages,
        false,
        List.of(),
        null,
        true,
        Path.of("/etc/apt"));
  }

  public DebSourceSpec withMirror(URI m, List<String> s, List<Path> keys) {
    return new DebSourceSpec(
        s,
        components,
        architecture,
        m,
        keys,
        variant,
        packages,
        recommends,
        users,
        lockfile,
        mergedUsr,
        aptDir);
  }

  public DebSourceSpec withVariant(Variant v) {
    return new DebSourceSpec(
        suites,
        components,
        architecture,
        mirror,
        keyrings,
        v,
        packages,
        recommends,
        users,
        lockfile,
        mergedUsr,
        aptDir);
  }

  public DebSourceSpec withLockfile(Path l) {
    return new DebSourceSpec(
        suites,
        components,
        architecture,
        mirror,
        keyrings,
        variant,
        packages,
        recommends,
        users,
        l,
        mergedUsr,
        aptDir);
  }

  public DebSourceSpec withPackages(List<String> p) {
    return new DebSourceSpec(
        suites,
        components,
        architecture,
        mirror,
        keyrings,
        variant,
        p,
        recommends,
        users,
        lockfile,
        mergedUsr,
        aptDir);
  }

  /**
   * The digest of everything that decides the package set. {@code suites} are the planned suite
   * names (after host defaults), so a lock made on one host fits a template read on another with
   * the same suites.
   */
  public String inputsDigest(List<String> plannedSuites) {
    String s =
        "packages="
            + new TreeSet<>(packages)
            + "\nvariant="
            + variant.id()
            + "\narch="
            + architecture
            + "\nsuites="
            + plannedSuites
            + "\ncomponents="
            + components
            + "\nrecommends="
            + recommends
            + "\n";
    return Digest.sha256(s).toString();
  }
}
