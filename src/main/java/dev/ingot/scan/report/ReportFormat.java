package dev.ingot.scan.report;

import java.util.Locale;
import java.util.Optional;

/** The report formats, with their usual file names. */
public enum ReportFormat {
  TABLE("scan-report.txt"),
  JSON("scan-report.json"),
  SARIF("scan-report.sarif"),
  HTML("scan-report.html");

  private final String fileName;

  ReportFormat(String fileName) {
    this.fileName = fileName;
  }

  public String fileName() {
    return fileName;
  }

  public static Optional<ReportFormat> parse(String s) {
    try {
      return Optional.of(valueOf(s.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public String render(ScanReport r) {
    return switch (this) {
      case TABLE -> TableReport.render(r);
      case JSON -> JsonReport.render(r);
      case SARIF -> SarifReport.render(r);
      case HTML -> HtmlReport.render(r);
    };
  }
}
