package dev.ingot.pkg.deb.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * A reader of the common ar format as dpkg writes it: 60-byte headers, sizes in decimal, members
 * padded to even length. Member sizes are checked against the file size so a bad header cannot make
 * us read past the end. Not thread-safe.
 */
final class Ar {
  record Member(String name, long size, InputStream stream) {}

  private final InputStream in;
  private final String file;
  private final long fileSize;
  private long pos = 8;
  private Member current;

  Ar(InputStream in, String file, long fileSize) {
    this.in = in;
    this.file = file;
    this.fileSize = fileSize;
  }

  Member next() throws IOException {
    if (current != null) {
      current.stream().skip(Long.MAX_VALUE);
      while (current.stream().read() >= 0) {
        // drain what skip left
      }
      if ((current.size() & 1) == 1 && in.read() >= 0) {
        pos++;
      }
    }
    byte[] h = in.readNBytes(60);
    if (h.length == 0) {
      return null;
    }
    if (h.length < 60 || h[58] != '`' || h[59] != '\n') {
      throw new DebFormatException(file + ": corrupt ar member header at byte " + pos);
    }
    pos += 60;
    String name = new String(h, 0, 16, StandardCharsets.US_ASCII).strip();
    if (name.endsWith("/")) {
      name = name.substring(0, name.length() - 1); // GNU ar style
    }
    long size;
    try {
      size = Long.parseLong(new String(h, 48, 10, StandardCharsets.US_ASCII).strip());
    } catch (NumberFormatException e) {
      throw new DebFormatException(file + ": bad ar member size for '" + name + "'");
    }
    if (size < 0 || pos + size > fileSize) {
      throw new DebFormatException(
          file + ": ar member '" + name + "' claims " + size + " bytes, more than the file holds");
    }
    pos += size;
    // The member's bytes only; closing it leaves the archive open for the next member.
    current =
        new Member(
            name,
            size,
            BoundedInputStream.builder()
                .setInputStream(in)
                .setMaxCount(size)
                .setPropagateClose(false)
                .get());
    return current;
  }
}
