package dev.ingot.disk.ovf;

import dev.ingot.fs.Digest;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.tar.TarOutput;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an OVF package: the descriptor, the manifest ({@code SHA256(file)= hex} for each file) and
 * the disks, either as an OVA (a tar with the .ovf first, then the .mf, then the disks in
 * descriptor order, as the OVF specification requires; PAX headers for members of 8 GiB and more)
 * or as the three kinds of file in a directory. Stateless; thread-safe.
 */
public final class OvaWriter {
  private OvaWriter() {}

  /** The manifest text for the named files with their SHA-256 digests, in the given order. */
  public static String manifest(Map<String, Digest> files) {
    StringBuilder s = new StringBuilder();
    files.forEach(
        (n, d) -> s.append("SHA256(").append(n).append(")= ").append(d.hex()).append('\n'));
    return s.toString();
  }

  /** Descriptor and manifest for {@code disks} (name → file), as name → content. */
  public static Map<String, byte[]> metadata(OvfSpec spec, Map<String, Path> disks)
      throws IOException {
    List<OvfSpec.DiskRef> refs = new ArrayList<>();
    Map<String, Digest> sums = new LinkedHashMap<>();
    for (Map.Entry<String, Path> d : disks.entrySet()) {
      long capacity;
      try (var r = dev.ingot.disk.format.DiskImages.open(d.getValue(), null)) {
        capacity = r.virtualSize();
      }
      refs.add(new OvfSpec.DiskRef(d.getKey(), Files.size(d.getValue()), capacity));
    }
    String ovfName = spec.vmName() + ".ovf";
    byte[] ovf = OvfDescriptor.render(spec, refs).getBytes(StandardCharsets.UTF_8);
    sums.put(ovfName, Digest.sha256(ovf));
    for (Map.Entry<String, Path> d : disks.entrySet()) {
      try (InputStream in = Files.newInputStream(d.getValue())) {
        sums.put(d.getKey(), Digest.sha256(in));
      }
    }
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put(ovfName, ovf);
    out.put(spec.vmName() + ".mf", manifest(sums).getBytes(StandardCharsets.UTF_8));
    return out;
  }

  /** Writes the OVA tar to {@code out}; mtimes are {@code epoch}. */
  public static void writeOva(OvfSpec spec, Map<String, Path> disks, OutputStream out, long epoch)
      throws IOException {
    Map<String, byte[]> meta = metadata(spec, disks);
    TarOutput tar = new TarOutput(new BufferedOutputStream(out, 1 << 20), epoch);
    for (Map.Entry<String, byte[]> m : meta.entrySet()) {
      byte[] b = m.getValue();
      tar.write(
          m.getKey(),
          FileEntry.file(m.getKey(), 0644, 0, 0, epoch, b.length, null),
          null,
          new ByteArrayInputStream(b));
    }
    for (Map.Entry<String, Path> d : disks.entrySet()) {
      long size = Files.size(d.getValue());
      try (InputStream in = Files.newInputStream(d.getValue())) {
        tar.write(d.getKey(), FileEntry.file(d.getKey(), 0644, 0, 0, epoch, size, null), null, in);
      }
    }
    tar.close();
  }
}
