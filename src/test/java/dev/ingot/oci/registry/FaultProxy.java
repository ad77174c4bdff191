package dev.ingot.oci.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback that misbehaves on purpose: per connection it drops it at once, answers
 * 500 or 429 itself, cuts it after a random number of bytes sent upstream, or forwards it
 * faithfully. Seeded, bounded (it stops injecting after {@code maxFaults}) and closed by {@link
 * #close}.
 */
final class FaultProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int target;
  private final SplittableRandom random;
  private final int maxFaults;
  final AtomicInteger faults = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile boolean closed;

  FaultProxy(int targetPort, long seed, int maxFaults) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.target = targetPort;
    this.random = new SplittableRandom(seed);
    this.maxFaults = maxFaults;
    Thread.ofVirtual().start(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  private synchronized int roll() {
    return random.nextInt(100);
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = server.accept();
        Thread.ofVirtual().start(() -> handle(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void handle(Socket client) {
    // The first connections always fault (dropped, then cut), so every run meets both.
    int n = connections.getAndIncrement();
    int dice = n == 0 ? 0 : n == 1 ? 50 : faults.get() < maxFaults ? roll() : 99;
    try (client) {
      if (dice < 15) {
        faults.incrementAndGet();
        return; // Dropped: the connection closes before any answer.
      }
      if (dice < 30) {
        faults.incrementAndGet();
        String status = dice < 23 ? "500 Internal Server Error" : "429 Too Many Requests";
        client.getInputStream().read(new byte[4096]);
        client
            .getOutputStream()
            .write(
                ("HTTP/1.1 "
                        + status
                        + "\r\nContent-Length: 0\r\n"
                        + "Retry-After: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        return;
      }
      // Most other connections are cut after 256 B to 32 MiB sent upstream (log-uniform):
      // keep-alive connections carry many requests, so this interrupts small requests and
      // large uploads alike, and each cut makes the client open a new connection.
      long cut = dice < 75 ? 1L << (8 + random(18)) : Long.MAX_VALUE;
      try (Socket up = new Socket(InetAddress.getLoopbackAddress(), target)) {
        Thread back = Thread.ofVirtual().start(() -> pump(up, client, Long.MAX_VALUE));
        if (pump(client, up, cut)) {
          faults.incrementAndGet();
        }
        up.shutdownOutput();
        back.join();
      }
    } catch (IOException | InterruptedException ignored) {
      // The peer went away: that is this proxy's whole point.
    }
  }

  private synchronized long random(long bound) {
    return random.nextLong(bound);
  }

  /** Copies until the end or {@code limit} bytes; true when it cut the connection. */
  private static boolean pump(Socket from, Socket to, long limit) {
    byte[] buf = new byte[65536];
    long done = 0;
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      for (int n; (n = in.read(buf)) > 0; ) {
        int k = (int) Math.min(n, limit - done);
        out.write(buf, 0, k);
        done += k;
        if (done >= limit) {
          from.close();
          to.close();
          return true;
        }
      }
    } catch (IOException e) {
      try {
        from.close();
        to.close();
      } catch (IOException ignored) {
        // Closing a broken pair.
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
  }
}
