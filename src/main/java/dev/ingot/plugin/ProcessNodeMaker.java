package dev.ingot.plugin;

import dev.ingot.fs.FileType;
import dev.ingot.fs.TreeExporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Makes device nodes and fifos for {@link TreeExporter} with {@code mknod}/{@code mkfifo}, and sets
 * their times with {@code touch -h} (utimensat on the path, never opening the node), through a
 * {@link ProcessRunner}. Creating device nodes needs root. Thread-safe when the runner is.
 */
public record ProcessNodeMaker(ProcessRunner runner) implements TreeExporter.NodeMaker {
  public ProcessNodeMaker {
    Objects.requireNonNull(runner, "runner");
  }

  /** The command line that makes the node ({@code mode} in octal, as mknod -m takes it). */
  public static List<String> command(Path p, FileType type, int mode, int major, int minor) {
    String m = Integer.toOctalString(mode & 07777);
    return switch (type) {
      case FIFO -> List.of("mkfifo", "-m", m, p.toString());
      case CHAR_DEVICE, BLOCK_DEVICE ->
          List.of(
              "mknod",
              "-m",
              m,
              p.toString(),
              type == FileType.CHAR_DEVICE ? "c" : "b",
              Integer.toString(major),
              Integer.toString(minor));
      default -> throw new IllegalArgumentException("not a special file type: " + type);
    };
  }

  @Override
  public void mknod(Path path, FileType type, int mode, int major, int minor) throws IOException {
    run(command(path, type, mode, major, minor), path);
  }

  @Override
  public void setTimes(Path path, long epochSeconds) throws IOException {
    run(List.of("touch", "-h", "-d", "@" + epochSeconds, path.toString()), path);
  }

  private void run(List<String> cmd, Path path) throws IOException {
    ProcessRunner.Result r;
    try {
      r = runner.run(cmd);
    } catch (IOException e) {
      throw new IOException("cannot run " + cmd.get(0) + " for " + path + ": " + e.getMessage(), e);
    }
    if (!r.ok()) {
      throw new IOException(
          "cannot create " + path + " (" + cmd.get(0) + "): " + String.join(" ", r.output()));
    }
  }
}
