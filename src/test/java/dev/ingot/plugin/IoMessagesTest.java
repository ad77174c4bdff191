package dev.ingot.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages for I/O failures say what happened, not only to which path. */
class IoMessagesTest {
  @TempDir Path tmp;

  @Test
  void aBarePathGetsItsReason() {
    assertThat(IoMessages.describe(new AccessDeniedException("/srv/x.qcow2")))
        .isEqualTo("/srv/x.qcow2: permission denied");
    assertThat(IoMessages.describe(new NoSuchFileException("/srv/in.raw")))
        .isEqualTo("/srv/in.raw: no such file or directory");
    assertThat(IoMessages.describe(new FileSystemException("/a", null, "File too large")))
        .isEqualTo("/a: File too large");
    assertThat(IoMessages.describe(new IOException())).isEqualTo("IOException");
  }

  /** A tree nested 2,500 deep once printed a 5,000-character path before the reason. */
  @Test
  void aVeryLongPathIsShortenedAndAnUncheckedWrapperIsUnwrapped() {
    String deep = "/srv/root" + "/d".repeat(2500);
    String m =
        IoMessages.describe(
            new java.io.UncheckedIOException(
                new FileSystemException(deep, null, "File name too long")));
    assertThat(m)
        .startsWith("/srv/root/d/d")
        .endsWith("/d/d (a path of " + deep.length() + " characters): File name too long")
        .doesNotContain("FileSystemException")
        .hasSizeLessThan(300);
  }

  /** Root may write anywhere, but not into an immutable directory (chattr +i). */
  @Test
  void anOutputInADirectoryThatCannotBeWrittenNamesBoth() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("locked"));
    Process p = new ProcessBuilder("chattr", "+i", dir.toString()).start();
    assumeTrue(p.waitFor() == 0, "chattr +i not supported here");
    try {
      assertThatThrownBy(() -> AtomicOutput.file(dir.resolve("x.qcow2")))
          .isInstanceOf(FileSystemException.class)
          .satisfies(
              e ->
                  assertThat(IoMessages.describe(e))
                      .isEqualTo(
                          dir.resolve("x.qcow2")
                              + ": cannot create files in "
                              + dir
                              + ": operation not permitted"));
    } finally {
      new ProcessBuilder("chattr", "-i", dir.toString()).start().waitFor();
    }
  }

  @Test
  void aRefusedConnectionSaysSo() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there now
    }
    URI uri = URI.create("http://127.0.0.1:" + port + "/");
    try (HttpClient c = HttpClient.newHttpClient()) {
      assertThatThrownBy(
              () ->
                  c.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(IOException.class)
          .satisfies(
              e ->
                  assertThat(IoMessages.describe(e))
                      .isEqualTo(
                          "connection refused (is the server running, and is the port right?)"));
    }
  }

  @Test
  void otherReasonsKeepTheirWords() {
    assertThat(
            IoMessages.describe(
                new SSLException("Unrecognized SSL message, plaintext connection?")))
        .isEqualTo("the server answers plain HTTP, not TLS");
    assertThat(IoMessages.describe(new IOException("No space left on device")))
        .isEqualTo("No space left on device");
    assertThat(
            IoMessages.describe(
                new IOException(new java.net.UnknownHostException("nowhere.invalid"))))
        .isEqualTo("unknown host nowhere.invalid");
    assertThat(IoMessages.describe(new java.io.EOFException())).isEqualTo("EOFException");
  }
}
