package dev.ingot.scan.db;

import dev.ingot.plugin.Cancellation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The offline advisory database: a directory ({@code <cache>/scan/db}) holding one segment per
 * imported source. Importing a source again under the same name replaces its segment atomically.
 * Lookups go to every segment. An open database is safe for concurrent lookups; close it when done.
 */
public final class AdvisoryDb implements AutoCloseable {
  private final Path dir;
  private final List<Segment> segments;

  private AdvisoryDb(Path dir, List<Segment> segments) {
    this.dir = dir;
    this.segments = segments;
  }

  /** The database directory under an Ingot cache directory. */
  public static Path defaultDir(Path cacheDir) {
    return cacheDir.resolve("scan").resolve("db");
  }

  /** Opens the database in {@code dir}; a missing directory is an empty database. */
  public static AdvisoryDb open(Path dir) throws IOException {
    List<Segment> segs = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      List<Path> files;
      try (Stream<Path> s = Files.list(dir)) {
        files =
            s.filter(p -> p.getFileName().toString().endsWith(Segment.SUFFIX)).sorted().toList();
      }
      try {
        for (Path f : files) {
          segs.add(Segment.open(f));
        }
      } catch (IOException | RuntimeException e) {
        for (Segment s : segs) {
          s.close();
        }
        throw e;
      }
    }
    return new AdvisoryDb(dir, segs);
  }

  /** Stores {@code records} as segment {@code name}, replacing an earlier import of that name. */
  public static SegmentMeta store(
      Path dir, String name, String kind, String origin, Instant importedAt, ImportResult result)
      throws IOException {
    return store(dir, name, kind, origin, importedAt, result, new Cancellation());
  }

  /**
   * As {@link #store(Path, String, String, String, Instant, ImportResult)}; once {@code cancel} is
   * cancelled the write stops and the database stays as it was.
   */
  public static SegmentMeta store(
      Path dir,
      String name,
      String kind,
      String origin,
      Instant importedAt,
      ImportResult result,
      Cancellation cancel)
      throws IOException {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new AdvisoryDbException(
          "database name '" + name + "' may only use letters, digits, '.', '_' and '-'");
    }
    SegmentMeta meta =
        new SegmentMeta(
            name,
            kind,
            origin,
            importedAt,
            result.advisories(),
            result.records().count(),
            result.skipped());
    Segment.write(dir.resolve(name + Segment.SUFFIX), meta, result.records(), cancel);
    return meta;
  }

  public Path dir() {
    return dir;
  }

  public boolean isEmpty() {
    return segments.isEmpty();
  }

  /** What each import holds, oldest first. */
  public List<SegmentMeta> segments() {
    return segments.stream()
        .map(Segment::meta)
        .sorted(Comparator.comparing(SegmentMeta::importedAt))
        .toList();
  }

  /** Every record about {@code pkg} in {@code ecosystem}, from all segments. */
  public List<Advisory> lookup(String ecosystem, String pkg) throws IOException {
    List<Advisory> out = new ArrayList<>();
    for (Segment s : segments) {
      out.addAll(s.lookup(ecosystem, pkg));
    }
    return out;
  }

  /** Number of distinct (ecosystem, package) keys per segment name, for {@code db info}. */
  public Map<String, Integer> keyCounts() {
    Map<String, Integer> m = new TreeMap<>();
    segments.forEach(s -> m.put(s.meta().name(), s.keyCount()));
    return m;
  }

  @Override
  public void close() throws IOException {
    for (Segment s : segments) {
      s.close();
    }
  }
}
