package dev.ingot.publish;

import dev.ingot.plugin.AtomicOutput;
import dev.ingot.plugin.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Output paths and updates shared by manifest, checksum and compress: Packer's {@code
 * {{.BuildName}}}-style placeholders, and read-modify-write of a file that several parallel builds
 * may append to (serialised per path, written through {@link AtomicOutput}).
 */
final class OutputFiles {
  private OutputFiles() {}

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*\\.(\\w+)\\s*}}");

  /** Replaces {{.Name}} placeholders from {@code values}; an unknown one is a config error. */
  static String fill(Config c, String arg, String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      if (v == null) {
        throw c.error(
            arg,
            "Unknown placeholder {{." + m.group(1) + "}}",
            "Known placeholders: "
                + String.join(
                    ", ", values.keySet().stream().map(k -> "{{." + k + "}}").sorted().toList())
                + ".");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(v));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** A change of a text file: from its current text (empty when absent) to the new text. */
  interface Update {
    String apply(String current) throws IOException;
  }

  // A manifest of thousands of builds is a few MiB; anything far larger is not one of ours.
  private static final long MAX_CURRENT = 64L << 20;

  /**
   * The text of {@code file} to update, or "" when there is none. Only a regular file is read: a
   * device or FIFO named as the output was read before it was refused (/dev/full ran out of heap, a
   * FIFO blocked the build past Ctrl-C), a directory said only "Is a directory".
   */
  private static String current(Path file) throws IOException {
    Path real = AtomicOutput.writableTarget(file);
    if (!Files.exists(real)) {
      return "";
    }
    if (Files.isDirectory(real)) {
      throw new java.nio.file.FileSystemException(
          file.toString(), null, "is a directory; give a file name for the output");
    }
    if (Files.size(real) > MAX_CURRENT) {
      throw new java.nio.file.FileSystemException(
          file.toString(),
          null,
          "is over 64 MiB, too large for a file Ingot appends to; move it away or set output");
    }
    return Files.readString(real, StandardCharsets.UTF_8);
  }

  /** Applies {@code u} to {@code file} atomically; builds updating the same file take turns. */
  static void update(Path file, Update u) throws IOException {
    Path abs = file.toAbsolutePath().normalize();
    // The interned path string is the lock: one per file, no registry of our own to keep.
    synchronized (abs.toString().intern()) {
      String current = current(abs);
      String next = u.apply(current);
      try (AtomicOutput out = AtomicOutput.file(abs)) {
        Files.writeString(out.path(), next, StandardCharsets.UTF_8);
        out.commit(true);
      }
    }
  }
}
