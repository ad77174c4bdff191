package dev.ingot.disk.format;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the data extents of a sparse file with {@code lseek(SEEK_DATA/SEEK_HOLE)}, as qemu-img
 * does: reading a hole costs as much as reading data (the kernel fills page cache with zeros), so a
 * mostly empty 2 GiB raw disk would otherwise take seconds just to be read. The JDK has no such
 * call, so it is made through the foreign function API, looked up reflectively because the code is
 * compiled for Java 21 (where that API is a preview) and runs on newer JDKs. When anything is
 * missing the whole file counts as data, which is slower but still correct. Thread-safe.
 */
final class SparseFiles {
  private static final int SEEK_DATA = 3;
  private static final int SEEK_HOLE = 4;

  private SparseFiles() {}

  /** The data extents of {@code path}, or all of {@code [0, size)} when they cannot be found. */
  static Extents dataExtents(Path path, long size) {
    Optional<Native> n = Holder.NATIVE;
    if (n.isEmpty() || size == 0) {
      return Extents.all(size);
    }
    try {
      return n.get().extents(path, size);
    } catch (Throwable e) {
      return Extents.all(size);
    }
  }

  /**
   * Links the native calls on a background thread, so that a command which will need them (convert)
   * pays for the linking (tens of milliseconds) while it still parses its arguments.
   */
  static void prepareInBackground() {
    Thread.ofPlatform().daemon().name("ingot-sparse-link").start(() -> Holder.NATIVE.isPresent());
  }

  // Initialized on first use; immutable afterwards.
  private static final class Holder {
    static final Optional<Native> NATIVE = Native.load();
  }

  private record Native(
      MethodHandle open, MethodHandle lseek, MethodHandle close, Method arena, Method cstring) {
    static Optional<Native> load() {
      try {
        Class<?> linkerC = Class.forName("java.lang.foreign.Linker");
        Class<?> fdC = Class.forName("java.lang.foreign.FunctionDescriptor");
        Class<?> layoutC = Class.forName("java.lang.foreign.MemoryLayout");
        Class<?> valueC = Class.forName("java.lang.foreign.ValueLayout");
        Class<?> segC = Class.forName("java.lang.foreign.MemorySegment");
        Class<?> optC = Class.forName("java.lang.foreign.Linker$Option");
        Class<?> symC = Class.forName("java.lang.foreign.SymbolLookup");
        Object linker = linkerC.getMethod("nativeLinker").invoke(null);
        Object lookup = linkerC.getMethod("defaultLookup").invoke(linker);
        Object jlong = valueC.getField("JAVA_LONG").get(null);
        Object jint = valueC.getField("JAVA_INT").get(null);
        Object addr = valueC.getField("ADDRESS").get(null);
        Method fdOf = fdC.getMethod("of", layoutC, layoutC.arrayType());
        Method down = linkerC.getMethod("downcallHandle", segC, fdC, optC.arrayType());
        Method find = symC.getMethod("find", String.class);
        Object noOpts = Array.newInstance(optC, 0);
        MethodHandle[] hs = new MethodHandle[3];
        String[] names = {"open", "lseek", "close"};
        Object[][] sigs = {{jint, addr, jint}, {jlong, jint, jlong, jint}, {jint, jint}};
        for (int i = 0; i < 3; i++) {
          Object sym = ((Optional<?>) find.invoke(lookup, names[i])).orElseThrow();
          Object args = Array.newInstance(layoutC, sigs[i].length - 1);
          for (int j = 1; j < sigs[i].length; j++) {
            Array.set(args, j - 1, sigs[i][j]);
          }
          hs[i] =
              (MethodHandle) down.invoke(linker, sym, fdOf.invoke(null, sigs[i][0], args), noOpts);
        }
        Class<?> arenaC = Class.forName("java.lang.foreign.Arena");
        Method cstr =
            Class.forName("java.lang.foreign.SegmentAllocator")
                .getMethod("allocateFrom", String.class);
        return Optional.of(new Native(hs[0], hs[1], hs[2], arenaC.getMethod("ofConfined"), cstr));
      } catch (Throwable e) {
        return Optional.empty();
      }
    }

    Extents extents(Path path, long size) throws Throwable {
      try (AutoCloseable arenaObj = (AutoCloseable) arena.invoke(null)) {
        Object name = cstring.invoke(arenaObj, path.toAbsolutePath().toString());
        int fd = (int) open.invoke(name, 0);
        if (fd < 0) {
          return Extents.all(size);
        }
        try {
          return scan(fd, size);
        } finally {
          int ignored = (int) close.invoke(fd);
        }
      }
    }

    private Extents scan(int fd, long size) throws Throwable {
      List<long[]> out = new ArrayList<>();
      long pos = 0;
      while (pos < size) {
        long data = (long) lseek.invoke(fd, pos, SEEK_DATA);
        if (data < 0) {
          if (pos == 0 && (long) lseek.invoke(fd, 0L, SEEK_HOLE) != 0) {
            return Extents.all(size); // SEEK_DATA unsupported here, not "no data"
          }
          break;
        }
        long hole = (long) lseek.invoke(fd, data, SEEK_HOLE);
        if (hole < 0) {
          hole = size;
        }
        out.add(new long[] {data, Math.min(hole, size)});
        pos = hole;
      }
      return Extents.of(out);
    }
  }
}
