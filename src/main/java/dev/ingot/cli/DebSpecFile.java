package dev.ingot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ingot.pkg.deb.rootfs.DebSourceSpec;
import dev.ingot.pkg.deb.rootfs.DebianSource;
import dev.ingot.plugin.Config;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the arguments of a {@code source "debian"} block for {@code lock}, {@code outdated} and
 * {@code rootfs}. Until the template loader is wired in, the block is given as a JSON object with
 * the same argument names ({@code {"suite": "bookworm", "packages": ["libc6"]}}); relative paths
 * are relative to the file. The lockfile defaults to {@code ingot.lock} beside it.
 */
final class DebSpecFile {
  private DebSpecFile() {}

  static DebSourceSpec load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UsageException("no such file: " + file);
    }
    Map<String, Object> values;
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = new ObjectMapper().readValue(file.toFile(), LinkedHashMap.class);
      values = m;
    } catch (IOException e) {
      throw new UsageException(
          file + ": not a JSON object with source \"debian\" arguments: " + e.getMessage());
    }
    Map<String, Object> plain = new LinkedHashMap<>();
    values.forEach((k, v) -> plain.put(k, plain(v)));
    plain.putIfAbsent("lockfile", "ingot.lock");
    Path dir = file.toAbsolutePath().getParent();
    return DebianSource.spec(Config.of(plain), dir);
  }

  /** Numbers as BigDecimal, as Config values are. */
  @SuppressWarnings("unchecked")
  private static Object plain(Object v) {
    if (v instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(plain(x)));
      return out;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) m).forEach((k, x) -> out.put(k, plain(x)));
      return out;
    }
    return v;
  }
}
