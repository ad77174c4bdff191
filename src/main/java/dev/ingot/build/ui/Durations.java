package dev.ingot.build.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Durations written as Packer writes them: "1 minute 2 seconds 5 milliseconds 3 microseconds". */
public final class Durations {
  private Durations() {}

  private static final String[] UNITS = {
    "week", "day", "hour", "minute", "second", "millisecond", "microsecond"
  };
  private static final long[] MICROS = {
    7L * 86_400_000_000L, 86_400_000_000L, 3_600_000_000L, 60_000_000L, 1_000_000L, 1_000L, 1L
  };

  public static String packer(Duration d) {
    long us = Math.max(0, d.toNanos() / 1_000);
    if (us == 0) {
      return "0 microseconds";
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < UNITS.length; i++) {
      long n = us / MICROS[i];
      us %= MICROS[i];
      if (n > 0) {
        parts.add(n + " " + UNITS[i] + (n == 1 ? "" : "s"));
      }
    }
    return String.join(" ", parts);
  }
}
