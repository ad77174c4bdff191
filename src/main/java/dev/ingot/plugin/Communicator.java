package dev.ingot.plugin;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs commands in and moves files to/from a build target (a chroot, a VM over SSH). Output lines
 * are passed to {@code output} as they arrive. Implementations honour the step's cancellation.
 */
public interface Communicator {
  /** Runs {@code command} with /bin/sh -c in the target and returns its exit code. */
  int exec(String command, Map<String, String> env, Consumer<String> output) throws Exception;

  /** Copies a local file or directory (recursively) to {@code remote} in the target. */
  void upload(Path local, String remote) throws Exception;

  /** Copies a file or directory from the target to {@code local}. */
  void download(String remote, Path local) throws Exception;
}
