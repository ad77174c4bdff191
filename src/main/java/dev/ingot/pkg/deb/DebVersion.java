package dev.ingot.pkg.deb;

/**
 * A Debian package version {@code [epoch:]upstream[-revision]}, ordered exactly as {@code dpkg
 * --compare-versions} orders them (deb-version(7)): epochs numerically, then upstream and revision
 * by dpkg's verrevcmp, where '~' sorts before everything, even the end of the string, and letters
 * sort before other characters. Immutable and thread-safe.
 */
public record DebVersion(long epoch, String upstream, String revision)
    implements Comparable<DebVersion> {

  public DebVersion {
    if (epoch < 0) {
      throw new IllegalArgumentException("negative epoch");
    }
    if (upstream == null || upstream.isEmpty()) {
      throw new IllegalArgumentException("version has an empty upstream part");
    }
    revision = revision == null ? "" : revision;
  }

  /**
   * Parses a version as dpkg does: the epoch is before the first ':', the revision after the last
   * '-'. Throws {@link IllegalArgumentException} with the reason for a malformed version. Like
   * dpkg, an upstream part that does not start with a digit is accepted (dpkg only warns).
   */
  public static DebVersion parse(String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty version string");
    }
    long epoch = 0;
    int colon = s.indexOf(':');
    if (colon >= 0) {
      String e = s.substring(0, colon);
      if (e.isEmpty() || !e.chars().allMatch(Character::isDigit) || e.length() > 9) {
        throw new IllegalArgumentException("bad epoch in version '" + text + "'");
      }
      epoch = Long.parseLong(e);
      s = s.substring(colon + 1);
    }
    String rev = "";
    int dash = s.lastIndexOf('-');
    if (dash >= 0) {
      rev = s.substring(dash + 1);
      s = s.substring(0, dash);
      if (rev.isEmpty()) {
        throw new IllegalArgumentException("empty revision in version '" + text + "'");
      }
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("version '" + text + "' has an empty upstream part");
    }
    for (char c : (s + rev).toCharArray()) {
      if (!(Character.isLetterOrDigit(c) && c < 128) && ".+~-:".indexOf(c) < 0) {
        throw new IllegalArgumentException(
            "invalid character '" + c + "' in version '" + text + "'");
      }
    }
    return new DebVersion(epoch, s, rev);
  }

  /** Compares two version strings; convenient for callers holding text. */
  public static int compare(String a, String b) {
    return parse(a).compareTo(parse(b));
  }

  @Override
  public int compareTo(DebVersion o) {
    int c = Long.compare(epoch, o.epoch);
    if (c != 0) {
      return c;
    }
    c = verrevcmp(upstream, o.upstream);
    return c != 0 ? c : verrevcmp(revision, o.revision);
  }

  /** dpkg's ordering weight of a non-digit character; 0 stands for the end of the string. */
  private static int order(String s, int i) {
    if (i >= s.length()) {
      return 0;
    }
    char c = s.charAt(i);
    if (Character.isDigit(c)) {
      return 0;
    }
    if (Character.isLetter(c)) {
      return c;
    }
    return c == '~' ? -1 : c + 256;
  }

  private static int verrevcmp(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      int firstDiff = 0;
      while ((i < a.length() && !Character.isDigit(a.charAt(i)))
          || (j < b.length() && !Character.isDigit(b.charAt(j)))) {
        int ac = order(a, i);
        int bc = order(b, j);
        if (ac != bc) {
          return Integer.signum(ac - bc);
        }
        i++;
        j++;
      }
      while (i < a.length() && a.charAt(i) == '0') {
        i++;
      }
      while (j < b.length() && b.charAt(j) == '0') {
        j++;
      }
      while (i < a.length()
          && Character.isDigit(a.charAt(i))
          && j < b.length()
          && Character.isDigit(b.charAt(j))) {
        if (firstDiff == 0) {
          firstDiff = a.charAt(i) - b.charAt(j);
        }
        i++;
        j++;
      }
      if (i < a.length() && Character.isDigit(a.charAt(i))) {
        return 1;
      }
      if (j < b.length() && Character.isDigit(b.charAt(j))) {
        return -1;
      }
      if (firstDiff != 0) {
        return Integer.signum(firstDiff);
      }
    }
    return 0;
  }

  @Override
  public String toString() {
    return (epoch > 0 ? epoch + ":" : "") + upstream + (revision.isEmpty() ? "" : "-" + revision);
  }
}
