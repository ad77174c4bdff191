package dev.ingot.oci.model;

import dev.ingot.fs.Digest;
import java.util.regex.Pattern;

/**
 * A registry image reference, {@code host[:port]/path[:tag][@digest]}. The registry host must be
 * written out (there is no default registry): a first component counts as a host when it has a dot
 * or a colon or is "localhost". {@code tag} is null when a digest alone is given; with neither, the
 * tag is "latest". Immutable.
 */
public record ImageRef(String registry, String repository, String tag, Digest digest) {
  private static final Pattern REPO =
      Pattern.compile(
          "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  public ImageRef {
    if (registry == null || registry.isBlank()) {
      throw new IllegalArgumentException("image reference needs a registry host");
    }
    if (repository == null || !REPO.matcher(repository).matches()) {
      throw new IllegalArgumentException(
          "bad repository name '" + repository + "' (lower case letters, digits, . _ - and /)");
    }
    if (tag != null && !TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException("bad tag '" + tag + "'");
    }
  }

  public static ImageRef parse(String s) {
    String rest = s;
    Digest digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = Digest.parse(rest.substring(at + 1));
      rest = rest.substring(0, at);
    }
    int slash = rest.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException(
          "'" + s + "' names no registry: write it as host[:port]/repository[:tag]");
    }
    String host = rest.substring(0, slash);
    if (!(host.contains(".") || host.contains(":") || host.equals("localhost"))) {
      throw new IllegalArgumentException(
          "'"
              + s
              + "' names no registry host ('"
              + host
              + "' has no dot or port): write it as"
              + " host[:port]/repository[:tag]");
    }
    String path = rest.substring(slash + 1);
    String tag = null;
    int colon = path.lastIndexOf(':');
    if (colon >= 0) {
      tag = path.substring(colon + 1);
      path = path.substring(0, colon);
    } else if (digest == null) {
      tag = "latest";
    }
    return new ImageRef(host, path, tag, digest);
  }

  public ImageRef withTag(String t) {
    return new ImageRef(registry, repository, t, null);
  }

  public ImageRef withDigest(Digest d) {
    return new ImageRef(registry, repository, null, d);
  }

  /** What to ask the registry for: the digest when known, else the tag. */
  public String reference() {
    return digest != null ? digest.toString() : tag;
  }

  /** {@code host/repository}, without tag or digest. */
  public String name() {
    return registry + "/" + repository;
  }

  @Override
  public String toString() {
    return name() + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
  }
}
