package dev.ingot.pkg.deb.repo;

import dev.ingot.pkg.deb.Deb822;
import dev.ingot.pkg.deb.Paragraph;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A repository's Release file, parsed from the signed text only. {@code files} maps index paths
 * ("main/binary-amd64/Packages.xz") to their size and SHA256 as the Release lists them. Immutable.
 */
public record ReleaseFile(
    String suite,
    String codename,
    Instant date,
    Instant validUntil,
    boolean acquireByHash,
    List<String> components,
    List<String> architectures,
    Map<String, IndexFile> files) {

  /** One index file the Release vouches for; {@code size} in bytes, {@code sha256} in hex. */
  public record IndexFile(String path, long size, String sha256) {}

  public ReleaseFile {
    components = List.copyOf(components);
    architectures = List.copyOf(architectures);
    files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
  }

  /** Parses signed Release text; {@code name} names the file in errors. */
  public static ReleaseFile parse(String text, String name) {
    List<Paragraph> ps;
    try {
      ps = Deb822.parse(text);
    } catch (IllegalArgumentException e) {
      throw new RepositoryException(name + ": malformed Release: " + e.getMessage());
    }
    if (ps.isEmpty()) {
      throw new RepositoryException(name + ": empty Release file");
    }
    Paragraph p = ps.get(0);
    Map<String, IndexFile> files = new LinkedHashMap<>();
    for (String line : p.lines("SHA256")) {
      String[] w = line.split("\\s+");
      if (w.length != 3) {
        throw new RepositoryException(name + ": malformed SHA256 line '" + line + "'");
      }
      files.put(w[2], new IndexFile(w[2], Long.parseLong(w[1]), w[0]));
    }
    if (files.isEmpty()) {
      throw new RepositoryException(
          name + ": the Release file lists no SHA256 checksums; Ingot only accepts SHA256");
    }
    return new ReleaseFile(
        p.get("Suite", ""),
        p.get("Codename", ""),
        p.get("Date").map(d -> date(d, name)).orElse(null),
        p.get("Valid-Until").map(d -> date(d, name)).orElse(null),
        p.get("Acquire-By-Hash", "no").strip().equalsIgnoreCase("yes"),
        List.of(p.get("Components", "").strip().split("\\s+")),
        List.of(p.get("Architectures", "").strip().split("\\s+")),
        files);
  }

  public Optional<IndexFile> file(String path) {
    return Optional.ofNullable(files.get(path));
  }

  /** Throws when {@code now} is past Valid-Until: the metadata may hide security updates. */
  public void checkFresh(Instant now, String name) {
    if (validUntil != null && now.isAfter(validUntil)) {
      throw new RepositoryException(
          name
              + ": the Release file expired at "
              + validUntil
              + " (Valid-Until); the mirror is stale or the clock is wrong. Use an up-to-date"
              + " mirror.");
    }
  }

  static Instant date(String s, String name) {
    String t = s.strip().replaceAll("\\s+", " ").replace(" UTC", " GMT");
    try {
      return ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new RepositoryException(name + ": cannot read the date '" + s.strip() + "'");
    }
  }
}
