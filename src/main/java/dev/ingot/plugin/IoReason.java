package dev.ingot.plugin;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;

/**
 * Why an I/O operation failed, in words fit for a user: the JDK's HTTP client throws a
 * ConnectException with no message for a refused connection ("cannot download …: null"), and JSSE
 * says "Unrecognized SSL message, plaintext connection?" for a server that answers plain HTTP.
 */
public final class IoReason {
  private IoReason() {}

  public static String of(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      switch (t) {
        case ConnectException c when m == null || m.isBlank() -> {
          return "connection refused (is the server running, and is the port right?)";
        }
        case HttpTimeoutException h -> {
          return "timed out" + (m == null || m.isBlank() ? "" : " (" + m + ")");
        }
        case UnknownHostException u -> {
          return "unknown host" + (m == null || m.isBlank() ? "" : " " + m);
        }
        case SSLException s when m != null && m.contains("plaintext connection") -> {
          return "the server answers plain HTTP, not TLS";
        }
        default -> {}
      }
      if (m != null && !m.isBlank() && !m.equals(String.valueOf(t.getCause()))) {
        return m;
      }
    }
    return e.getClass().getSimpleName();
  }
}
