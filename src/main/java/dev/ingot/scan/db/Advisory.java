package dev.ingot.scan.db;

import java.util.List;

/**
 * What one advisory says about one package in one ecosystem, self-contained so a scan reads only
 * the records of the packages it has. {@code ecosystem} is OSV's name ("Debian:12"); for Debian the
 * {@code packageName} is the source package. {@code ranges} are ECOSYSTEM ranges (each a list of
 * events); {@code versions} lists affected versions explicitly. {@code vendorSeverity} is the
 * vendor's word (Debian urgency, GitHub severity) when there is one; {@code note} holds the
 * tracker's no-dsa remark. Immutable.
 */
public record Advisory(
    Origin origin,
    String id,
    List<String> aliases,
    String summary,
    String modified,
    List<SeverityVector> severities,
    String vendorSeverity,
    String ecosystem,
    String packageName,
    String purl,
    List<List<RangeEvent>> ranges,
    List<String> versions,
    VendorState state,
    String note,
    List<String> references) {

  /** Where a record was imported from. */
  public enum Origin {
    OSV,
    DEBIAN_TRACKER
  }

  public Advisory {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("advisory without an id");
    }
    if (ecosystem == null || ecosystem.isBlank() || packageName == null || packageName.isBlank()) {
      throw new IllegalArgumentException("advisory " + id + " names no ecosystem and package");
    }
    aliases = List.copyOf(aliases);
    summary = summary == null ? "" : summary;
    modified = modified == null ? "" : modified;
    severities = List.copyOf(severities);
    vendorSeverity = vendorSeverity == null ? "" : vendorSeverity;
    purl = purl == null ? "" : purl;
    ranges = ranges.stream().map(List::copyOf).toList();
    versions = List.copyOf(versions);
    state = state == null ? VendorState.AFFECTED : state;
    note = note == null ? "" : note;
    references = List.copyOf(references);
  }

  /** The lookup key of the store: ecosystem and package name. */
  public String key() {
    return key(ecosystem, packageName);
  }

  public static String key(String ecosystem, String packageName) {
    return ecosystem + "\u0000" + packageName;
  }

  /** The id and its aliases. */
  public List<String> allIds() {
    java.util.ArrayList<String> all = new java.util.ArrayList<>();
    all.add(id);
    all.addAll(aliases);
    return all;
  }
}
