package dev.ingot.disk.format;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text descriptor of a VMDK, embedded in a sparse one or a file of its own beside its extents:
 * content ids, create type, the extents (SPARSE, or FLAT from offset 0) and the disk database
 * (ddb.*). Pure; immutable.
 */
record VmdkDescriptor(
    long cid,
    String createType,
    List<Extent> extents,
    String adapterType,
    String toolsVersion,
    int hwVersion,
    String longContentId) {

  /** One extent line: {@code sectors} of the disk in {@code file}, raw (flat) or sparse. */
  record Extent(long sectors, String file, boolean flat) {}

  VmdkDescriptor {
    extents = List.copyOf(extents);
  }

  /** All the disk's sectors. */
  long sectors() {
    return extents.stream().mapToLong(Extent::sectors).sum();
  }

  /** Sectors reserved for the descriptor (as qemu-img and VMware do for monolithic disks). */
  static final int SECTORS = 20;

  /** The descriptor of a sparse VMDK, whose extent is the file itself. */
  static VmdkDescriptor of(ContentId id, long sectors, WriteJob job, WriteOptions.Vmdk opts) {
    return of(id, sectors, job.fileName(), false, opts);
  }

  static VmdkDescriptor of(
      ContentId id, long sectors, String extentFile, boolean flat, WriteOptions.Vmdk opts) {
    return of(id, List.of(new Extent(sectors, extentFile, flat)), opts);
  }

  static VmdkDescriptor of(ContentId id, List<Extent> extents, WriteOptions.Vmdk opts) {
    return new VmdkDescriptor(
        id.cid(),
        opts.kind().createType(),
        extents,
        opts.adapterType(),
        opts.toolsVersion(),
        opts.hwVersion(),
        id.hex32());
  }

  String text() {
    boolean ide = adapterType.equals("ide");
    long heads = ide ? 16 : 255;
    long cylinders = Math.min(sectors() / (heads * 63), 65535);
    StringBuilder s = new StringBuilder();
    s.append("# Disk DescriptorFile\n");
    s.append("version=1\n");
    s.append("encoding=\"UTF-8\"\n");
    s.append(String.format(Locale.ROOT, "CID=%08x\n", cid & 0xffffffffL));
    s.append("parentCID=ffffffff\n");
    s.append("createType=\"").append(createType).append("\"\n\n");
    s.append("# Extent description\n");
    for (Extent e : extents) {
      s.append("RW ").append(e.sectors()).append(e.flat() ? " FLAT \"" : " SPARSE \"");
      s.append(e.file()).append(e.flat() ? "\" 0\n" : "\"\n");
    }
    s.append('\n');
    s.append("# The Disk Data Base\n#DDB\n\n");
    Map<String, String> ddb = new LinkedHashMap<>();
    ddb.put("ddb.adapterType", adapterType);
    ddb.put("ddb.geometry.cylinders", Long.toString(cylinders));
    ddb.put("ddb.geometry.heads", Long.toString(heads));
    ddb.put("ddb.geometry.sectors", "63");
    ddb.put("ddb.longContentID", longContentId);
    ddb.put("ddb.toolsInstallType", "4");
    ddb.put("ddb.toolsVersion", toolsVersion);
    ddb.put("ddb.virtualHWVersion", Integer.toString(hwVersion));
    ddb.forEach((k, v) -> s.append(k).append(" = \"").append(v).append("\"\n"));
    return s.toString();
  }

  /** The descriptor padded with zeros to {@link #SECTORS} sectors. */
  byte[] encode() {
    byte[] t = text().getBytes(StandardCharsets.UTF_8);
    if (t.length >= SECTORS * 512) {
      throw new IllegalStateException("VMDK descriptor too long");
    }
    byte[] out = new byte[SECTORS * 512];
    System.arraycopy(t, 0, out, 0, t.length);
    return out;
  }

  /** Reads {@code key=value} lines (quotes removed) of a descriptor text. */
  static Map<String, String> parse(String text) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      String l = line.strip();
      int eq = l.indexOf('=');
      if (l.isEmpty() || l.startsWith("#") || eq < 0) {
        continue;
      }
      String v = l.substring(eq + 1).strip();
      if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
        v = v.substring(1, v.length() - 1);
      }
      m.put(l.substring(0, eq).strip(), v);
    }
    return m;
  }
}
