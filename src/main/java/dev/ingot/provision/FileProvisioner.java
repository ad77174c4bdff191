package dev.ingot.provision;

import dev.ingot.plugin.Arg;
import dev.ingot.plugin.ArgType;
import dev.ingot.plugin.Checks;
import dev.ingot.plugin.Communicator;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.ProvisionerPlugin;
import dev.ingot.plugin.Schema;
import dev.ingot.plugin.StepContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Provisioner {@code file}: copies files between this machine and the target over the source's
 * communicator, with Packer's rules: a directory source without a trailing slash is copied as
 * itself into the destination, with one its contents are; a destination ending in "/" receives the
 * file under its own name; {@code content} uploads a string; {@code direction = "download"} copies
 * from the target. {@code generated} sources may not exist before the build (checked when run).
 */
public final class FileProvisioner implements ProvisionerPlugin {
  private static final Schema SCHEMA =
      Schema.of(
          Arg.optional("source", ArgType.STRING, null, "File or directory to copy."),
          Arg.optional("sources", ArgType.STRING_LIST, null, "Files or directories to copy."),
          Arg.optional("content", ArgType.STRING, null, "Text to upload to destination."),
          Arg.required("destination", ArgType.STRING, "Where to copy to."),
          Arg.optional("direction", ArgType.STRING, "upload", "upload or download."),
          Arg.optional("generated", ArgType.BOOL, false, "The source is made during the build."));

  @Override
  public String type() {
    return "file";
  }

  @Override
  public Schema schema() {
    return SCHEMA;
  }

  @Override
  public String description() {
    return "Uploads files to, or downloads them from, the build target.";
  }

  @Override
  public void provision(Config c, Optional<Communicator> communicator, StepContext ctx)
      throws Exception {
    Communicator comm =
        communicator.orElseThrow(
            () ->
                c.error(
                    "destination",
                    "No communicator",
                    "The file provisioner copies into the build target; this source has none."));
    Checks.orThrow(check(c));
    String direction = c.string("direction", "upload");
    String dest = c.string("destination", "");
    List<String> sources = c.has("source") ? List.of(c.string("source", "")) : c.strings("sources");
    switch (direction) {
      case "upload" -> {
        if (c.has("content")) {
          upload(comm, content(c.string("content", "")), dest, ctx, "content");
          return;
        }
        boolean many = sources.size() > 1;
        for (String s : sources) {
          Path local = ctx.templatePath(s);
          if (!Files.exists(local)) {
            throw c.error(
                c.has("source") ? "source" : "sources",
                "Source not found: " + s,
                "The path is relative to the template's directory (" + ctx.templateDir() + ").");
          }
          String target = uploadTarget(s, Files.isDirectory(local), many ? slash(dest) : dest);
          ctx.log().info("Uploading " + s + " => " + target);
          comm.upload(local, target);
        }
      }
      case "download" -> {
        if (c.has("content")) {
          throw c.error(
              "content",
              "content cannot be downloaded",
              "Use content only with direction = \"upload\".");
        }
        for (String s : sources) {
          Path target =
              ctx.templatePath(downloadTarget(s, sources.size() > 1 ? slash(dest) : dest));
          ctx.log().info("Downloading " + s + " => " + target);
          Files.createDirectories(target.getParent());
          comm.download(s, target);
        }
      }
      default ->
          throw c.error(
              "direction",
              "Unknown direction \"" + direction + "\"",
              "Use \"upload\" or \"download\".");
    }
  }

  /** Packer's validate checks: one of source, sources, content; a known direction. */
  @Override
  public dev.ingot.diag.Diagnostics check(Config c) {
    List<dev.ingot.diag.Diagnostic> out = new java.util.ArrayList<>();
    int given = (c.has("source") ? 1 : 0) + (c.has("sources") ? 1 : 0) + (c.has("content") ? 1 : 0);
    if (given != 1) {
      out.add(
          Checks.error(
              c,
              "source",
              given == 0 ? "Nothing to copy" : "Only one of source, sources or content can be set",
              "Set exactly one of source, sources or content."));
    }
    String direction = c.string("direction", "upload");
    if (!direction.equals("upload") && !direction.equals("download")) {
      out.add(
          Checks.error(
              c,
              "direction",
              "Unknown direction \"" + direction + "\"",
              "Use \"upload\" or \"download\"."));
    } else if (direction.equals("download") && c.has("content")) {
      out.add(
          Checks.error(
              c,
              "content",
              "content cannot be downloaded",
              "Use content only with direction = \"upload\"."));
    }
    return Checks.of(out);
  }

  private static Path content(String text) throws java.io.IOException {
    Path f = Files.createTempFile("ingot-file", ".txt");
    Files.writeString(f, text);
    return f;
  }

  private static void upload(
      Communicator comm, Path temp, String dest, StepContext ctx, String label) throws Exception {
    try {
      ctx.log().info("Uploading " + label + " => " + dest);
      comm.upload(temp, dest);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static String slash(String d) {
    return d.endsWith("/") ? d : d + "/";
  }

  /**
   * Packer's rules: "dir/" copies the contents into dest; "dir" copies the directory as dest/dir; a
   * file goes to dest, or dest/name when dest ends with "/".
   */
  static String uploadTarget(String source, boolean isDir, String dest) {
    String name = Path.of(source.replaceAll("/+$", "")).getFileName().toString();
    if (isDir) {
      return source.endsWith("/") ? dest : slash(dest) + name;
    }
    return dest.endsWith("/") ? dest + name : dest;
  }

  /** A download to a destination ending in "/" keeps the remote name. */
  static String downloadTarget(String remote, String dest) {
    if (!dest.endsWith("/")) {
      return dest;
    }
    String trimmed = remote.replaceAll("/+$", "");
    return dest + trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }
}
