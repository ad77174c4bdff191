package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the repository's real {@code ./ingot} launcher as a child process, for end-to-end tests. The
 * launcher runs the compiled classes of this test run (INGOT_CLASSPATH): tests run before Maven
 * packages the jar, and the launcher would otherwise build one. Everything else is the user's path:
 * JDK lookup, the exec into the JVM (signals reach Java), $TMPDIR as the JVM's temporary directory.
 */
final class Launcher {
  /** One finished run. */
  record Run(int exitCode, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private static final Path SCRIPT = Path.of("ingot").toAbsolutePath();

  private final Path cwd;
  private final Path tmp;
  private final Map<String, String> env = new HashMap<>();

  /** A launcher run in {@code cwd}, with {@code tmp} as $TMPDIR and a cache under {@code tmp}. */
  Launcher(Path cwd, Path tmp) {
    this.cwd = cwd;
    this.tmp = tmp;
    assertThat(SCRIPT).as("the ./ingot launcher at the repository root").isExecutable();
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("HOME", System.getProperty("user.home"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("INGOT_CLASSPATH", mainClasspath());
    env.put("TMPDIR", tmp.toString());
    env.put("XDG_CACHE_HOME", cwd.resolveSibling(cwd.getFileName() + "-cache").toString());
  }

  /** A launcher run in {@code root}/work with {@code root}/tmp as $TMPDIR, both made here. */
  static Launcher under(Path root) throws IOException {
    return new Launcher(
        Files.createDirectories(root.resolve("work")),
        Files.createDirectories(root.resolve("tmp")));
  }

  /** A template of one null build whose body (provisioners, post-processors) is {@code steps}. */
  static String nullBuild(String steps) {
    return """
        source "null" "a" { communicator = "none" }
        build {
          sources = ["source.null.a"]
        %s}
        """
        .formatted(steps.indent(2));
  }

  Path cwd() {
    return cwd;
  }

  Path tmp() {
    return tmp;
  }

  /** Starts {@code ./ingot args…}; stdout and stderr go to files beside the working directory. */
  Started start(Map<String, String> extraEnv, String... args) throws IOException {
    return start(extraEnv, List.of(), args);
  }

  /**
   * As {@link #start(Map, String...)}, with the launcher run under {@code wrapper} (e.g. strace).
   */
  Started start(Map<String, String> extraEnv, List<String> wrapper, String... args)
      throws IOException {
    // Every signal at its default action, as a shell's job has it: run from a background job the
    // tests would inherit SIGINT ignored, and a JVM does not catch an ignored signal.
    List<String> cmd = new ArrayList<>(List.of("env", "--default-signal"));
    cmd.addAll(wrapper);
    cmd.add(SCRIPT.toString());
    cmd.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.environment().putAll(extraEnv);
    Path logs = Files.createDirectories(cwd.resolveSibling(cwd.getFileName() + "-logs"));
    Path out = Files.createTempFile(logs, "out", ".txt");
    Path err = Files.createTempFile(logs, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    return new Started(pb.start(), out, err);
  }

  /**
   * As {@link #start(Map, String...)}, with the launcher leading a session and process group of its
   * own (setsid(1), which execs it in place), as a job a terminal's shell starts: Ctrl-C there
   * signals the whole group, the launcher and every process it started. See {@link
   * Started#signalGroup}.
   */
  Started startAsJob(Map<String, String> extraEnv, String... args) throws IOException {
    return start(extraEnv, List.of("setsid", "--wait"), args);
  }

  Run run(Map<String, String> extraEnv, String... args) throws Exception {
    return start(extraEnv, args).await();
  }

  /** A running launcher. */
  record Started(Process process, Path out, Path err) {
    /** Sends {@code signal} (INT, TERM, …) to the launcher's process, as kill(1) would. */
    void signal(String signal) throws Exception {
      Process kill =
          new ProcessBuilder("/bin/sh", "-c", "kill -" + signal + " " + process.pid()).start();
      assertThat(kill.waitFor()).as("kill -" + signal).isZero();
    }

    /**
     * Sends {@code signal} to the launcher's process group, as a terminal sends Ctrl-C to its
     * foreground job: only for a launcher started with {@link #startAsJob}, which leads its group.
     */
    void signalGroup(String signal) throws Exception {
      assertThat(Sessions.sessionOf(process.pid()))
          .as("the launcher leads its own session and group")
          .isEqualTo(process.pid());
      Process kill =
          new ProcessBuilder("/bin/sh", "-c", "kill -s " + signal + " -- -" + process.pid())
              .start();
      assertThat(kill.waitFor()).as("kill -s " + signal + " -- -" + process.pid()).isZero();
    }

    /** Waits for the end (at most two minutes: a hang fails the test instead of blocking it). */
    Run await() throws Exception {
      boolean done = process.waitFor(2, TimeUnit.MINUTES);
      if (!done) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
      Run r =
          new Run(
              done ? process.exitValue() : -1,
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      assertThat(done).as("ingot ended within two minutes; output so far:\n" + r.all()).isTrue();
      return r;
    }
  }

  /** This test run's classpath without test classes (their service files would be picked up). */
  private static String mainClasspath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !e.endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
