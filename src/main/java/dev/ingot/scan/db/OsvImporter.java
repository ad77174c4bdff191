package dev.ingot.scan.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Imports OSV records (schema 1.x, fields of 1.6): a directory of {@code *.json} files (searched
 * recursively), a zip of them (as OSV publishes per ecosystem), or one JSON file holding a record
 * or an array of records. Each {@code affected[]} entry of a supported ecosystem becomes an {@link
 * Advisory}: ECOSYSTEM ranges with introduced/fixed/last_affected/limit, explicit versions, CVSS
 * vectors (the entry's own {@code severity} or the record's), and the vendor's word from {@code
 * ecosystem_specific}/{@code database_specific}. Withdrawn records and other ecosystems are counted
 * as skipped. Not thread-safe; one instance per import.
 */
public final class OsvImporter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final java.util.Set<String> KINDS =
      java.util.Set.of("introduced", "fixed", "last_affected", "limit");
  private final List<Advisory> records = new ArrayList<>();
  private final Map<String, Long> skipped = new TreeMap<>();
  private long advisories;

  /** Reads {@code source} (directory, .zip or .json) and returns what it holds. */
  public ImportResult read(Path source) throws IOException {
    if (Files.isDirectory(source)) {
      List<Path> files;
      try (Stream<Path> s = Files.walk(source)) {
        files =
            s.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p))
                .sorted()
                .toList();
      }
      for (Path f : files) {
        try (InputStream in = Files.newInputStream(f)) {
          readStream(in, f.toString());
        }
      }
    } else if (source.toString().endsWith(".zip") || isZip(source)) {
      try (ZipFile zip = new ZipFile(source.toFile())) {
        Enumeration<? extends ZipEntry> en = zip.entries();
        while (en.hasMoreElements()) {
          ZipEntry e = en.nextElement();
          if (!e.isDirectory() && e.getName().endsWith(".json")) {
            try (InputStream in = zip.getInputStream(e)) {
              readStream(in, e.getName());
            }
          }
        }
      }
    } else {
      try (InputStream in = Files.newInputStream(source)) {
        readStream(in, source.toString());
      }
    }
    return new ImportResult(records, advisories, skipped);
  }

  private void readStream(InputStream in, String name) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      skip("invalid JSON");
      return;
    }
    if (root == null) {
      skip("invalid JSON");
    } else if (root.isArray()) {
      root.forEach(this::record);
    } else {
      record(root);
    }
  }

  /** Adds one OSV record; public for tests that build records in memory. */
  public void record(JsonNode r) {
    String id = r.path("id").asText("");
    if (id.isEmpty() || !r.path("affected").isArray()) {
      skip("not an OSV record");
      return;
    }
    if (!r.path("withdrawn").asText("").isEmpty()) {
      skip("withdrawn");
      return;
    }
    advisories++;
    List<String> aliases = new ArrayList<>();
    r.path("aliases").forEach(a -> aliases.add(a.asText()));
    r.path("upstream").forEach(a -> aliases.add(a.asText()));
    String summary = r.path("summary").asText("");
    if (summary.isEmpty()) {
      summary = firstLine(r.path("details").asText(""));
    }
    List<String> refs = new ArrayList<>();
    for (JsonNode ref : r.path("references")) {
      if (refs.size() < 5 && !ref.path("url").asText("").isEmpty()) {
        refs.add(ref.path("url").asText());
      }
    }
    List<SeverityVector> topSeverity = severities(r.path("severity"));
    String topVendor = r.path("database_specific").path("severity").asText("");
    for (JsonNode aff : r.path("affected")) {
      JsonNode pkg = aff.path("package");
      String eco = Ecosystems.normalize(pkg.path("ecosystem").asText(""));
      String name = pkg.path("name").asText("");
      if (eco.isEmpty() || name.isEmpty()) {
        skip("affected entry without ecosystem or name");
        continue;
      }
      if (!Ecosystems.supported(eco)) {
        skip("ecosystem " + eco.replaceAll(":.*", ""));
        continue;
      }
      List<List<RangeEvent>> ranges = new ArrayList<>();
      for (JsonNode range : aff.path("ranges")) {
        if (!range.path("type").asText("").equals("ECOSYSTEM")) {
          continue; // GIT and SEMVER ranges say nothing about distribution package versions
        }
        List<RangeEvent> events = new ArrayList<>();
        for (JsonNode ev : range.path("events")) {
          ev.fieldNames()
              .forEachRemaining(
                  f -> {
                    if (KINDS.contains(f) && !ev.path(f).asText("").isBlank()) {
                      events.add(new RangeEvent(RangeEvent.Kind.ofField(f), ev.path(f).asText()));
                    }
                  });
        }
        if (!events.isEmpty()) {
          ranges.add(events);
        }
      }
      List<String> versions = new ArrayList<>();
      aff.path("versions").forEach(v -> versions.add(v.asText()));
      if (ranges.isEmpty() && versions.isEmpty()) {
        skip("no ECOSYSTEM range or versions");
        continue;
      }
      List<SeverityVector> sev = severities(aff.path("severity"));
      String vendor =
          first(
              aff.path("ecosystem_specific").path("urgency").asText(""),
              aff.path("ecosystem_specific").path("severity").asText(""),
              aff.path("database_specific").path("severity").asText(""),
              topVendor);
      records.add(
          new Advisory(
              Advisory.Origin.OSV,
              id,
              aliases,
              summary,
              r.path("modified").asText(""),
              sev.isEmpty() ? topSeverity : sev,
              vendor,
              eco,
              name,
              pkg.path("purl").asText(""),
              ranges,
              versions,
              VendorState.AFFECTED,
              "",
              refs));
    }
  }

  private static List<SeverityVector> severities(JsonNode arr) {
    List<SeverityVector> out = new ArrayList<>();
    for (JsonNode s : arr) {
      String type = s.path("type").asText("");
      String score = s.path("score").asText("");
      if (!type.isEmpty() && !score.isEmpty()) {
        out.add(new SeverityVector(type, score));
      }
    }
    return out;
  }

  private void skip(String reason) {
    skipped.merge(reason, 1L, Long::sum);
  }

  private static String first(String... s) {
    for (String x : s) {
      if (!x.isBlank()) {
        return x;
      }
    }
    return "";
  }

  private static String firstLine(String s) {
    String l = s.strip();
    int nl = l.indexOf('\n');
    l = nl < 0 ? l : l.substring(0, nl);
    return l.length() > 300 ? l.substring(0, 299) + "…" : l;
  }

  private static boolean isZip(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      byte[] b = in.readNBytes(4);
      return b.length == 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }
  }
}
