package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's start-up caches, on a copy of {@code ./ingot} beside a jar of this run's classes
 * (the real jar is packaged after the tests): on JDK 25+ the first run of a command records, the
 * second makes the AOT cache, later runs use it — and none of that shows in the command's output or
 * exit code, a rebuilt jar drops the caches, and a damaged cache is ignored. On older JDKs the
 * dynamic CDS archive is made instead.
 */
class LauncherCacheTest {
  @TempDir Path root;
  private static final String VERSION_LINE =
      "Ingot " + Ingot.VERSION + " (Packer template compatibility " + Ingot.PACKER_COMPAT + ")\n";

  @BeforeEach
  void copyLauncherAndJar() throws IOException {
    Path script = root.resolve("ingot");
    Files.copy(Path.of("ingot"), script);
    assertThat(script.toFile().setExecutable(true)).isTrue();
    writeJar(root.resolve("target").resolve("ingot.jar"));
  }

  private record Run(int code, String out, String err) {}

  private Run run(String... args) throws Exception {
    return runAs(List.of(), args);
  }

  /** Runs the launcher behind {@code prefix} (e.g. setpriv to become another user). */
  private Run runAs(List<String> prefix, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.add(root.resolve("ingot").toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
    pb.environment().remove("INGOT_CLASSPATH");
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("TMPDIR", Files.createDirectories(root.resolve("tmp")).toString());
    pb.environment().put("XDG_CACHE_HOME", root.resolve("cache").toString());
    Path out = Files.createTempFile(root, "out", ".txt");
    Path err = Files.createTempFile(root, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("launcher finished").isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static boolean aotJdk() {
    return Runtime.version().feature() >= 25;
  }

  private Path cacheDir() {
    return root.resolve("target")
        .resolve("aot")
        .resolve(Path.of(System.getProperty("java.home")).getFileName().toString());
  }

  /** The recordings of {@code cmd}'s first runs not yet made into its cache. */
  private List<Path> recordings(String cmd) throws IOException {
    if (!Files.isDirectory(cacheDir())) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(cacheDir())) {
      return s.filter(p -> p.getFileName().toString().matches(cmd + "\\.[0-9]+\\.aotconf"))
          .toList();
    }
  }

  @Test
  void aUserWhoCannotWriteTargetRunsWithoutCaches() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root to run as another user");
    // Ingot installed by root, run by nobody: the JVM used to refuse to start ("Unable to use
    // shared archive") when told about an archive it could neither read nor create.
    for (Path p = root; p != null && p.startsWith(root.getParent()); p = p.getParent()) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Files.setPosixFilePermissions(
        Files.createDirectories(root.resolve("tmp")), PosixFilePermissions.fromString("rwxrwxrwx"));
    List<String> nobody =
        List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--");
    for (int i = 1; i <= 2; i++) {
      Run r = runAs(nobody, "version");
      assertThat(r.code()).as("run " + i + ": " + r.err()).isZero();
      assertThat(r.out()).isEqualTo(VERSION_LINE);
      assertThat(r.err()).isEmpty();
    }
    assertThat(root.resolve("target/aot")).doesNotExist();
    assertThat(root.resolve("target/ingot.jsa")).doesNotExist();
  }

  @Test
  void cachesAreMadeQuietlyAndUsed() throws Exception {
    for (int i = 1; i <= 3; i++) {
      Run r = run("version");
      assertThat(r.code()).as("run " + i + ": " + r.err()).isZero();
      assertThat(r.out()).as("run " + i).isEqualTo(VERSION_LINE);
      assertThat(r.err()).as("run " + i).isEmpty();
      if (!aotJdk()) {
        continue;
      }
      if (i == 1) {
        assertThat(recordings("version")).as("recorded").hasSize(1);
      } else {
        assertThat(cacheDir().resolve("version.aot")).as("made").isRegularFile();
        assertThat(recordings("version")).isEmpty();
      }
    }
    if (!aotJdk()) {
      assertThat(root.resolve("target/ingot.jsa")).isRegularFile();
      assertThat(root.resolve("target/aot")).doesNotExist();
    }
  }

  @Test
  void aFailingCommandKeepsItsOutputAndExitCodeWhileRecording() throws Exception {
    for (int i = 1; i <= 3; i++) {
      Run r = run("validate", "missing.pkr.hcl");
      assertThat(r.code()).as("run " + i).isNotZero();
      assertThat(r.out()).as("run " + i).isEmpty();
      assertThat(r.err()).as("run " + i).contains("missing.pkr.hcl").doesNotContain("AOT", "CDS");
    }
  }

  @Test
  void aRebuiltJarDropsTheCachesAndADamagedCacheIsIgnored() throws Exception {
    if (!aotJdk()) {
      return;
    }
    run("fmt", "--help");
    run("fmt", "--help");
    Path cache = cacheDir().resolve("fmt.aot");
    assertThat(cache).isRegularFile();
    Files.write(cache, new byte[] {1, 2, 3});
    Run damaged = run("version");
    assertThat(damaged.out()).isEqualTo(VERSION_LINE);
    assertThat(damaged.err()).isEmpty();
    Path jar = root.resolve("target/ingot.jar");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    Run rebuilt = run("version");
    assertThat(rebuilt.out()).isEqualTo(VERSION_LINE);
    assertThat(cache).as("caches of the old jar are gone").doesNotExist();
    assertThat(recordings("version")).as("recorded anew").hasSize(1);
  }

  @Test
  void theLauncherKnowsEveryCommandAndTyposShareOneCache() throws Exception {
    String script = Files.readString(root.resolve("ingot"));
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("local commands=\" ([a-z -]+) \"").matcher(script);
    assertThat(m.find()).as("the launcher's command list").isTrue();
    List<String> cli =
        Commands.ALL.stream()
            .map(c -> c.getAnnotation(picocli.CommandLine.Command.class).name())
            .toList();
    assertThat(List.of(m.group(1).split(" "))).containsExactlyInAnyOrderElementsOf(cli);
    if (!aotJdk()) {
      return;
    }
    for (String typo : List.of("biuld", "biuld", "valdate")) {
      Run r = run(typo);
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("unknown command '" + typo + "'");
    }
    assertThat(cacheDir().resolve("other.aot")).isRegularFile();
    try (Stream<Path> s = Files.list(cacheDir())) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("biuld"));
    }
  }

  /** A jar of this run's main classes whose manifest points at the dependency jars. */
  private static void writeJar(Path jar) throws IOException {
    Files.createDirectories(jar.getParent());
    Path classes = null;
    List<String> deps = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(e);
      if (e.endsWith("test-classes")) {
        continue;
      }
      if (Files.isDirectory(p)) {
        classes = p;
      } else {
        deps.add(p.toUri().toString());
      }
    }
    assertThat(classes).as("target/classes on the class path").isNotNull();
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.ingot.cli.Main");
    m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", deps));
    Path base = classes;
    try (OutputStream os = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(os, m);
        Stream<Path> files = Files.walk(base)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(base.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
  }
}
