package dev.ingot.pkg.deb.install;

import dev.ingot.fs.FileTree;
import dev.ingot.pkg.deb.Paragraph;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A .deb read once: its control paragraph, the other members of control.tar by name (md5sums,
 * conffiles, maintainer scripts, triggers, ...) and the data tree, whose contents live in the blob
 * store. Immutable.
 */
public record UnpackedDeb(Paragraph control, Map<String, byte[]> controlFiles, FileTree data) {
  public UnpackedDeb {
    controlFiles = Collections.unmodifiableMap(new TreeMap<>(controlFiles));
  }

  public String name() {
    return control.require("Package");
  }

  public String version() {
    return control.require("Version");
  }

  public String architecture() {
    return control.require("Architecture");
  }

  public Optional<String> controlText(String member) {
    byte[] b = controlFiles.get(member);
    return b == null ? Optional.empty() : Optional.of(new String(b, StandardCharsets.UTF_8));
  }

  /** The conffiles this package declares (absolute paths as dpkg lists them). */
  public List<String> conffiles() {
    return controlText("conffiles")
        .map(
            t ->
                t.lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .map(l -> l.startsWith("remove-on-upgrade ") ? l.substring(18).strip() : l)
                    .toList())
        .orElse(List.of());
  }
}
