package dev.ingot.disk.customize;

import java.util.List;

/**
 * What to change in a root filesystem before it becomes a VM image. Null or empty fields change
 * nothing. Immutable.
 */
public record Customization(
    String hostname,
    String timezone,
    String locale,
    List<User> users,
    Ssh ssh,
    Services services,
    List<String> kernelArgs,
    List<File> files,
    List<String> datasources) {
  public Customization {
    users = users == null ? List.of() : List.copyOf(users);
    kernelArgs = kernelArgs == null ? List.of() : List.copyOf(kernelArgs);
    files = files == null ? List.of() : List.copyOf(files);
    datasources = datasources == null ? List.of() : List.copyOf(datasources);
    services = services == null ? new Services(List.of(), List.of(), List.of()) : services;
    checkHostname(hostname);
    checkTimezone(timezone);
    checkLocale(locale);
  }

  static void checkHostname(String hostname) {
    if (hostname != null && !hostname.matches("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?")) {
      throw new CustomizeException(
          "hostname", "hostname must be a DNS label (letters, digits, '-'): " + hostname);
    }
  }

  static void checkTimezone(String timezone) {
    if (timezone != null && !timezone.matches("[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*")) {
      throw new CustomizeException("timezone", "bad timezone: " + timezone);
    }
  }

  static void checkLocale(String locale) {
    if (locale != null && !locale.matches("[A-Za-z0-9_.@-]+")) {
      throw new CustomizeException("locale", "bad locale: " + locale);
    }
  }

  /**
   * A user account; {@code uid} null picks the next free one from 1000. A bad value is a {@link
   * CustomizeException} naming its field in the users block.
   */
  public record User(
      String name,
      Integer uid,
      List<String> groups,
      String shell,
      String passwordHash,
      List<String> sshAuthorizedKeys) {
    public User {
      if (name == null || !name.matches("[a-z_][a-z0-9_-]{0,31}")) {
        throw new CustomizeException("name", "bad user name: " + name);
      }
      groups = groups == null ? List.of() : List.copyOf(groups);
      sshAuthorizedKeys = sshAuthorizedKeys == null ? List.of() : List.copyOf(sshAuthorizedKeys);
      shell = shell == null ? "/bin/bash" : shell;
      if (passwordHash != null && (passwordHash.contains(":") || passwordHash.contains("\n"))) {
        throw new CustomizeException(
            "password_hash", "a password hash cannot contain ':' or a newline");
      }
      if (passwordHash != null
          && !passwordHash.startsWith("$")
          && !passwordHash.equals("*")
          && !passwordHash.startsWith("!")) {
        throw new CustomizeException(
            "password_hash",
            "password_hash must be a crypt(3) hash such as $6$… or $y$… (from mkpasswd), not a password");
      }
      for (String k : sshAuthorizedKeys) {
        if (k.contains("\n") || !k.matches("(\\S+ )*(ssh|ecdsa|sk)-\\S+ \\S+.*")) {
          throw new CustomizeException("ssh_authorized_keys", "not an SSH public key line: " + k);
        }
      }
    }
  }

  /** sshd settings; null leaves a setting as the distribution has it. */
  public record Ssh(String permitRootLogin, Boolean passwordAuthentication) {
    public Ssh {
      if (permitRootLogin != null
          && !List.of("yes", "no", "prohibit-password", "forced-commands-only")
              .contains(permitRootLogin)) {
        throw new IllegalArgumentException(
            "permit_root_login must be yes, no, prohibit-password or forced-commands-only");
      }
    }
  }

  /** systemd units to enable, disable and mask. */
  public record Services(List<String> enable, List<String> disable, List<String> mask) {
    public Services {
      enable = List.copyOf(enable);
      disable = List.copyOf(disable);
      mask = List.copyOf(mask);
      for (List<String> l : List.of(enable, disable, mask)) {
        for (String u : l) {
          if (!u.matches("[A-Za-z0-9@_.:-]+\\.(service|socket|timer|target|path|mount)")) {
            throw new IllegalArgumentException("not a systemd unit name: " + u);
          }
        }
      }
    }
  }

  /** A file to put in the tree: {@code content} or the bytes of {@code source}, mode, owner. */
  public record File(String path, byte[] content, int mode, String owner) {
    public File {
      if (path == null || !path.startsWith("/") || path.contains("/../") || path.endsWith("/..")) {
        throw new IllegalArgumentException("file paths must be absolute, without '..': " + path);
      }
      if ((mode & ~07777) != 0) {
        throw new IllegalArgumentException("bad mode " + Integer.toOctalString(mode));
      }
      owner = owner == null ? "root:root" : owner;
      content = content.clone();
    }
  }
}
