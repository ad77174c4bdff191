package dev.ingot.scan.db;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ingot.plugin.Cancellation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Imports the Debian security tracker's JSON export: {@code {source package: {CVE id: {description,
 * releases: {codename: {status, fixed_version, urgency, nodsa, nodsa_reason}}}}}}. The file is
 * streamed one source package at a time (the real export is tens of megabytes). Per release:
 * "resolved" with {@code fixed_version "0"} is {@link VendorState#NOT_AFFECTED}, other resolved
 * entries are affected below the fixed version; "open" entries are {@code end-of-life} (urgency),
 * {@code ignored} or {@code postponed} (nodsa_reason), {@code no-dsa} (nodsa) or unfixed;
 * "undetermined" is kept as such. Releases Ingot cannot name (sid, experimental) are counted as
 * skipped. Not thread-safe; one instance per import.
 */
public final class DebianTrackerImporter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final RecordBlocks records = new RecordBlocks();
  private final Map<String, Long> skipped = new TreeMap<>();
  private final Set<String> ids = new HashSet<>();
  private final Cancellation cancel;

  /** {@code cancel} is checked per source package: a cancelled read throws. */
  public DebianTrackerImporter(Cancellation cancel) {
    this.cancel = cancel;
  }

  public ImportResult read(InputStream in) throws IOException {
    try (JsonParser p = JSON.getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new AdvisoryDbException(
            "not a Debian security tracker export: the top level is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        cancel.check();
        String pkg = p.currentName();
        p.nextToken();
        JsonNode issues = JSON.readTree(p);
        if (!issues.isObject()) {
          throw new AdvisoryDbException(
              "not a Debian security tracker export: package '" + pkg + "' is not an object");
        }
        issues.fields().forEachRemaining(e -> issue(pkg, e.getKey(), e.getValue()));
      }
    }
    return new ImportResult(records, ids.size(), skipped);
  }

  private void issue(String pkg, String id, JsonNode issue) {
    ids.add(id);
    String description = issue.path("description").asText("");
    for (Iterator<Map.Entry<String, JsonNode>> it = issue.path("releases").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> rel = it.next();
      Optional<String> eco = Ecosystems.debianCodename(rel.getKey());
      if (eco.isEmpty()) {
        skipped.merge("release " + rel.getKey(), 1L, Long::sum);
        continue;
      }
      JsonNode r = rel.getValue();
      String status = r.path("status").asText("");
      String fixed = r.path("fixed_version").asText("");
      String urgency = r.path("urgency").asText("").replace("*", "").strip();
      String nodsa = r.path("nodsa").asText("");
      String reason = r.path("nodsa_reason").asText("");
      VendorState state;
      List<List<RangeEvent>> ranges = new ArrayList<>();
      switch (status) {
        case "resolved" -> {
          if (fixed.equals("0")) {
            state = VendorState.NOT_AFFECTED;
          } else if (fixed.isEmpty()) {
            skipped.merge("resolved without fixed_version", 1L, Long::sum);
            continue;
          } else {
            state = VendorState.AFFECTED;
            ranges.add(List.of(RangeEvent.introduced("0"), RangeEvent.fixed(fixed)));
          }
        }
        case "open" -> {
          state =
              urgency.equals("end-of-life")
                  ? VendorState.END_OF_LIFE
                  : reason.equals("ignored")
                      ? VendorState.IGNORED
                      : reason.equals("postponed")
                          ? VendorState.POSTPONED
                          : !nodsa.isEmpty() ? VendorState.NO_DSA : VendorState.UNFIXED;
          ranges.add(List.of(RangeEvent.introduced("0")));
        }
        case "undetermined" -> state = VendorState.UNDETERMINED;
        default -> {
          skipped.merge("status " + status, 1L, Long::sum);
          continue;
        }
      }
      String vendor =
          urgency.equals("not yet assigned") || urgency.equals("end-of-life") ? "" : urgency;
      records.add(
          new Advisory(
              Advisory.Origin.DEBIAN_TRACKER,
              id,
              List.of(),
              description,
              "",
              List.of(),
              vendor,
              eco.get(),
              pkg,
              "",
              ranges,
              List.of(),
              state,
              nodsa,
              List.of()));
    }
  }
}
