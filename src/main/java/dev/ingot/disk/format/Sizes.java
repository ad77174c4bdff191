package dev.ingot.disk.format;

import java.util.Locale;

/** Sizes written as "2G", "512M", "64k" or plain bytes (binary units, as qemu-img reads them). */
public final class Sizes {
  private Sizes() {}

  /** Parses a size in bytes; suffixes k, M, G, T (optionally followed by "iB" or "B") are x1024. */
  public static long parse(String s) {
    String t = s.strip();
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.endsWith("ib")) {
      t = t.substring(0, t.length() - 2);
    } else if (lower.endsWith("b")) {
      t = t.substring(0, t.length() - 1);
    }
    if (t.isEmpty()) {
      throw new IllegalArgumentException("not a size: '" + s + "'");
    }
    char last = Character.toLowerCase(t.charAt(t.length() - 1));
    int shift =
        switch (last) {
          case 'k' -> 10;
          case 'm' -> 20;
          case 'g' -> 30;
          case 't' -> 40;
          default -> 0;
        };
    String num = shift == 0 ? t : t.substring(0, t.length() - 1);
    try {
      long v = Long.parseLong(num.strip());
      if (v < 0 || (shift > 0 && v > (Long.MAX_VALUE >> shift))) {
        throw new IllegalArgumentException("size out of range: '" + s + "'");
      }
      return v << shift;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "not a size: '" + s + "' (write bytes or a number with k, M, G or T)");
    }
  }

  /** "2 GiB", "1.5 MiB", "512 B" as qemu-img prints sizes. */
  public static String human(long bytes) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = bytes;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    if (u == 0) {
      return bytes + " B";
    }
    String n = String.format(Locale.ROOT, "%.3g", v);
    if (n.contains(".")) {
      n = n.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return n + " " + units[u];
  }
}
