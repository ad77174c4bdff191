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
}
