package dev.ingot.disk.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads VMDKs whose descriptor is a file of its own (monolithicFlat, twoGbMaxExtentFlat and
 * twoGbMaxExtentSparse, vmfs): the disk is its extents one after another, each flat (a window of a
 * raw file), a hosted sparse extent or zeros, named relative to the descriptor's directory. Delta
 * disks (a parent) and ESX-only extent kinds are refused with a message. Thread-safe.
 */
final class VmdkExtentsReader implements DiskReader {
  private static final Pattern EXTENT =
      Pattern.compile(
          "^(RW|RDONLY|NOACCESS)\\s+(\\d+)\\s+([A-Z]+)(?:\\s+\"([^\"]*)\"(?:\\s+(\\d+))?)?\\s*$");
  // A line starting so is an extent, and must match EXTENT.
  private static final Pattern ACCESS = Pattern.compile("^(RW|RDONLY|NOACCESS)\\b");
  private static final int MAX_DESCRIPTOR = 1 << 20;

  /** One extent: guest bytes {@code [start, start + length)}; {@code reader} null for zeros. */
  private record Extent(long start, long length, DiskReader reader) {}

  private final Path path;
  private final Map<String, String> descriptor;
  private final List<Extent> extents;
  private final long size;

  private VmdkExtentsReader(Path path, Map<String, String> descriptor, List<Extent> extents) {
    this.path = path;
    this.descriptor = descriptor;
    this.extents = List.copyOf(extents);
    this.size = extents.isEmpty() ? 0 : extents.getLast().start() + extents.getLast().length();
  }

  /**
   * Opens the descriptor {@code path}; its sparse extents are opened one level down {@code chain},
   * so that a delta extent whose parent is this descriptor again ends at the chain's limit.
   */
  static VmdkExtentsReader open(Path path, Chain chain) throws IOException {
    if (Files.size(path) > MAX_DESCRIPTOR) {
      throw new DiskFormatException(path + ": VMDK descriptor larger than 1 MiB");
    }
    String text = Files.readString(path, StandardCharsets.UTF_8);
    Map<String, String> d = VmdkDescriptor.parse(text);
    String parent = d.getOrDefault("parentCID", "ffffffff");
    if (!parent.equalsIgnoreCase("ffffffff") || d.containsKey("parentFileNameHint")) {
      throw new DiskFormatException(
          path + ": a VMDK delta disk (snapshot or linked clone) needs its parent; consolidate it");
    }
    List<Extent> out = new ArrayList<>();
    long start = 0;
    try {
      String[] lines = text.split("\n");
      for (int n = 0; n < lines.length; n++) {
        String line = withoutComment(lines[n]).strip();
        if (!ACCESS.matcher(line).lookingAt()) {
          continue;
        }
        Matcher m = EXTENT.matcher(line);
        if (!m.matches()) {
          // Skipping it would drop that part of the disk and convert the rest without a word.
          throw new DiskFormatException(
              path
                  + ": line "
                  + (n + 1)
                  + " is an extent Ingot cannot read: '"
                  + line
                  + "' (expected ACCESS SECTORS TYPE \"FILE\" [OFFSET], numbers in decimal)");
        }
        long length = sectors(path, m.group(2), "extent size") * 512;
        if (length > Long.MAX_VALUE - start) {
          throw new DiskFormatException(
              path + ": the extents add up to more than 2^63 bytes: the descriptor is damaged");
        }
        DiskReader r = extent(path, m.group(3), m.group(4), m.group(5), length, chain);
        out.add(new Extent(start, length, r));
        start += length;
      }
      if (out.isEmpty()) {
        throw new DiskFormatException(path + ": VMDK descriptor lists no extents");
      }
      return new VmdkExtentsReader(path, d, out);
    } catch (IOException | RuntimeException e) {
      for (Extent x : out) {
        if (x.reader() != null) {
          x.reader().close();
        }
      }
      throw e;
    }
  }

  private static DiskReader extent(
      Path descriptor, String kind, String file, String offset, long length, Chain chain)
      throws IOException {
    if (kind.equals("ZERO")) {
      return null;
    }
    if (file == null || file.isEmpty()) {
      throw new DiskFormatException(descriptor + ": " + kind + " extent without a file name");
    }
    Path f = chain.links().resolve(descriptor, file, "extent file");
    return switch (kind) {
      case "FLAT", "VMFS" -> {
        if (offset == null && kind.equals("FLAT")) {
          // VMware writes VMFS extents without an offset, FLAT ones always with one; QEMU refuses
          // a FLAT line without it rather than guess 0.
          throw new DiskFormatException(
              descriptor + ": FLAT extent " + file + " has no offset (write 0 for the start)");
        }
        long at = offset == null ? 0 : sectors(descriptor, offset, "extent offset") * 512;
        FileChannel ch = FileChannel.open(f);
        if (ch.size() < at || ch.size() - at < length) {
          ch.close();
          throw new DiskFormatException(
              descriptor + ": extent file " + f + " is shorter than the descriptor says");
        }
        yield RawReader.window(ch, f, at, length);
      }
      case "SPARSE" -> {
        VmdkReader r = VmdkReader.open(f, chain.below());
        if (r.virtualSize() != length) {
          r.close();
          throw new DiskFormatException(
              descriptor + ": sparse extent " + f + " does not hold " + length + " bytes");
        }
        yield r;
      }
      default ->
          throw new DiskFormatException(
              descriptor + ": VMDK extents of kind " + kind + " are not supported");
    };
  }

  /** {@code line} up to a {@code #} that is not inside quotes. */
  private static String withoutComment(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '#' && !quoted) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  /** A sector count of the descriptor, as a number of sectors whose bytes fit in a long. */
  private static long sectors(Path descriptor, String digits, String what)
      throws DiskFormatException {
    try {
      long n = Long.parseLong(digits);
      if (n <= Long.MAX_VALUE / 512) {
        return n;
      }
    } catch (NumberFormatException e) {
      // too many digits for a long: refused below with the same message
    }
    throw new DiskFormatException(
        descriptor + ": VMDK " + what + " of " + digits + " sectors is out of range");
  }

  @Override
  public DiskFormat format() {
    return DiskFormat.VMDK;
  }

  @Override
  public long virtualSize() {
    return size;
  }

  @Override
  public Extents allocated() throws IOException {
    Extents all = Extents.of(List.of());
    for (Extent x : extents) {
      if (x.reader() != null) {
        all = all.union(x.reader().allocated().shifted(x.start(), x.length()));
      }
    }
    return all;
  }

  @Override
  public void read(long offset, ByteBuffer dst) throws IOException {
    for (Extent x : extents) {
      if (!dst.hasRemaining()) {
        return;
      }
      long end = x.start() + x.length();
      if (offset >= end || offset < x.start()) {
        continue;
      }
      int n = (int) Math.min(dst.remaining(), end - offset);
      ByteBuffer part = dst.slice(dst.position(), n);
      if (x.reader() == null) {
        Blocks.zero(part);
      } else {
        x.reader().read(offset - x.start(), part);
      }
      dst.position(dst.position() + n);
      offset += n;
    }
    Blocks.zero(dst); // past the last extent
  }

  @Override
  public DiskInfo info() throws IOException {
    String type = descriptor.getOrDefault("createType", "");
    long bytes = 0; // the descriptor and its extents: the image is all of them
    for (Path f : new java.util.LinkedHashSet<>(files())) {
      bytes += Files.size(f);
    }
    return new DiskInfo(
        DiskFormat.VMDK,
        size,
        bytes,
        0,
        type,
        Map.of(
            "create-type",
            type,
            "cid",
            descriptor.getOrDefault("CID", ""),
            "adapter-type",
            descriptor.getOrDefault("ddb.adapterType", ""),
            "extents",
            extents.size(),
            "extent-files",
            files().stream().skip(1).map(Path::toString).toList()));
  }

  @Override
  public List<Path> files() {
    List<Path> all = new ArrayList<>(List.of(path));
    for (Extent x : extents) {
      if (x.reader() != null) {
        all.addAll(x.reader().files());
      }
    }
    return all;
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (Extent x : extents) {
      try {
        if (x.reader() != null) {
          x.reader().close();
        }
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public String toString() {
    return "VMDK " + path;
  }
}
