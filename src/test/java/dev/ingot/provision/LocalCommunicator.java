package dev.ingot.provision;

import dev.ingot.plugin.Communicator;
import dev.ingot.plugin.LocalProcessRunner;
import dev.ingot.plugin.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A communicator whose "target" is this machine: remote paths are host paths (tests point them into
 * a temporary directory), commands run with /bin/sh -c in {@code workDir}. Records every command.
 */
public final class LocalCommunicator implements Communicator {
  private final Path workDir;
  private final List<String> commands = new java.util.concurrent.CopyOnWriteArrayList<>();

  public LocalCommunicator(Path workDir) {
    this.workDir = workDir;
  }

  public List<String> commands() {
    return List.copyOf(commands);
  }

  @Override
  public int exec(String command, Map<String, String> env, Consumer<String> output)
      throws Exception {
    commands.add(command);
    ProcessRunner.Result r =
        new LocalProcessRunner()
            .run(
                List.of("/bin/sh", "-c", command),
                workDir,
                env,
                output,
                null,
                new dev.ingot.plugin.Cancellation());
    return r.exitCode();
  }

  @Override
  public void upload(Path local, String remote) throws IOException {
    copy(local, Path.of(remote));
  }

  @Override
  public void download(String remote, Path local) throws IOException {
    copy(Path.of(remote), local);
  }

  private static void copy(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      Files.createDirectories(to.getParent());
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.createDirectories(t.getParent());
          Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
