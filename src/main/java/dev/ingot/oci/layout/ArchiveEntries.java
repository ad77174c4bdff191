package dev.ingot.oci.layout;

import dev.ingot.fs.FileEntry;
import dev.ingot.fs.tar.TarOutput;
import dev.ingot.plugin.AtomicOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The members of an image archive (oci-archive, docker-archive): plain files and directories owned
 * by 0:0 with a fixed mtime, written in name order, so equal images give equal archives. Not
 * thread-safe.
 */
final class ArchiveEntries {
  /** A member: a directory when {@code source} is null, else a file read from {@code source}. */
  private record Member(String name, long size, Source source) {}

  interface Source {
    InputStream open() throws IOException;
  }

  private final List<Member> members = new ArrayList<>();
  private final java.util.Set<String> names = new java.util.HashSet<>();

  void dir(String name) {
    if (names.add(name)) {
      members.add(new Member(name, 0, null));
    }
  }

  void file(String name, long size, Source source) {
    if (names.add(name)) {
      members.add(new Member(name, size, source));
    }
  }

  void bytes(String name, byte[] data) {
    file(name, data.length, () -> new java.io.ByteArrayInputStream(data));
  }

  /** Writes every member sorted by name to {@code file} (atomically). */
  void writeTo(Path file, long mtime) throws IOException {
    try (AtomicOutput atomic = AtomicOutput.file(file)) {
      try (OutputStream out =
              new java.io.BufferedOutputStream(Files.newOutputStream(atomic.path()), 1 << 16);
          TarOutput tar = new TarOutput(out, -1)) {
        List<Member> sorted = new ArrayList<>(members);
        sorted.sort(java.util.Comparator.comparing(Member::name));
        long t = Math.max(0, mtime);
        for (Member m : sorted) {
          if (m.source() == null) {
            tar.write(m.name(), FileEntry.directory(m.name(), 0755, 0, 0, t), null, null);
          } else {
            FileEntry e = FileEntry.file(m.name(), 0644, 0, 0, t, m.size(), null);
            try (InputStream in = m.source().open()) {
              tar.write(m.name(), e, null, in);
            }
          }
        }
      }
      atomic.commit(true);
    }
  }
}
