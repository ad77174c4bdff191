package dev.ingot.scan;

import dev.ingot.plugin.Arg;
import dev.ingot.plugin.ArgType;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.Schema;
import dev.ingot.scan.harden.Hardening;
import dev.ingot.scan.match.Severities;
import dev.ingot.scan.policy.FailOn;
import dev.ingot.scan.policy.Ignore;
import dev.ingot.scan.policy.Policy;
import dev.ingot.scan.report.ReportFormat;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of the {@code scan} post-processor and their conversion to a {@link Policy}, with
 * placed diagnostics for bad values. Pure.
 */
final class ScanSettings {
  static final Schema IGNORE =
      Schema.of(
          Arg.required("id", ArgType.STRING, "Vulnerability id or alias, or a check id"),
          Arg.optional("package", ArgType.STRING, null, "Only for this package (binary or source)"),
          Arg.optional("until", ArgType.STRING, null, "Last day the ignore applies (YYYY-MM-DD)"),
          Arg.optional(
              "reason", ArgType.STRING, "", "Why the risk is accepted (shown in reports)"));

  static final Schema SCHEMA =
      Schema.of(
          Arg.optional(
              "fail_on", ArgType.STRING, "critical", "critical, high, medium, low or none"),
          Arg.optional(
              "only_fixed", ArgType.BOOL, false, "Ignore findings that have no fixed version"),
          Arg.optional(
              "allow_empty_db",
              ArgType.BOOL,
              false,
              "Scan even when the advisory database is empty (hardening checks only)"),
          Arg.blocks("ignore", IGNORE, "Accepted risks, each with an optional expiry"),
          Arg.optional(
              "severity_source",
              ArgType.STRING_LIST,
              Severities.SOURCES,
              "Order in which severities are trusted: cvss_v4, cvss_v3, vendor"),
          Arg.optional(
              "checks", ArgType.STRING_LIST, List.of(), "Hardening profiles to run: baseline"),
          Arg.optional(
              "formats",
              ArgType.STRING_LIST,
              List.of("table", "json", "sarif", "html"),
              "Report formats written to the output directory"),
          Arg.optional(
              "database",
              ArgType.STRING,
              null,
              "Advisory database directory (default: <cache>/scan/db, filled by 'ingot db"
                  + " import')"));

  private ScanSettings() {}

  static Policy policy(Config c) {
    String f = c.string("fail_on", "critical");
    FailOn failOn =
        FailOn.parse(f)
            .orElseThrow(
                () ->
                    c.error(
                        "fail_on",
                        "Invalid fail_on \"" + f + "\"",
                        "Use one of critical, high, medium, low or none."));
    List<Ignore> ignores = new ArrayList<>();
    for (Config i : c.objects("ignore")) {
      String id = i.string("id", "");
      if (id.isBlank()) {
        throw c.error("ignore", "Ignore without an id", "Give the vulnerability or check id.");
      }
      LocalDate until = null;
      if (i.has("until")) {
        try {
          until = LocalDate.parse(i.string("until", ""));
        } catch (DateTimeParseException e) {
          throw c.error(
              "ignore",
              "Invalid until date \"" + i.string("until", "") + "\" for " + id,
              "Write the date as YYYY-MM-DD, for example 2026-06-30.");
        }
      }
      ignores.add(new Ignore(id, i.string("package", null), until, i.string("reason", "")));
    }
    List<String> order =
        c.has("severity_source") ? c.strings("severity_source") : Severities.SOURCES;
    for (String s : order) {
      if (!Severities.SOURCES.contains(s)) {
        throw c.error(
            "severity_source",
            "Unknown severity source \"" + s + "\"",
            "Use cvss_v4, cvss_v3 and vendor, in the order to trust them.");
      }
    }
    List<String> checks = c.strings("checks");
    for (String s : checks) {
      if (!Hardening.profileNames().contains(s)) {
        throw c.error(
            "checks",
            "Unknown hardening profile \"" + s + "\"",
            "Available: " + String.join(", ", Hardening.profileNames()) + ".");
      }
    }
    return new Policy(failOn, c.bool("only_fixed", false), ignores, order, checks);
  }

  static List<ReportFormat> formats(Config c) {
    List<String> names =
        c.has("formats") ? c.strings("formats") : List.of("table", "json", "sarif", "html");
    List<ReportFormat> out = new ArrayList<>();
    for (String n : names) {
      out.add(
          ReportFormat.parse(n)
              .orElseThrow(
                  () ->
                      c.error(
                          "formats",
                          "Unknown report format \"" + n + "\"",
                          "Use table, json, sarif or html.")));
    }
    return out;
  }
}
