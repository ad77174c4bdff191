package dev.ingot.pkg.deb.repo;

import java.net.URI;
import java.util.List;

/**
 * One binary repository entry of an apt configuration: a base URI, its suites and components, and
 * the keyrings that sign it ({@code signedBy}, file paths; empty means apt's trusted.gpg set).
 * Immutable.
 */
public record AptSource(
    URI uri, List<String> suites, List<String> components, List<String> signedBy) {
  public AptSource {
    suites = List.copyOf(suites);
    components = List.copyOf(components);
    signedBy = List.copyOf(signedBy);
    if (suites.isEmpty()) {
      throw new IllegalArgumentException("apt source " + uri + " has no suite");
    }
  }
}
