package dev.ingot.disk.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sorted, merged byte ranges {@code [start, end)} of a virtual disk that may hold data; everything
 * outside reads as zeros. Readers may over-approximate (a raw file reports everything). Immutable.
 */
public final class Extents {
  private final long[] starts;
  private final long[] ends;

  private Extents(long[] starts, long[] ends) {
    this.starts = starts;
    this.ends = ends;
  }

  /** One extent covering {@code [0, size)}. */
  public static Extents all(long size) {
    return size == 0 ? new Extents(new long[0], new long[0]) : of(List.of(new long[] {0, size}));
  }

  /** From ranges in any order; overlapping or touching ranges are merged. */
  public static Extents of(List<long[]> ranges) {
    long[][] rs = ranges.stream().filter(r -> r[1] > r[0]).toArray(long[][]::new);
    Arrays.sort(rs, (a, b) -> Long.compare(a[0], b[0]));
    List<long[]> merged = new ArrayList<>();
    for (long[] r : rs) {
      long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && r[0] <= last[1]) {
        last[1] = Math.max(last[1], r[1]);
      } else {
        merged.add(new long[] {r[0], r[1]});
      }
    }
    return new Extents(
        merged.stream().mapToLong(r -> r[0]).toArray(),
        merged.stream().mapToLong(r -> r[1]).toArray());
  }

  /** Builds extents from fixed-size blocks, adding them in ascending order. Not thread-safe. */
  public static final class Builder {
    private final List<long[]> ranges = new ArrayList<>();

    public Builder add(long start, long end) {
      long[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
      if (last != null && start <= last[1]) {
        last[1] = Math.max(last[1], end);
      } else {
        ranges.add(new long[] {start, end});
      }
      return this;
    }

    public Extents build() {
      return of(ranges);
    }
  }

  /** The bytes in this or {@code other}. */
  public Extents union(Extents other) {
    List<long[]> all = new ArrayList<>();
    for (Extents e : List.of(this, other)) {
      for (int i = 0; i < e.count(); i++) {
        all.add(new long[] {e.starts[i], e.ends[i]});
      }
    }
    return of(all);
  }

  /** These extents cut to {@code [0, limit)} and moved up by {@code by} bytes. */
  public Extents shifted(long by, long limit) {
    List<long[]> all = new ArrayList<>();
    for (int i = 0; i < starts.length; i++) {
      all.add(new long[] {by + starts[i], by + Math.min(limit, ends[i])});
    }
    return of(all);
  }

  /** True if any byte of {@code [start, end)} lies in an extent. */
  public boolean intersects(long start, long end) {
    int i = Arrays.binarySearch(starts, start);
    if (i < 0) {
      i = -i - 2; // the extent starting before start, if any
    }
    if (i >= 0 && ends[i] > start) {
      return true;
    }
    int next = i + 1;
    return next < starts.length && starts[next] < end;
  }

  /** The first byte at or after {@code pos} that lies in an extent, or -1 when none does. */
  public long firstAtOrAfter(long pos) {
    int i = Arrays.binarySearch(starts, pos);
    if (i >= 0) {
      return pos;
    }
    int before = -i - 2; // the extent starting before pos, if any
    if (before >= 0 && ends[before] > pos) {
      return pos;
    }
    return before + 1 < starts.length ? starts[before + 1] : -1;
  }

  /** Bytes covered. */
  public long bytes() {
    long sum = 0;
    for (int i = 0; i < starts.length; i++) {
      sum += ends[i] - starts[i];
    }
    return sum;
  }

  public int count() {
    return starts.length;
  }

  public long start(int i) {
    return starts[i];
  }

  public long end(int i) {
    return ends[i];
  }
}
