package dev.ingot.plugin;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * One-line messages for I/O failures: the JDK's file system exceptions carry only the path when the
 * operating system gave no reason ("/srv/x.qcow2"), and some network ones carry nothing, which
 * tells a user nothing. Stateless.
 */
public final class IoMessages {
  private IoMessages() {}

  /** {@code t}'s message, with what happened added where the JDK gives only a path. */
  public static String describe(Throwable t) {
    if (t instanceof java.io.UncheckedIOException u && u.getCause() != null) {
      return describe(u.getCause()); // its message is the cause's class name and message
    }
    if (t instanceof FileSystemException f && f.getFile() != null && f.getFile().length() > LONG) {
      // A path of thousands of characters (a hostile tree nested 2,500 deep) buries the reason.
      String file = shorten(f.getFile());
      String other = f.getOtherFile() == null ? "" : " -> " + shorten(f.getOtherFile());
      String reason = f.getReason() == null ? f.getClass().getSimpleName() : f.getReason();
      return file + other + " (a path of " + f.getFile().length() + " characters): " + reason;
    }
    if (t instanceof FileSystemException f && f.getReason() == null && f.getFile() != null) {
      String what =
          switch (f) {
            case AccessDeniedException a -> "permission denied";
            case NoSuchFileException n -> "no such file or directory";
            case FileAlreadyExistsException x -> "already exists";
            case NotDirectoryException n -> "not a directory";
            case DirectoryNotEmptyException d -> "directory not empty";
            default -> f.getClass().getSimpleName();
          };
      return f.getMessage() + ": " + what;
    }
    String network = network(t);
    if (network != null) {
      return network;
    }
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }

  /**
   * The network failures whose JDK messages say nothing: the HTTP client's ConnectException for a
   * refused connection has none ("cannot download …: null"), and JSSE says "Unrecognized SSL
   * message, plaintext connection?" for a server that answers plain HTTP. Null for others.
   */
  private static String network(Throwable t) {
    String m = t.getMessage();
    boolean none = m == null || m.isBlank();
    return switch (t) {
      case java.net.ConnectException c when none ->
          "connection refused (is the server running, and is the port right?)";
      case java.net.http.HttpTimeoutException h -> "timed out" + (none ? "" : " (" + m + ")");
      case java.net.UnknownHostException u -> "unknown host" + (none ? "" : " " + m);
      case javax.net.ssl.SSLException s when !none && m.contains("plaintext connection") ->
          "the server answers plain HTTP, not TLS";
      default ->
          t.getCause() != null && (none || m.equals(t.getCause().toString()))
              ? network(t.getCause())
              : null;
    };
  }

  /** Paths longer than this are shortened in messages. */
  private static final int LONG = 240;

  private static String shorten(String path) {
    return path.length() <= LONG
        ? path
        : path.substring(0, 120) + "…" + path.substring(path.length() - 80);
  }
}
