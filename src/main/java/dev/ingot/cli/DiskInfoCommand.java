package dev.ingot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ingot.diag.Printable;
import dev.ingot.disk.format.DiskFormat;
import dev.ingot.disk.format.DiskImages;
import dev.ingot.disk.format.DiskInfo;
import dev.ingot.disk.format.DiskReader;
import dev.ingot.disk.format.LinkedFiles;
import dev.ingot.disk.format.Sizes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

  @Option(
      names = "--backing-chain",
      description =
          "Also show the images under this one (qcow2 backing files, VMDK parents), top first.")
  boolean chain;

  @Option(
      names = "--allow-outside-files",
      description =
          "Open backing files and VMDK extents that lie outside the image's directory (refused"
              + " by default, as convert refuses them).")
  boolean allowOutside;

  @Parameters(index = "0", paramLabel = "FILE", description = "The image (any format Ingot reads).")
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
    String unreadable = dev.ingot.plugin.SpecialFiles.unreadableImage(p);
    if (unreadable != null) {
      throw new UsageException("image " + file + ": " + unreadable);
    }
    DiskFormat f;
    try {
      f = format == null ? null : DiskFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    // Each image of the chain with the name it goes by: FILE as given, then as the overlay names
    // its base, resolved against the overlay's directory.
    List<Map.Entry<String, DiskInfo>> images = new ArrayList<>();
    LinkedFiles links = allowOutside ? LinkedFiles.ANYWHERE : LinkedFiles.WITHIN_DIRECTORY;
    try {
      String name = file.toString();
      Path at = p;
      DiskFormat fmt = f;
      while (true) {
        DiskInfo info;
        try (DiskReader r = DiskImages.open(at, fmt, links)) {
          info = r.info();
        }
        images.add(Map.entry(name, info));
        Object base = info.details().get("backing-filename");
        if (!chain || base == null) {
          break;
        }
        at = at.toAbsolutePath().resolveSibling(base.toString());
        name = Path.of(name).resolveSibling(base.toString()).toString(); // as qemu-img names it
        fmt = null; // probed, as the readers probe a base
      }
    } catch (LinkedFiles.OutsideFileException e) {
      return ConvertCommand.outsideFile(env, e);
    } catch (IOException e) {
      env.err().println("Error: " + dev.ingot.plugin.IoMessages.describe(e));
      env.err().flush();
      return 2;
    }
    if (asJson) {
      List<Map<String, Object>> all =
          images.stream().map(e -> json(e.getKey(), e.getValue())).toList();
      env.out()
          .println(
              Printable.inJson(
                  new ObjectMapper()
                      .enable(SerializationFeature.INDENT_OUTPUT)
                      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                      .writeValueAsString(chain ? all : all.getFirst())));
    } else {
      for (int i = 0; i < images.size(); i++) {
        if (i > 0) {
          env.out().println();
        }
        text(images.get(i).getKey(), images.get(i).getValue());
      }
    }
    env.out().flush();
    return 0;
  }

  /** One image as qemu-img info --output=json shows it. */
  private static Map<String, Object> json(String name, DiskInfo info) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("filename", name);
    m.put("format", info.format().qemuName());
    m.put("virtual-size", info.virtualSize());
    m.put("actual-size", info.fileSize());
    if (info.clusterSize() > 0) {
      m.put("cluster-size", info.clusterSize());
    }
    if (info.details().get("backing-filename") != null) {
      m.put("backing-filename", info.details().get("backing-filename"));
    }
    if (!info.details().isEmpty()) {
      m.put("format-specific", Map.of("type", info.format().qemuName(), "data", info.details()));
    }
    return m;
  }

  private void text(String name, DiskInfo info) {
    env.out().println("image: " + Printable.of(name));
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
      env.out().println("subformat: " + Printable.of(info.subformat()));
    }
    if (!info.details().isEmpty()) {
      env.out().println("Format specific information:");
      info.details()
          .forEach((k, v) -> env.out().println("    " + Printable.of(k) + ": " + Printable.of(v)));
    }
  }
}
