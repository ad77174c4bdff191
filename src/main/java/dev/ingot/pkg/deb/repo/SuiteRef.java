package dev.ingot.pkg.deb.repo;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * One suite to read: the mirror's base URI (the directory holding {@code dists/} and {@code
 * pool/}), the suite name, its components and the keyring files that must have signed it.
 * Immutable.
 */
public record SuiteRef(URI base, String suite, List<String> components, List<Path> keyrings) {
  public SuiteRef {
    components = List.copyOf(components);
    keyrings = List.copyOf(keyrings);
    if (components.isEmpty()) {
      throw new IllegalArgumentException("suite " + suite + " has no component");
    }
  }

  /** A URI below {@code dists/<suite>/}. */
  public URI dists(String rel) {
    String b = base.toString();
    return URI.create((b.endsWith("/") ? b : b + "/") + "dists/" + suite + "/" + rel);
  }
}
