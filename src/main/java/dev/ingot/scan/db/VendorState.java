package dev.ingot.scan.db;

import java.util.Locale;

/**
 * What the vendor says about a package and an advisory in one release. OSV ranges are {@link
 * #AFFECTED} (with or without a fix); the Debian security tracker adds its own states, kept so the
 * report can say why something has no fix.
 */
public enum VendorState {
  /** Affected in the listed ranges; a fixed version may exist. */
  AFFECTED,
  /** Open, no fixed version yet ("&lt;unfixed&gt;" in the tracker). */
  UNFIXED,
  /**
   * Open; Debian will not issue a security advisory (minor issue) but may fix in a point release.
   */
  NO_DSA,
  /** Open; Debian decided not to fix it in this release. */
  IGNORED,
  /** Open; a fix is postponed to a later point release. */
  POSTPONED,
  /** Open; the package is no longer supported with security updates in this release. */
  END_OF_LIFE,
  /** The release never had the vulnerable code (tracker fixed_version "0"). */
  NOT_AFFECTED,
  /** Not yet assessed by the vendor; not reported as a finding. */
  UNDETERMINED;

  /** "no-dsa", "end-of-life", … as written in reports and the tracker. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** True for states in which the installed package counts as vulnerable. */
  public boolean vulnerable() {
    return this != NOT_AFFECTED && this != UNDETERMINED;
  }
}
