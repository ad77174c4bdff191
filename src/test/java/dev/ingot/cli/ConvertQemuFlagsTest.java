package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.disk.format.TestDisks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * qemu-img's tuning flags on {@code ingot convert}, so that scripts written for qemu-img run
 * unchanged: they are accepted and checked, and {@code -t} means what it means there — seen with
 * strace on the real launcher: the default (unsafe) leaves the image to the page cache, {@code -t
 * writeback} flushes the image and its directory before the command returns.
 */
@Tag("peer")
class ConvertQemuFlagsTest {
  @TempDir Path tmp;

  Path input() throws Exception {
    Path work = Files.createDirectories(tmp.resolve("w"));
    TestDisks.sparseWith(work.resolve("in.raw"), 8 << 20, 3 << 20, "data");
    return work;
  }

  @Test
  void qemuImgTuningFlagsAreAcceptedAndTheOutputIsTheSame() throws Exception {
    Path w = input();
    CliTestSupport.Run r =
        CliTestSupport.run(
            w,
            Map.of(),
            "convert",
            "-m",
            "16",
            "-W",
            "-U",
            "-t",
            "none",
            "-T",
            "writeback",
            "-O",
            "qcow2",
            "in.raw",
            "out.qcow2");
    assertThat(r.exitCode()).as(r.err()).isZero();
    TestDisks.runOk(
        "qemu-img",
        "compare",
        "-q",
        "-f",
        "raw",
        "-F",
        "qcow2",
        w.resolve("in.raw").toString(),
        w.resolve("out.qcow2").toString());
  }

  @Test
  void backingFileFlagsMakeAnOverlayAsQemuImgNamesThem() throws Exception {
    Path w = input();
    assertThat(
            CliTestSupport.run(w, Map.of(), "convert", "-O", "qcow2", "in.raw", "base.qcow2")
                .exitCode())
        .isZero();
    CliTestSupport.Run r =
        CliTestSupport.run(
            w,
            Map.of(),
            "convert",
            "-B",
            "base.qcow2",
            "-F",
            "qcow2",
            "-O",
            "qcow2",
            "in.raw",
            "d.qcow2");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(TestDisks.qemuInfo(w.resolve("d.qcow2"), null).path("backing-filename").asText())
        .isEqualTo("base.qcow2");
    TestDisks.runOk("qemu-img", "check", w.resolve("d.qcow2").toString());
    CliTestSupport.Run f =
        CliTestSupport.run(w, Map.of(), "convert", "-F", "raw", "-O", "qcow2", "in.raw", "x");
    assertThat(f.exitCode()).isEqualTo(2);
    assertThat(f.err()).contains("give it with -B");
    CliTestSupport.Run v =
        CliTestSupport.run(
            w, Map.of(), "convert", "-B", "base.qcow2", "-O", "vmdk", "in.raw", "x.vmdk");
    assertThat(v.exitCode()).isEqualTo(2);
    assertThat(v.err()).contains("needs -O qcow2");
    assertThat(w.resolve("x")).doesNotExist();
    assertThat(w.resolve("x.vmdk")).doesNotExist();
  }

  @Test
  void badValuesAreUsageErrorsWithNoOutput() throws Exception {
    Path w = input();
    CliTestSupport.Run m =
        CliTestSupport.run(w, Map.of(), "convert", "-m", "17", "-O", "qcow2", "in.raw", "o");
    assertThat(m.exitCode()).isEqualTo(2);
    assertThat(m.err()).contains("-m takes 1 to 16");
    CliTestSupport.Run t =
        CliTestSupport.run(w, Map.of(), "convert", "-t", "fast", "-O", "qcow2", "in.raw", "o");
    assertThat(t.exitCode()).isEqualTo(2);
    assertThat(t.err()).contains("Invalid cache option for -t: fast", "writeback");
    assertThat(w.resolve("o")).doesNotExist();
  }

  @Test
  void cacheModeWritebackFlushesTheImageAndUnsafeDoesNot() throws Exception {
    Path w = input();
    Launcher l = new Launcher(w, Files.createDirectories(tmp.resolve("t")));
    assertThat(fsyncs(l, w, "unsafe.qcow2")).isZero();
    assertThat(fsyncs(l, w, "durable.qcow2", "-t", "writeback")).isGreaterThanOrEqualTo(2);
  }

  /** How many fsync/fdatasync calls a conversion to {@code out} makes, counted by strace. */
  private static long fsyncs(Launcher l, Path w, String out, String... flags) throws Exception {
    Path trace = w.resolve(out + ".trace");
    List<String> args = new java.util.ArrayList<>(List.of("convert"));
    args.addAll(List.of(flags));
    args.addAll(List.of("-O", "qcow2", "in.raw", out));
    Launcher.Run r =
        l.start(
                Map.of(),
                List.of(
                    "strace", "-f", "-qq", "-e", "trace=fsync,fdatasync", "-o", trace.toString()),
                args.toArray(String[]::new))
            .await();
    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(w.resolve(out)).exists();
    return Files.readAllLines(trace).stream()
        .filter(line -> line.contains("fsync(") || line.contains("fdatasync("))
        .count();
  }
}
