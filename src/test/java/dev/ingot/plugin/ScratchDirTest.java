package dev.ingot.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run directories: removed on close; a dead run's (its lock free) removed by the next run; a live
 * run's kept, whether it is in this process or another one (another JVM holds the lock here).
 */
class ScratchDirTest {
  @TempDir Path tmp;

  /** Holds a lock on the file named by its argument until its standard input closes. */
  public static void main(String[] args) throws Exception {
    try (FileChannel ch =
            FileChannel.open(
                Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        var lock = ch.lock()) {
      System.out.println("locked");
      System.out.flush();
      System.in.read();
    }
  }

  @Test
  void deadRunsGoLiveRunsStay() throws Exception {
    Path dead = Files.createDirectories(tmp.resolve("run-1-dead"));
    Files.writeString(dead.resolve(".lock"), "");
    Files.writeString(dead.resolve("blob"), "left by a killed run");
    Path unlockedOld = Files.createDirectories(tmp.resolve("run-2-old"));
    Files.setLastModifiedTime(unlockedOld, FileTime.from(Instant.now().minusSeconds(3600)));
    Path unlockedNew = Files.createDirectories(tmp.resolve("run-3-being-made"));
    Path otherJvm = Files.createDirectories(tmp.resolve("run-4-other-process"));
    Process holder =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElseThrow(),
                "-cp",
                System.getProperty("java.class.path"),
                ScratchDirTest.class.getName(),
                otherJvm.resolve(".lock").toString())
            .redirectErrorStream(true)
            .start();
    try {
      assertThat(new String(holder.getInputStream().readNBytes(6))).isEqualTo("locked");
      try (ScratchDir mine = ScratchDir.create(tmp, "run")) {
        assertThat(dead).doesNotExist();
        assertThat(unlockedOld).doesNotExist();
        assertThat(unlockedNew).exists();
        assertThat(otherJvm.resolve(".lock")).exists();
        try (ScratchDir second = ScratchDir.create(tmp, "run")) {
          assertThat(mine.path()).exists(); // locked by this process: alive
          assertThat(second.path().getFileName().toString())
              .startsWith("run-" + ProcessHandle.current().pid() + "-");
        }
        Files.writeString(mine.path().resolve("x"), "y");
      }
      try (var left = Files.list(tmp)) {
        assertThat(left.map(p -> p.getFileName().toString()).sorted().toList())
            .isEqualTo(List.of("run-3-being-made", "run-4-other-process"));
      }
    } finally {
      holder.getOutputStream().close();
      holder.waitFor(10, TimeUnit.SECONDS);
      holder.destroyForcibly();
    }
    ScratchDir.create(tmp, "run").close(); // the other process has ended: its dir goes now
    assertThat(otherJvm).doesNotExist();
  }

  /** A dead run's directory this user cannot remove (another user's, immutable) is left alone. */
  @Test
  void aDirectoryThatCannotBeRemovedDoesNotFailTheRun() throws Exception {
    Path stuck = Files.createDirectories(tmp.resolve("run-5-stuck"));
    Files.writeString(stuck.resolve(".lock"), "");
    Process p = new ProcessBuilder("chattr", "+i", stuck.toString()).start();
    assertThat(p.waitFor()).isZero();
    try {
      try (ScratchDir mine = ScratchDir.create(tmp, "run")) {
        assertThat(mine.path()).isDirectory();
      }
      assertThat(stuck).isDirectory();
    } finally {
      new ProcessBuilder("chattr", "-i", stuck.toString()).start().waitFor();
    }
  }
}
