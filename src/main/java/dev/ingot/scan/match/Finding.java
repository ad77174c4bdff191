package dev.ingot.scan.match;

import dev.ingot.artifact.InstalledPackage;
import dev.ingot.scan.db.VendorState;
import java.util.List;

/**
 * An installed package matched by an advisory. {@code id} is the vulnerability's main id (the CVE
 * when there is one) and {@code aliases} the others (DSA, DEBIAN-CVE, GHSA); {@code matchedName}
 * and {@code matchedVersion} are what was compared (the source package for Debian); {@code
 * fixedVersion} is null when there is no fix; {@code severity} is the rating chosen by the
 * severity-source order and {@code assessments} all that were available; {@code why} explains the
 * match in one sentence. Immutable.
 */
public record Finding(
    InstalledPackage pkg,
    String id,
    List<String> aliases,
    String summary,
    String ecosystem,
    String matchedName,
    String matchedVersion,
    String fixedVersion,
    VendorState state,
    String note,
    Assessment severity,
    List<Assessment> assessments,
    List<String> sources,
    List<String> references,
    String why) {
  public Finding {
    aliases = List.copyOf(aliases);
    assessments = List.copyOf(assessments);
    sources = List.copyOf(sources);
    references = List.copyOf(references);
    note = note == null ? "" : note;
    summary = summary == null ? "" : summary;
  }

  public boolean hasFix() {
    return fixedVersion != null;
  }

  /** True when {@code s} is this finding's id or one of its aliases. */
  public boolean isKnownAs(String s) {
    return id.equals(s) || aliases.contains(s);
  }
}
