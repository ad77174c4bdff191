package dev.ingot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ingot.disk.format.DiskFormat;
import dev.ingot.disk.format.DiskImages;
import dev.ingot.disk.format.DiskInfo;
import dev.ingot.disk.format.DiskReader;
import dev.ingot.disk.format.Sizes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ingot disk-info}: format, virtual size and format details of an image, as qemu-img info.
 */
@Command(
    name = "disk-info",
    description = "Show the format, virtual size and details of a disk image (like qemu-img info).")
public final class DiskInfoCommand implements Callable<Integer> {
  private final CliEnv env;

  @Option(names = "-f", paramLabel = "FMT", description = "Image format (probed when omitted).")
  String format;

  @Option(names = "--json", description = "Print JSON with qemu-img's key names.")
  boolean json;

  @Option(
      names = "--output",
      paramLabel = "human|json",
      description = "As qemu-img info --output: json is the same as --json.")
  String output;

  @Parameters(index = "0", paramLabel = "FILE")
  Path file;

  public DiskInfoCommand(CliEnv env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    if (output != null && !output.equals("human") && !output.equals("json")) {
      throw new UsageException("--output must be human or json, not '" + output + "'");
    }
    boolean asJson = json || "json".equals(output);
    Path p = env.cwd().resolve(file);
    if (!Files.isRegularFile(p)) {
      throw new UsageException("image not found: " + file);
    }
    DiskFormat f;
    try {
      f = format == null ? null : DiskFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    DiskInfo info;
    try (DiskReader r = DiskImages.open(p, f)) {
      info = r.info();
    } catch (IOException e) {
      env.err().println("Error: " + e.getMessage());
      env.err().flush();
      return 2;
    }
    if (asJson) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("filename", file.toString());
      m.put("format", info.format().qemuName());
      m.put("virtual-size", info.virtualSize());
      m.put("actual-size", info.fileSize());
      if (info.clusterSize() > 0) {
        m.put("cluster-size", info.clusterSize());
      }
      if (!info.details().isEmpty()) {
        m.put("format-specific", Map.of("type", info.format().qemuName(), "data", info.details()));
      }
      env.out()
          .println(
              new ObjectMapper()
                  .enable(SerializationFeature.INDENT_OUTPUT)
                  .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                  .writeValueAsString(m));
    } else {
      env.out().println("image: " + file);
      env.out().println("file format: " + info.format().qemuName());
      env.out()
          .println(
              "virtual size: "
                  + Sizes.human(info.virtualSize())
                  + " ("
                  + info.virtualSize()
                  + " bytes)");
      env.out().println("file size: " + Sizes.human(info.fileSize()));
      if (info.clusterSize() > 0) {
        env.out().println("cluster_size: " + info.clusterSize());
      }
      if (!info.subformat().isEmpty()) {
        env.out().println("subformat: " + info.subformat());
      }
      if (!info.details().isEmpty()) {
        env.out().println("Format specific information:");
        info.details().forEach((k, v) -> env.out().println("    " + k + ": " + v));
      }
    }
    env.out().flush();
    return 0;
  }
}
