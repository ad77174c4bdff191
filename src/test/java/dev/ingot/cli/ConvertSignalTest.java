package dev.ingot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C, SIGTERM or SIGHUP (the terminal closed) during {@code ingot convert} (through the
 * launcher, as a user runs it): the conversion stops, its temporary output is removed, and the exit
 * code is 128 + the signal. Under nohup a hang-up is ignored.
 */
class ConvertSignalTest {
  @TempDir Path root;

  @ParameterizedTest
  @CsvSource({"INT, 130", "TERM, 143", "HUP, 129"})
  void aSignalStopsTheConversionAndLeavesNoFile(String signal, int exitCode) throws Exception {
    Launcher launcher = Launcher.under(root);
    Path work = launcher.cwd();
    Path tmp = launcher.tmp();
    Path out = Files.createDirectories(work.resolve("out"));
    Launcher.Started run = startSlowConversion(launcher, List.of());
    run.signal(signal);
    Launcher.Run r = run.await();

    assertThat(r.exitCode()).as(r.all()).isEqualTo(exitCode);
    assertThat(r.err())
        .contains("Interrupted: stopping the conversion")
        .contains("out/disk.qcow2 was not written");
    assertThat(out).isEmptyDirectory();
    assertThat(tmp).isEmptyDirectory();
  }

  @Test
  void underNohupAHangUpIsIgnored() throws Exception {
    Launcher launcher = Launcher.under(root);
    Launcher.Started run = startSlowConversion(launcher, List.of("nohup"));
    run.signal("HUP");
    Thread.sleep(1000);
    assertThat(run.process().isAlive()).as("the conversion goes on after SIGHUP").isTrue();
    run.signal("TERM");
    Launcher.Run r = run.await();

    assertThat(r.exitCode()).as(r.all()).isEqualTo(143);
    assertThat(r.err()).containsOnlyOnce("==> Interrupted");
    assertThat(launcher.cwd().resolve("out")).isEmptyDirectory();
  }

  /** A conversion of many seconds, returned once its output is being written. */
  private static Launcher.Started startSlowConversion(Launcher launcher, List<String> wrapper)
      throws Exception {
    Path work = launcher.cwd();
    // Random data compressed hard on one thread: many seconds of work, to be interrupted.
    Path in = work.resolve("in.raw");
    try (FileChannel ch =
        FileChannel.open(in, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      SplittableRandom rnd = new SplittableRandom(7);
      ByteBuffer b = ByteBuffer.allocate(1 << 20);
      for (int i = 0; i < 256; i++) {
        b.clear();
        while (b.hasRemaining()) {
          b.putLong(rnd.nextLong());
        }
        ch.write(b.flip());
      }
    }
    Path out = Files.createDirectories(work.resolve("out"));
    Launcher.Started run =
        launcher.start(
            Map.of(),
            wrapper,
            "convert",
            "-j",
            "1",
            "-c",
            "-O",
            "qcow2",
            "-o",
            "compression_level=9",
            "in.raw",
            "out/disk.qcow2");
    // Signalled once the output is being written (its temporary file exists).
    for (int i = 0; i < 1200 && empty(out); i++) {
      assertThat(run.process().isAlive()).as("convert still runs").isTrue();
      Thread.sleep(50);
    }
    assertThat(empty(out)).as("the conversion started").isFalse();
    return run;
  }

  private static boolean empty(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }
}
