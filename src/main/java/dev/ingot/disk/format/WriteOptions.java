package dev.ingot.disk.format;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How to write one output format, parsed from qemu-img style options ({@code -o
 * subformat=streamOptimized,adapter_type=lsilogic}). A closed set, one record per format.
 */
public sealed interface WriteOptions {
  /**
   * The default deflate level: 1, zlib's fastest. On root filesystem data it costs about 40% of
   * level 6's CPU time for output some 7% larger, about the size qemu-img's compressed qcow2 is
   * (qemu-img uses level 6 with a 4 KiB window). {@code compression_level=6} is smaller and slower.
   */
  String DEFAULT_LEVEL = "1";

  /** zstd's own default level, which QEMU uses for zstd clusters. */
  String ZSTD_LEVEL = "3";

  /** The format these options write. */
  DiskFormat format();

  /**
   * Whether the output is one file; a flat VMDK is two (the descriptor and its extent), a split one
   * a descriptor and an extent per 2 GiB.
   */
  default boolean oneFile() {
    return !(this instanceof Vmdk v && v.kind().extentFiles());
  }

  /** A raw image, sparse where the source is zero. */
  record Raw() implements WriteOptions {
    @Override
    public DiskFormat format() {
      return DiskFormat.RAW;
    }
  }

  /**
   * qcow2 version 3. {@code clusterSize} in bytes, a power of two from 512 B to 2 MiB; {@code
   * level} is the compression level (1-9) used when {@code compress} is set, for deflate or, with
   * {@code zstd} (compression_type=zstd, QEMU 5.1 and later), for zstd. {@code backingFile} (null:
   * none) makes an overlay of that image, named as the header will store it (relative to the
   * output's directory), in {@code backingFormat} (null: probed); the overlay holds only the
   * clusters whose content differs from it.
   */
  record Qcow2(
      int clusterSize,
      boolean compress,
      int level,
      boolean zstd,
      String backingFile,
      DiskFormat backingFormat)
      implements WriteOptions {
    public Qcow2 {
      if (backingFile != null
          && (backingFile.isBlank()
              || backingFile.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 1023
              || backingFile.chars().anyMatch(c -> c < 0x20))) {
        throw new IllegalArgumentException(
            "backing_file must be a file name of 1 to 1023 bytes without control characters");
      }
      if (backingFormat != null && backingFile == null) {
        throw new IllegalArgumentException("backing_fmt needs backing_file (-B)");
      }
      if (clusterSize < 512 || clusterSize > (2 << 20) || Integer.bitCount(clusterSize) != 1) {
        throw new IllegalArgumentException(
            "cluster_size must be a power of two between 512 and 2097152, not " + clusterSize);
      }
      checkLevel(level);
    }

    @Override
    public DiskFormat format() {
      return DiskFormat.QCOW2;
    }
  }

  /** The kinds of VMDK Ingot writes, by their descriptor's createType. */
  enum VmdkKind {
    /** Compressed grains with markers, for OVF/OVA and vSphere; read front to back. */
    STREAM_OPTIMIZED("streamOptimized"),
    /** One sparse extent with grain tables, for VMware Workstation and Fusion. */
    MONOLITHIC_SPARSE("monolithicSparse"),
    /**
     * A descriptor file naming one raw extent beside it ({@code NAME-flat.vmdk}), as ESXi keeps.
     */
    MONOLITHIC_FLAT("monolithicFlat"),
    /** A descriptor file and sparse extents of 2 GiB ({@code NAME-s001.vmdk}, …), as hosted. */
    TWO_GB_SPARSE("twoGbMaxExtentSparse"),
    /** A descriptor file and raw extents of 2 GiB ({@code NAME-f001.vmdk}, …). */
    TWO_GB_FLAT("twoGbMaxExtentFlat");

    private final String createType;

    VmdkKind(String createType) {
      this.createType = createType;
    }

    public String createType() {
      return createType;
    }

    /** Whether the data is in extent files beside the descriptor file. */
    public boolean extentFiles() {
      return this == MONOLITHIC_FLAT || this == TWO_GB_SPARSE || this == TWO_GB_FLAT;
    }

    static VmdkKind parse(String s) {
      for (VmdkKind k : values()) {
        if (k.createType.equals(s)) {
          return k;
        }
      }
      throw new IllegalArgumentException(
          "vmdk subformat must be streamOptimized, monolithicSparse, monolithicFlat,"
              + " twoGbMaxExtentSparse or twoGbMaxExtentFlat, not '"
              + s
              + "'");
    }
  }

  /**
   * A VMDK of one {@link VmdkKind}. {@code adapterType} is ide, buslogic, lsilogic or legacyESX;
   * {@code hwVersion} the descriptor's ddb.virtualHWVersion; {@code level} the deflate level of a
   * streamOptimized one.
   */
  record Vmdk(VmdkKind kind, String adapterType, String toolsVersion, int hwVersion, int level)
      implements WriteOptions {
    public Vmdk {
      if (!Set.of("ide", "buslogic", "lsilogic", "legacyESX").contains(adapterType)) {
        throw new IllegalArgumentException(
            "adapter_type must be ide, buslogic, lsilogic or legacyESX, not '" + adapterType + "'");
      }
      if (!toolsVersion.matches("[0-9]+")) {
        throw new IllegalArgumentException("toolsversion must be a number: " + toolsVersion);
      }
      checkLevel(level);
    }

    public boolean streamOptimized() {
      return kind == VmdkKind.STREAM_OPTIMIZED;
    }

    @Override
    public DiskFormat format() {
      return DiskFormat.VMDK;
    }
  }

  /**
   * A VHD: fixed (raw data and a footer, the size rounded up to whole MiB as Azure wants) or
   * dynamic.
   */
  record Vhd(boolean fixed) implements WriteOptions {
    @Override
    public DiskFormat format() {
      return DiskFormat.VHD;
    }
  }

  /** The defaults of each format (qcow2 64 KiB clusters, VMDK streamOptimized, VHD dynamic). */
  static WriteOptions defaults(DiskFormat f) {
    return parse(f, Map.of(), false);
  }

  /**
   * Parses {@code options} (keys as qemu-img spells them) for {@code format}; {@code compress} is
   * qemu-img's {@code -c}. Unknown keys and bad values throw {@link IllegalArgumentException} with
   * the keys the format accepts.
   */
  static WriteOptions parse(DiskFormat format, Map<String, String> options, boolean compress) {
    Map<String, String> o = new HashMap<>(options);
    WriteOptions w =
        switch (format) {
          case RAW -> new Raw();
          case QCOW2 -> {
            String type = take(o, "compression_type", "zlib");
            if (!type.equals("zlib") && !type.equals("zstd")) {
              throw new IllegalArgumentException(
                  "qcow2 compression_type must be zlib or zstd, not '" + type + "'");
            }
            boolean zstd = type.equals("zstd");
            yield new Qcow2(
                clusterSize(take(o, "cluster_size", "65536")),
                compress || flag(take(o, "compress", "off"), "compress"),
                number(
                    take(o, "compression_level", zstd ? ZSTD_LEVEL : DEFAULT_LEVEL),
                    "compression_level"),
                zstd,
                o.remove("backing_file"),
                backingFormat(o.remove("backing_fmt")));
          }
          case VMDK -> {
            yield new Vmdk(
                VmdkKind.parse(take(o, "subformat", "streamOptimized")),
                take(o, "adapter_type", "lsilogic"),
                take(o, "toolsversion", "2147483647"),
                number(take(o, "hwversion", "4"), "hwversion"),
                number(take(o, "compression_level", DEFAULT_LEVEL), "compression_level"));
          }
          case VHD -> {
            String sub = take(o, "subformat", "dynamic");
            if (!sub.equals("fixed") && !sub.equals("dynamic")) {
              throw new IllegalArgumentException(
                  "vhd subformat must be fixed or dynamic, not '" + sub + "'");
            }
            yield new Vhd(sub.equals("fixed"));
          }
        };
    if (!o.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown "
              + format.id()
              + " option(s) "
              + new java.util.TreeSet<>(o.keySet())
              + " (known: "
              + known(format)
              + ")");
    }
    return w;
  }

  /** Parses "a=1,b=2" as qemu-img's -o does; a bare key means "on". */
  static Map<String, String> parseList(String list) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    if (list == null || list.isBlank()) {
      return m;
    }
    for (String kv : list.split(",")) {
      int eq = kv.indexOf('=');
      String k = (eq < 0 ? kv : kv.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
      m.put(k, eq < 0 ? "true" : kv.substring(eq + 1).strip());
    }
    return m;
  }

  /** An option of a format as {@code -o help} lists it: its values and its default. */
  record Spec(String name, String values, String fallback, String help) {}

  /** The options {@code format} accepts, in the order {@code -o help} lists them. */
  static java.util.List<Spec> specs(DiskFormat format) {
    String fewer = "how hard compression tries (6: a little smaller, slower)";
    return switch (format) {
      case RAW -> java.util.List.of();
      case QCOW2 ->
          java.util.List.of(
              new Spec("cluster_size", "<size>", "64K", "cluster size, a power of two, 512 to 2M"),
              new Spec("compress", "on|off", "off", "compress every cluster (as -c)"),
              new Spec("compression_type", "zlib|zstd", "zlib", "zstd needs QEMU 5.1 or later"),
              new Spec("compression_level", "1-9", "1 for zlib, 3 for zstd", fewer),
              new Spec(
                  "backing_file",
                  "<file>",
                  "none",
                  "an overlay of this image, relative to the output's directory (as -B): only"
                      + " clusters that differ from it are stored"),
              new Spec(
                  "backing_fmt", "raw|qcow2|vmdk|vpc", "probed", "the backing file's format (-F)"));
      case VMDK ->
          java.util.List.of(
              new Spec(
                  "subformat",
                  "streamOptimized|monolithicSparse|monolithicFlat|twoGbMaxExtentSparse"
                      + "|twoGbMaxExtentFlat",
                  "streamOptimized",
                  "streamOptimized for OVF and vSphere (always compressed); monolithicFlat"
                      + " writes NAME-flat.vmdk beside the descriptor, the twoGbMaxExtent kinds"
                      + " NAME-s001.vmdk or NAME-f001.vmdk and on, 2 GiB each"),
              new Spec(
                  "adapter_type",
                  "ide|buslogic|lsilogic|legacyESX",
                  "lsilogic",
                  "the descriptor's ddb.adapterType"),
              new Spec(
                  "toolsversion", "<number>", "2147483647", "the descriptor's ddb.toolsVersion"),
              new Spec("hwversion", "<number>", "4", "the descriptor's ddb.virtualHWVersion"),
              new Spec("compression_level", "1-9", "1", fewer));
      case VHD ->
          java.util.List.of(
              new Spec(
                  "subformat", "dynamic|fixed", "dynamic", "fixed: whole MiB, as Azure wants"));
    };
  }

  /** What {@code -o help} prints for {@code format}. */
  static String help(DiskFormat format) {
    java.util.List<Spec> specs = specs(format);
    if (specs.isEmpty()) {
      return format.id() + " takes no options\n";
    }
    StringBuilder b = new StringBuilder("Supported " + format.id() + " options:\n");
    int w =
        specs.stream().mapToInt(x -> x.name().length() + x.values().length() + 1).max().orElse(0);
    for (Spec x : specs) {
      String key = x.name() + "=" + x.values();
      b.append("  ").append(key).append(" ".repeat(w - key.length() + 2));
      b.append("- ").append(x.help()).append(" (default: ").append(x.fallback()).append(")\n");
    }
    return b.toString();
  }

  /**
   * Whether {@code list} asks for the options' help, as qemu-img's {@code -o help} or {@code ?}.
   */
  static boolean asksHelp(String list) {
    return parseList(list).keySet().stream().anyMatch(k -> k.equals("help") || k.equals("?"));
  }

  private static String known(DiskFormat f) {
    java.util.List<Spec> specs = specs(f);
    return specs.isEmpty() ? "none" : String.join(", ", specs.stream().map(Spec::name).toList());
  }

  private static boolean flag(String v, String key) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "on", "true", "yes" -> true;
      case "off", "false", "no" -> false;
      default -> throw new IllegalArgumentException(key + " must be on or off, not '" + v + "'");
    };
  }

  private static int clusterSize(String v) {
    long n;
    try {
      n = Sizes.parse(v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cluster_size must be a size such as 64K, not '" + v + "'");
    }
    // The record checks the range; this keeps a huge value from wrapping into one that passes.
    return (int) Math.min(n, Integer.MAX_VALUE);
  }

  private static int number(String v, String key) {
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, not '" + v + "'");
    }
  }

  private static DiskFormat backingFormat(String name) {
    return name == null ? null : DiskFormat.parse(name);
  }

  private static String take(Map<String, String> o, String key, String fallback) {
    String v = o.remove(key);
    return v == null ? fallback : v;
  }

  private static void checkLevel(int level) {
    if (level < 1 || level > 9) {
      throw new IllegalArgumentException("compression_level must be 1 to 9, not " + level);
    }
  }
}
