package dev.ingot.disk.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Writers that store nothing for an empty chunk are handed only the chunks that hold data. */
class ChunkSkippingTest {
  @TempDir Path tmp;

  @org.junit.jupiter.api.Test
  void firstAtOrAfterFindsTheNextAllocatedByte() {
    Extents e = Extents.of(List.of(new long[] {100, 200}, new long[] {500, 600}));
    assertThat(e.firstAtOrAfter(0)).isEqualTo(100);
    assertThat(e.firstAtOrAfter(100)).isEqualTo(100);
    assertThat(e.firstAtOrAfter(150)).isEqualTo(150);
    assertThat(e.firstAtOrAfter(199)).isEqualTo(199);
    assertThat(e.firstAtOrAfter(200)).isEqualTo(500); // ends are exclusive
    assertThat(e.firstAtOrAfter(599)).isEqualTo(599);
    assertThat(e.firstAtOrAfter(600)).isEqualTo(-1);
    assertThat(Extents.of(List.of()).firstAtOrAfter(0)).isEqualTo(-1);
  }

  /**
   * A 64 MiB file with data in chunks 3, 4 and 40 (1 MiB chunks; the run at 3 crosses into 4): the
   * sink sees those, in order, on one thread or several, and the progress ends at the disk's size.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void onlyChunksWithDataAreWorkedAndTold(int threads) throws Exception {
    Path f = TestDisks.sparseWith(tmp.resolve("s.raw"), 64 << 20, (4L << 20) - 3, "across");
    TestDisks.sparseWith(f, 64 << 20, (40L << 20) + 7, "later");
    try (DiskReader r = RawReader.open(f)) {
      ChunkSource cs = new ChunkSource(r, 1 << 20);
      ConcurrentLinkedQueue<Long> worked = new ConcurrentLinkedQueue<>();
      List<Long> told = new ArrayList<>();
      long[] last = {-1};
      WriteJob job = new WriteJob(threads, 0, "x", (done, total) -> last[0] = done);
      OrderedPipeline.run(
          job,
          cs,
          c -> {
            worked.add(c);
            return c;
          },
          (c, result) -> {
            assertThat(result).isEqualTo(c);
            told.add(c);
          },
          true);
      // SEEK_DATA works in file-system blocks: the chunks are the ones those blocks lie in.
      assertThat(told).containsExactly(3L, 4L, 40L);
      assertThat(worked).containsExactlyInAnyOrder(3L, 4L, 40L);
      assertThat(last[0]).isEqualTo(64 << 20);
    }
  }
}
