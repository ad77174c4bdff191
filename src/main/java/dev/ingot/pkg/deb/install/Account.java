package dev.ingot.pkg.deb.install;

/**
 * A user account written into a distroless root filesystem, as apko's {@code accounts} do. {@code
 * gid} defaults to the uid, {@code home} to /home/&lt;name&gt;, {@code shell} to /sbin/nologin.
 */
public record Account(String name, int uid, int gid, String home, String shell) {
  public Account {
    if (name == null || !name.matches("[a-z_][a-z0-9_-]{0,31}")) {
      throw new IllegalArgumentException(
          "bad user name '" + name + "': use lower-case letters, digits, '_' and '-'");
    }
    if (uid < 0 || gid < 0) {
      throw new IllegalArgumentException("uid and gid must not be negative for user " + name);
    }
    home = home == null || home.isBlank() ? "/home/" + name : home;
    shell = shell == null || shell.isBlank() ? "/sbin/nologin" : shell;
  }

  public static Account of(String name, int uid) {
    return new Account(name, uid, uid, null, null);
  }

  String passwdLine() {
    return name + ":x:" + uid + ":" + gid + ":" + name + ":" + home + ":" + shell + "\n";
  }

  String groupLine() {
    return name + ":x:" + gid + ":\n";
  }
}
