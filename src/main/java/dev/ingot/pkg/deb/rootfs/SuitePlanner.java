package dev.ingot.pkg.deb.rootfs;

import dev.ingot.pkg.deb.repo.AptSource;
import dev.ingot.pkg.deb.repo.AptSources;
import dev.ingot.pkg.deb.repo.RepositoryException;
import dev.ingot.pkg.deb.repo.SuiteRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns a spec into the suites to read: with an explicit mirror, its suites there; otherwise the
 * host's apt sources decide the mirror of each suite (and, when the spec names none, the suites
 * themselves), so no mirror host is ever written in a template or in Ingot. Pure apart from reading
 * the apt configuration; thread-safe.
 */
public final class SuitePlanner {
  private SuitePlanner() {}

  public static List<SuiteRef> plan(DebSourceSpec spec) {
    List<AptSource> host;
    try {
      host = AptSources.load(spec.aptDir());
    } catch (IOException | IllegalArgumentException e) {
      throw new RepositoryException(
          "cannot read the apt configuration in " + spec.aptDir() + ": " + e.getMessage(), e);
    }
    List<SuiteRef> out = new ArrayList<>();
    if (spec.mirror() != null) {
      if (spec.suites().isEmpty()) {
        throw new RepositoryException("a mirror is given but no suite: set 'suite' or 'suites'");
      }
      for (String s : spec.suites()) {
        List<String> comps = spec.components().isEmpty() ? List.of("main") : spec.components();
        List<Path> keys =
            spec.keyrings().isEmpty() ? hostKeys(host, s, spec.aptDir()) : spec.keyrings();
        out.add(new SuiteRef(spec.mirror(), s, comps, keys));
      }
      return out;
    }
    if (host.isEmpty()) {
      throw new RepositoryException(
          "no apt sources in "
              + spec.aptDir()
              + " (sources.list, sources.list.d); set 'mirror' in the template");
    }
    Set<String> suites = new LinkedHashSet<>(spec.suites());
    if (suites.isEmpty()) {
      host.forEach(a -> suites.addAll(a.suites()));
    }
    for (String s : suites) {
      AptSource a =
          host.stream()
              .filter(x -> x.suites().contains(s))
              .findFirst()
              .orElseThrow(
                  () ->
                      new RepositoryException(
                          "suite '"
                              + s
                              + "' is not in the host's apt sources ("
                              + spec.aptDir()
                              + "); set 'mirror' or add the suite to the apt configuration"));
      List<String> comps = spec.components().isEmpty() ? a.components() : spec.components();
      List<Path> keys =
          !spec.keyrings().isEmpty()
              ? spec.keyrings()
              : !a.signedBy().isEmpty()
                  ? a.signedBy().stream().map(Path::of).toList()
                  : trusted(spec.aptDir());
      out.add(new SuiteRef(a.uri(), s, comps, keys));
    }
    return out;
  }

  private static List<Path> hostKeys(List<AptSource> host, String suite, Path aptDir) {
    return host.stream()
        .filter(a -> a.suites().contains(suite) && !a.signedBy().isEmpty())
        .findFirst()
        .map(a -> a.signedBy().stream().map(Path::of).toList())
        .orElseGet(() -> trusted(aptDir));
  }

  /** apt's global trusted keys: trusted.gpg and trusted.gpg.d/*.gpg|*.asc. */
  static List<Path> trusted(Path aptDir) {
    List<Path> out = new ArrayList<>();
    if (Files.isRegularFile(aptDir.resolve("trusted.gpg"))) {
      out.add(aptDir.resolve("trusted.gpg"));
    }
    Path d = aptDir.resolve("trusted.gpg.d");
    if (Files.isDirectory(d)) {
      try (Stream<Path> s = Files.list(d)) {
        s.filter(p -> p.toString().endsWith(".gpg") || p.toString().endsWith(".asc"))
            .sorted()
            .forEach(out::add);
      } catch (IOException e) {
        throw new RepositoryException("cannot list " + d + ": " + e.getMessage(), e);
      }
    }
    if (out.isEmpty()) {
      throw new RepositoryException(
          "no keyring: the source has no Signed-By and "
              + aptDir
              + " has no trusted keys; set 'keyring' in the template");
    }
    return out;
  }
}
