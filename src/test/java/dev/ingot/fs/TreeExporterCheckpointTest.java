package dev.ingot.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.plugin.Cancellation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export asks its checkpoint before each entry, so a cancelled build stops within one file (a
 * system tree went on being written for 15-20 s after Ctrl-C).
 */
class TreeExporterCheckpointTest {
  @TempDir Path tmp;

  @Test
  void aCancelledExportStopsAtTheNextEntry() throws Exception {
    FileTree.Builder b = FileTree.builder().put(FileEntry.directory("", 0755, 0, 0, 0));
    for (int i = 0; i < 1000; i++) {
      b.put(FileEntry.file("f" + i, 0644, 0, 0, 0, 0, null));
    }
    Cancellation cancel = new Cancellation();
    AtomicInteger asked = new AtomicInteger();
    Runnable checkpoint =
        () -> {
          if (asked.incrementAndGet() == 11) {
            cancel.cancel();
          }
          cancel.check();
        };
    Path root = Files.createDirectories(tmp.resolve("root"));
    TreeExporter exporter =
        new TreeExporter(
            new DirBlobStore(tmp.resolve("blobs")),
            (p, t, m, ma, mi) -> {},
            new TreeExporter.Options(false, checkpoint));
    assertThatThrownBy(() -> exporter.export(b.build(), root))
        .isInstanceOf(Cancellation.CancelledException.class);
    try (Stream<Path> s = Files.list(root)) {
      assertThat(s.count())
          .isEqualTo(9); // the root and nine files were written: the 11th entry was refused
    }
  }
}
