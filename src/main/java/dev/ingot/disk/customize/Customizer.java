package dev.ingot.disk.customize;

import dev.ingot.fs.BlobStore;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.FsPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a {@link Customization} to a root filesystem as a pure tree transformation: no chroot, no
 * package scripts. Accounts are edited in /etc/passwd, shadow, group and gshadow as useradd would;
 * services are enabled, disabled and masked as systemctl does it, with unit symlinks; sshd settings
 * go into a drop-in. Files written get {@code epoch} as mtime. Not thread-safe.
 */
public final class Customizer {
  private final BlobStore blobs;
  private final long epoch;

  public Customizer(BlobStore blobs, long epoch) {
    this.blobs = blobs;
    this.epoch = epoch;
  }

  public FileTree apply(FileTree tree, Customization c) throws IOException {
    FileTree.Builder b = tree.toBuilder();
    if (c.hostname() != null) {
      Trees.putText(b, blobs, "etc/hostname", c.hostname() + "\n", 0644, epoch);
      Trees.putText(
          b,
          blobs,
          "etc/hosts",
          "127.0.0.1\tlocalhost\n127.0.1.1\t"
              + c.hostname()
              + "\n\n::1\tlocalhost ip6-localhost ip6-loopback\n"
              + "ff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n",
          0644,
          epoch);
    }
    at("timezone", () -> timezone(tree, b, c.timezone()));
    if (c.locale() != null) {
      Trees.putText(b, blobs, "etc/default/locale", "LANG=" + c.locale() + "\n", 0644, epoch);
      Trees.putText(b, blobs, "etc/locale.conf", "LANG=" + c.locale() + "\n", 0644, epoch);
    }
    at("users", () -> users(b, c.users()));
    if (c.ssh() != null) {
      StringBuilder s = new StringBuilder("# Written by Ingot.\n");
      if (c.ssh().permitRootLogin() != null) {
        s.append("PermitRootLogin ").append(c.ssh().permitRootLogin()).append('\n');
      }
      if (c.ssh().passwordAuthentication() != null) {
        String v = c.ssh().passwordAuthentication() ? "yes" : "no";
        s.append("PasswordAuthentication ").append(v).append('\n');
        s.append("KbdInteractiveAuthentication ").append(v).append('\n');
      }
      // sshd takes the first value it reads, and the drop-in directory is read first.
      Trees.putText(b, blobs, "etc/ssh/sshd_config.d/10-ingot.conf", s.toString(), 0644, epoch);
    }
    at("services", () -> services(b, c.services()));
    if (!c.kernelArgs().isEmpty()) {
      Trees.putText(
          b, blobs, "etc/kernel/cmdline", String.join(" ", c.kernelArgs()) + "\n", 0644, epoch);
    }
    if (!c.datasources().isEmpty()) {
      Trees.putText(
          b,
          blobs,
          "etc/cloud/cloud.cfg.d/90_ingot_datasource.cfg",
          "# Written by Ingot.\ndatasource_list: [ " + String.join(", ", c.datasources()) + " ]\n",
          0644,
          epoch);
    }
    at("files", () -> files(b, c.files()));
    return b.build();
  }

  /** A step of {@link #apply}: what it refuses is reported at its template setting. */
  private interface Section {
    void run() throws IOException;
  }

  private static void at(String setting, Section s) throws IOException {
    try {
      s.run();
    } catch (CustomizeException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new CustomizeException(setting, e.getMessage());
    }
  }

  private void timezone(FileTree tree, FileTree.Builder b, String name) throws IOException {
    if (name == null) {
      return;
    }
    String zone = "usr/share/zoneinfo/" + name;
    if (!tree.contains(zone)) {
      throw new IllegalArgumentException(
          "timezone " + name + " is not in the image (install tzdata, or check the name)");
    }
    b.remove("etc/localtime");
    b.put(FileEntry.symlink("etc/localtime", "/" + zone, 0, 0, epoch));
    Trees.putText(b, blobs, "etc/timezone", name + "\n", 0644, epoch);
  }

  private void files(FileTree.Builder b, List<Customization.File> files) throws IOException {
    for (Customization.File f : files) {
      int[] owner = owner(b, f.owner());
      String p = FsPaths.normalize(f.path());
      b.get(p)
          .filter(e -> !e.isRegular())
          .ifPresent(
              e -> {
                throw new IllegalArgumentException(
                    f.path() + " exists in the image and is a " + e.type());
              });
      Trees.putBytes(b, blobs, p, f.content(), f.mode(), owner[0], owner[1], epoch);
    }
  }

  private void users(FileTree.Builder b, List<Customization.User> users) throws IOException {
    if (users.isEmpty()) {
      return;
    }
    Accounts a =
        new Accounts(
            Trees.text(b, blobs, "etc/passwd")
                .orElseThrow(() -> new IllegalArgumentException("the image has no /etc/passwd")),
            Trees.text(b, blobs, "etc/shadow").orElse(""),
            Trees.text(b, blobs, "etc/group").orElse(""),
            Trees.text(b, blobs, "etc/gshadow").orElse(""));
    for (Customization.User u : users) {
      int[] ids = a.addUser(u, epoch / 86400);
      String home = a.lastHome.substring(1);
      if (b.get(home).isEmpty()) {
        b.putWithParents(FileEntry.directory(home, 0750, ids[0], ids[1], epoch), 0755, epoch);
        for (FileEntry e : new ArrayList<>(b.build().under("etc/skel"))) {
          if (e.path().equals("etc/skel") || e.type() == dev.ingot.fs.FileType.HARDLINK) {
            continue;
          }
          b.put(
              e.withPath(home + e.path().substring("etc/skel".length())).withOwner(ids[0], ids[1]));
        }
      }
      if (!u.sshAuthorizedKeys().isEmpty()) {
        b.put(FileEntry.directory(home + "/.ssh", 0700, ids[0], ids[1], epoch));
        String keys = String.join("\n", u.sshAuthorizedKeys()) + "\n";
        Trees.putBytes(
            b,
            blobs,
            home + "/.ssh/authorized_keys",
            keys.getBytes(StandardCharsets.UTF_8),
            0600,
            ids[0],
            ids[1],
            epoch);
      }
    }
    Trees.putText(b, blobs, "etc/passwd", Accounts.render(a.passwd), 0644, epoch);
    Trees.putBytes(
        b,
        blobs,
        "etc/shadow",
        Accounts.render(a.shadow).getBytes(StandardCharsets.UTF_8),
        0640,
        0,
        gid(a, "shadow"),
        epoch);
    Trees.putText(b, blobs, "etc/group", Accounts.render(a.group), 0644, epoch);
    Trees.putBytes(
        b,
        blobs,
        "etc/gshadow",
        Accounts.render(a.gshadow).getBytes(StandardCharsets.UTF_8),
        0640,
        0,
        gid(a, "shadow"),
        epoch);
  }

  private static int gid(Accounts a, String name) {
    return a.gids().getOrDefault(name, 0);
  }

  private int[] owner(FileTree.Builder b, String owner) throws IOException {
    String[] ug = owner.split(":", 2);
    Accounts a =
        new Accounts(
            Trees.text(b, blobs, "etc/passwd").orElse("root:x:0:0::/root:/bin/sh\n"), "",
            Trees.text(b, blobs, "etc/group").orElse("root:x:0:\n"), "");
    return new int[] {id(ug[0], a.uids()), id(ug.length > 1 ? ug[1] : ug[0], a.gids())};
  }

  private static int id(String s, java.util.Map<String, Integer> names) {
    if (s.matches("[0-9]+")) {
      return Integer.parseInt(s);
    }
    Integer id = names.get(s);
    if (id == null) {
      throw new IllegalArgumentException("owner '" + s + "' is not a user or group of the image");
    }
    return id;
  }

  private void services(FileTree.Builder b, Customization.Services s) throws IOException {
    for (String unit : s.enable()) {
      String path = Trees.unitPath(b, unit).substring(1);
      String text =
          Trees.text(b, blobs, path)
              .orElseThrow(
                  () -> new IllegalArgumentException("unit " + unit + " is not in the image"));
      List<String> targets = wantedBy(text);
      if (targets.isEmpty()) {
        throw new IllegalArgumentException(
            "unit " + unit + " has no [Install] WantedBy= to enable it with");
      }
      for (String t : targets) {
        Trees.enable(b, unit, t, epoch);
      }
    }
    for (String unit : s.disable()) {
      for (FileEntry e : new ArrayList<>(b.build().under("etc/systemd/system"))) {
        if (e.type() == dev.ingot.fs.FileType.SYMLINK
            && e.path().endsWith("/" + unit)
            && FsPaths.parent(e.path()).matches("etc/systemd/system/[^/]+\\.(wants|requires)")) {
          b.remove(e.path());
        }
      }
    }
    for (String unit : s.mask()) {
      b.remove("etc/systemd/system/" + unit);
      b.putWithParents(
          FileEntry.symlink("etc/systemd/system/" + unit, "/dev/null", 0, 0, epoch), 0755, epoch);
    }
  }

  /** The targets of WantedBy= lines in the [Install] section. */
  static List<String> wantedBy(String unitText) {
    List<String> out = new ArrayList<>();
    boolean install = false;
    for (String line : unitText.split("\n")) {
      String l = line.strip();
      if (l.startsWith("[")) {
        install = l.equals("[Install]");
      } else if (install && l.startsWith("WantedBy=")) {
        for (String t : l.substring("WantedBy=".length()).trim().split("\\s+")) {
          if (!t.isEmpty()) {
            out.add(t);
          }
        }
      }
    }
    return out;
  }
}
