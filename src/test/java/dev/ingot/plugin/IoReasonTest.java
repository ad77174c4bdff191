package dev.ingot.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

/** The JDK's own failures, as a user reads them. */
class IoReasonTest {
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
                  assertThat(IoReason.of(e))
                      .isEqualTo(
                          "connection refused (is the server running, and is the port right?)"));
    }
  }

  @Test
  void otherReasonsKeepTheirWords() {
    assertThat(IoReason.of(new SSLException("Unrecognized SSL message, plaintext connection?")))
        .isEqualTo("the server answers plain HTTP, not TLS");
    assertThat(IoReason.of(new IOException("No space left on device")))
        .isEqualTo("No space left on device");
    assertThat(IoReason.of(new IOException(new java.net.UnknownHostException("nowhere.invalid"))))
        .isEqualTo("unknown host nowhere.invalid");
    assertThat(IoReason.of(new java.io.EOFException())).isEqualTo("EOFException");
  }
}
