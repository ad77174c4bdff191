package dev.ingot.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.plugin.LocalProcessRunner;
import dev.ingot.plugin.ProcessNodeMaker;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Device nodes and fifos are exported with their owner, mode and times and never opened: opening a
 * fifo without a writer blocks (hence the timeout), opening a device node touches the device. Uses
 * the real mknod/mkfifo/touch (needs root, as the chroot and disk steps that export nodes do).
 */
@Tag("peer")
class SpecialFilesExportTest {
  @TempDir Path tmp;

  static final long T = 1_700_000_000L;

  static FileEntry node(String path, FileType type, int mode, int uid, int gid, int ma, int mi) {
    return new FileEntry(path, type, mode, uid, gid, T + 60, 0, null, null, ma, mi, null);
  }

  static FileTree tree() {
    return FileTree.builder()
        .put(FileEntry.directory("", 0755, 0, 0, T))
        .put(FileEntry.directory("dev", 0755, 0, 0, T + 1))
        .put(node("dev/null", FileType.CHAR_DEVICE, 0666, 0, 0, 1, 3))
        .put(node("dev/zero", FileType.CHAR_DEVICE, 0666, 0, 0, 1, 5))
        .put(node("dev/tty1", FileType.CHAR_DEVICE, 0620, 0, 5, 4, 1))
        .put(node("dev/sda", FileType.BLOCK_DEVICE, 0660, 0, 6, 8, 0))
        .put(node("dev/initctl", FileType.FIFO, 0600, 7, 8, 0, 0))
        .put(FileEntry.directory("run", 0755, 0, 0, T + 2))
        .put(node("run/queue", FileType.FIFO, 0640, 0, 0, 0, 0))
        .build();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void nodesAndFifosKeepTypeDeviceOwnerModeAndTimes() throws Exception {
    DirBlobStore blobs = new DirBlobStore(tmp.resolve("blobs"));
    Path root = Files.createDirectories(tmp.resolve("root"));
    FileTree tree = tree();
    new TreeExporter(
            blobs, new ProcessNodeMaker(new LocalProcessRunner()), new TreeExporter.Options(true))
        .export(tree, root);

    FileTree back = new TreeImporter(blobs).importDir(root);
    assertThat(back.entries()).containsExactlyElementsOf(tree.entries());
    assertThat(Files.getAttribute(root.resolve("dev/null"), "unix:rdev", LinkOption.NOFOLLOW_LINKS))
        .isEqualTo(Files.getAttribute(Path.of("/dev/null"), "unix:rdev"));
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aNodeMakerThatCannotSetTimesIsAClearError() throws Exception {
    ProcessNodeMaker real = new ProcessNodeMaker(new LocalProcessRunner());
    TreeExporter.NodeMaker mknodOnly = real::mknod;
    Path root = Files.createDirectories(tmp.resolve("root"));
    assertThatThrownBy(
            () ->
                new TreeExporter(
                        new DirBlobStore(tmp.resolve("blobs")),
                        mknodOnly,
                        new TreeExporter.Options(true))
                    .export(tree(), root))
        .hasMessageContaining("cannot set the times of special file")
        .hasMessageContaining("dev/initctl");
  }

  @Test
  void nodeCommandsAreMknodAndMkfifo() {
    Path p = Path.of("/r/dev/null");
    assertThat(ProcessNodeMaker.command(p, FileType.CHAR_DEVICE, 0666, 1, 3))
        .containsExactly("mknod", "-m", "666", "/r/dev/null", "c", "1", "3");
    assertThat(ProcessNodeMaker.command(p, FileType.BLOCK_DEVICE, 0660, 8, 1))
        .containsExactly("mknod", "-m", "660", "/r/dev/null", "b", "8", "1");
    assertThat(ProcessNodeMaker.command(p, FileType.FIFO, 0600, 0, 0))
        .containsExactly("mkfifo", "-m", "600", "/r/dev/null");
    assertThatThrownBy(() -> ProcessNodeMaker.command(p, FileType.REGULAR, 0644, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
