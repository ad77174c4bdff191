package dev.ingot.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirBlobStoreTest {
  @TempDir Path tmp;

  static final byte[] DATA = "a blob".getBytes(StandardCharsets.UTF_8);

  static Digest sha512(byte[] b) throws Exception {
    return new Digest(
        "sha512", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(b)));
  }

  @Test
  void contentIsNamedBySha256UnlessExpectedUnderSha512() throws Exception {
    DirBlobStore store = new DirBlobStore(tmp);
    assertThat(store.put(new ByteArrayInputStream(DATA))).isEqualTo(Digest.sha256(DATA));

    Digest d = sha512(DATA);
    assertThat(store.put(new ByteArrayInputStream(DATA), d)).isEqualTo(d);
    assertThat(store.has(d)).isTrue();
    try (var in = store.open(d)) {
      assertThat(in.readAllBytes()).isEqualTo(DATA);
    }
    assertThat(d.matches(DATA)).isTrue();

    Digest wrong = sha512("another blob".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> store.put(new ByteArrayInputStream(DATA), wrong))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("expected " + wrong + ", got " + d);
    assertThat(store.has(wrong)).isFalse();
    assertThat(wrong.matches(DATA)).isFalse();
  }

  /** Small content already stored is not written again (archives repeat small members). */
  @Test
  void smallContentAlreadyStoredNeedsNoWrite() throws Exception {
    DirBlobStore store = new DirBlobStore(tmp);
    Digest d = store.put(new ByteArrayInputStream(DATA));
    // Where temporaries go is now a file: any write fails, so a put that succeeds wrote nothing.
    java.nio.file.Files.delete(tmp.resolve("tmp"));
    java.nio.file.Files.writeString(tmp.resolve("tmp"), "in the way");
    assertThat(store.put(new ByteArrayInputStream(DATA))).isEqualTo(d);
    assertThat(store.put(new ByteArrayInputStream(DATA), d)).isEqualTo(d);
    assertThatThrownBy(() -> store.put(new ByteArrayInputStream(DATA), sha512(DATA)))
        .as("new content is still written")
        .isInstanceOf(IOException.class);
    Digest wrong = Digest.sha256("x".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> store.put(new ByteArrayInputStream(DATA), wrong))
        .hasMessageContaining("expected " + wrong + ", got " + d);
  }

  /** Content around the in-memory bound is stored whole, whichever way it goes. */
  @Test
  void contentAroundTheInMemoryBoundIsStoredWhole() throws Exception {
    DirBlobStore store = new DirBlobStore(tmp);
    for (int n : new int[] {0, (64 << 10) - 1, 64 << 10, (64 << 10) + 1, 1 << 20}) {
      byte[] b = new byte[n];
      new java.util.SplittableRandom(n).nextBytes(b);
      Digest d = store.put(new ByteArrayInputStream(b));
      assertThat(d).as("%d bytes", n).isEqualTo(Digest.sha256(b));
      try (var in = store.open(d)) {
        assertThat(in.readAllBytes()).as("%d bytes", n).isEqualTo(b);
      }
      assertThat(store.put(new ByteArrayInputStream(b), d)).isEqualTo(d);
    }
  }
}
