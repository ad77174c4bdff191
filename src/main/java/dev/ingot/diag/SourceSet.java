package dev.ingot.diag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The source text of the files that diagnostics point into, so that a printer can show the line a
 * diagnostic is about and name the block it sits in. A language package (the HCL parser) supplies
 * the {@link ContextResolver} that knows its block structure; the diagnostics stay plain values.
 *
 * <p>Instances are immutable and thread-safe; the byte arrays handed in must not be changed later.
 */
public final class SourceSet {
  /** Names the construct that encloses a byte offset, e.g. {@code source "null" "x"}. */
  @FunctionalInterface
  public interface ContextResolver {
    /** The context at {@code byteOffset} (0-based, UTF-8), or an empty string when none. */
    String contextAt(int byteOffset);
  }

  /** {@code hidden}: byte ranges {@code [start, end)} that hold sensitive values. */
  private record Entry(byte[] bytes, ContextResolver context, List<int[]> hidden) {
    Entry {
      hidden = List.copyOf(hidden);
    }
  }

  private static final SourceSet EMPTY = new SourceSet(Map.of());

  private final Map<String, Entry> files;

  private SourceSet(Map<String, Entry> files) {
    this.files = Map.copyOf(files);
  }

  /** A set without any file: printers then say "(source code not available)". */
  public static SourceSet empty() {
    return EMPTY;
  }

  /** A set with one file and no context resolver. */
  public static SourceSet of(String filename, byte[] bytes) {
    return EMPTY.with(filename, bytes, offset -> "");
  }

  /** A copy with {@code filename} added (or replaced). */
  public SourceSet with(String filename, byte[] bytes, ContextResolver context) {
    Map<String, Entry> copy = new HashMap<>(files);
    copy.put(filename, new Entry(bytes, context == null ? offset -> "" : context, List.of()));
    return new SourceSet(copy);
  }

  /**
   * A copy in which bytes {@code [start, end)} of {@code filename} hold a sensitive value (a
   * variable declared {@code sensitive} set in a var file): printers show no line that meets them.
   */
  public SourceSet withHidden(String filename, int start, int end) {
    Entry e = files.get(filename);
    if (e == null) {
      return this;
    }
    List<int[]> hidden = new ArrayList<>(e.hidden());
    hidden.add(new int[] {start, end});
    Map<String, Entry> copy = new HashMap<>(files);
    copy.put(filename, new Entry(e.bytes(), e.context(), hidden));
    return new SourceSet(copy);
  }

  /** Whether any byte of {@code [start, end)} of {@code filename} holds a sensitive value. */
  public boolean hides(String filename, int start, int end) {
    Entry e = files.get(filename);
    if (e == null) {
      return false;
    }
    for (int[] h : e.hidden()) {
      if (h[0] < end && start < h[1]) {
        return true;
      }
    }
    return false;
  }

  /** The whole text of {@code filename}, when known. */
  public Optional<byte[]> bytes(String filename) {
    Entry e = files.get(filename);
    return e == null ? Optional.empty() : Optional.of(e.bytes());
  }

  /** The enclosing construct at an offset of {@code filename}, or an empty string. */
  public String contextAt(String filename, int byteOffset) {
    Entry e = files.get(filename);
    if (e == null) {
      return "";
    }
    String s = e.context().contextAt(byteOffset);
    return s == null ? "" : s;
  }
}
