package dev.ingot.fs.tar;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds tar bytes header by header with no checks at all, for malicious-archive tests. */
final class RawTar {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  RawTar entry(String name, char type, String link, byte[] data) {
    return entry(name, type, link, data, data.length);
  }

  /** A member whose header declares {@code size} while {@code data} follows (may differ). */
  RawTar entry(String name, char type, String link, byte[] data, long size) {
    byte[] h = new byte[512];
    TarFields.putBytes(h, TarFields.NAME, name.getBytes(StandardCharsets.UTF_8));
    TarFields.putOctal(h, TarFields.MODE, 8, 0644);
    TarFields.putOctal(h, TarFields.UID, 8, 0);
    TarFields.putOctal(h, TarFields.GID, 8, 0);
    TarFields.putOctal(h, TarFields.SIZE, 12, size);
    TarFields.putOctal(h, TarFields.MTIME, 12, 1000);
    h[TarFields.TYPE] = (byte) type;
    if (link != null) {
      TarFields.putBytes(h, TarFields.LINKNAME, link.getBytes(StandardCharsets.UTF_8));
    }
    TarFields.putBytes(h, TarFields.MAGIC, "ustar\00000".getBytes(StandardCharsets.US_ASCII));
    TarFields.putChecksum(h);
    out.writeBytes(h);
    out.writeBytes(data);
    int pad = (512 - data.length % 512) % 512;
    out.writeBytes(new byte[pad]);
    return this;
  }

  RawTar file(String name, String content) {
    return entry(name, '0', null, content.getBytes(StandardCharsets.UTF_8));
  }

  RawTar dir(String name) {
    return entry(name, '5', null, new byte[0]);
  }

  RawTar pax(Map<String, String> records) {
    Map<String, byte[]> m = new java.util.TreeMap<>();
    records.forEach((k, v) -> m.put(k, v.getBytes(StandardCharsets.UTF_8)));
    return entry("././@PaxHeader", 'x', null, PaxRecords.encode(m));
  }

  byte[] bytes() {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    copy.writeBytes(out.toByteArray());
    copy.writeBytes(new byte[1024]);
    return copy.toByteArray();
  }

  byte[] withoutEnd() {
    return out.toByteArray();
  }
}
