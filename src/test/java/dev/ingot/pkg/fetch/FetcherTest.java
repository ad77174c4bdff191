package dev.ingot.pkg.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.ingot.fs.Digest;
import dev.ingot.plugin.BuildLog;
import dev.ingot.plugin.Cancellation;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from an in-process HTTP server on loopback that fails in the ways mirrors do. */
class FetcherTest {
  @TempDir Path tmp;
  HttpServer server;
  URI base;
  final byte[] body = new byte[200_000];
  final AtomicInteger hits = new AtomicInteger();
  final AtomicInteger failFirst = new AtomicInteger();
  final List<String> ranges = new ArrayList<>();
  volatile boolean cutHalfway;

  @BeforeEach
  void start() throws Exception {
    new java.util.Random(1).nextBytes(body);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/f",
        ex -> {
          hits.incrementAndGet();
          try (ex) {
            if (failFirst.getAndDecrement() > 0) {
              ex.sendResponseHeaders(503, -1);
              return;
            }
            String range = ex.getRequestHeaders().getFirst("Range");
            int from = 0;
            if (range != null) {
              synchronized (ranges) {
                ranges.add(range);
              }
              from = Integer.parseInt(range.replaceAll("\\D", ""));
              ex.getResponseHeaders()
                  .add(
                      "Content-Range",
                      "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
              ex.sendResponseHeaders(206, body.length - from);
            } else {
              ex.sendResponseHeaders(200, body.length);
            }
            try (OutputStream o = ex.getResponseBody()) {
              if (cutHalfway && range == null) {
                cutHalfway = false;
                o.write(body, 0, body.length / 2);
                o.flush();
                throw new java.io.IOException("cut");
              }
              o.write(body, from, body.length - from);
            }
          }
        });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  Fetcher fetcher(boolean offline) {
    return new Fetcher(
        new Fetcher.Options(tmp.resolve("cache"), offline, 4, 3, Duration.ofMillis(10)),
        BuildLog.NONE,
        new Cancellation());
  }

  Fetcher.Request req() {
    return new Fetcher.Request(base.resolve("/f"), Digest.sha256(body), body.length);
  }

  @Test
  void fetchesOnceIntoTheContentAddressedCache() throws Exception {
    Path p = fetcher(false).fetch(req());
    assertThat(Files.readAllBytes(p)).isEqualTo(body);
    assertThat(p.toString()).endsWith(Digest.sha256(body).hex());
    fetcher(false).fetch(req());
    assertThat(hits.get()).isEqualTo(1);
  }

  @Test
  void retriesTransientErrors() {
    failFirst.set(2);
    assertThat(fetcher(false).fetch(req())).exists();
    assertThat(hits.get()).isEqualTo(3);
  }

  @Test
  void givesUpAfterTheRetries() {
    failFirst.set(100);
    assertThatThrownBy(() -> fetcher(false).fetch(req()))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("giving up after 4 attempts")
        .hasMessageContaining("503");
  }

  @Test
  void resumesAPartialDownload() throws Exception {
    cutHalfway = true;
    Path p = fetcher(false).fetch(req());
    assertThat(Files.readAllBytes(p)).isEqualTo(body);
    assertThat(ranges).isNotEmpty().allMatch(r -> r.startsWith("bytes=") && !r.equals("bytes=0-"));
  }

  @Test
  void aWrongHashIsRefusedAndNothingIsCached() {
    Fetcher.Request bad =
        new Fetcher.Request(base.resolve("/f"), Digest.sha256("other"), body.length);
    assertThatThrownBy(() -> fetcher(false).fetch(bad)).hasMessageContaining("checksum mismatch");
    assertThat(fetcher(false).cached(Digest.sha256("other"))).doesNotExist();
  }

  @Test
  void notFoundIsFlagged() {
    Fetcher.Request gone = new Fetcher.Request(base.resolve("/missing"), Digest.sha256("x"), 1);
    assertThatThrownBy(() -> fetcher(false).fetch(gone))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.notFound()).isTrue());
  }

  @Test
  void offlineUsesOnlyTheCache() {
    assertThatThrownBy(() -> fetcher(true).fetch(req())).hasMessageContaining("offline");
    assertThat(hits.get()).isZero();
    fetcher(false).fetch(req());
    assertThat(fetcher(true).fetch(req())).exists();
  }

  @Test
  void concurrentFetchersOfOneFileDownloadItOnce() {
    List<Fetcher.Request> same = List.of(req(), req(), req(), req(), req(), req());
    List<Path> got = new ArrayList<>();
    Thread[] ts = new Thread[3];
    for (int i = 0; i < ts.length; i++) {
      Fetcher f = fetcher(false);
      ts[i] =
          Thread.ofPlatform()
              .start(
                  () -> {
                    List<Path> ps = f.fetchAll(same);
                    synchronized (got) {
                      got.addAll(ps);
                    }
                  });
    }
    for (Thread t : ts) {
      try {
        t.join();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
    assertThat(got).hasSize(18).allMatch(p -> p.equals(got.get(0)));
    assertThat(hits.get()).isEqualTo(1);
  }
}
