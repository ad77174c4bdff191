package dev.ingot.pkg.deb.install;

import dev.ingot.fs.BlobStore;
import dev.ingot.fs.Digest;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What maintainer scripts would have written, for a root filesystem that runs none: accounts (root,
 * nobody 65534, nonroot 65532 and the template's users) with their homes, {@code /tmp} 1777, the CA
 * bundle when ca-certificates is present (what update-ca-certificates makes), and a {@code
 * /var/lib/dpkg/status.d/} entry per package (its control file and md5sums) so scanners see every
 * package, as Google's distroless images do. Thread-safe (no state).
 */
public final class DistrolessFiles {
  private final BlobStore blobs;
  private final long mtime;

  /** {@code mtime} (seconds) stamps every generated entry, normally SOURCE_DATE_EPOCH. */
  public DistrolessFiles(BlobStore blobs, long mtime) {
    this.blobs = blobs;
    this.mtime = mtime;
  }

  /** The default accounts and {@code extra}, without duplicates by name (later ones win). */
  public static List<Account> accounts(List<Account> extra) {
    Map<String, Account> all = new LinkedHashMap<>();
    all.put("root", new Account("root", 0, 0, "/root", "/sbin/nologin"));
    all.put("nobody", new Account("nobody", 65534, 65534, "/nonexistent", "/sbin/nologin"));
    all.put("nonroot", Account.of("nonroot", 65532));
    for (Account a : extra) {
      all.put(a.name(), a);
    }
    return List.copyOf(all.values());
  }

  /** Writes accounts, homes and /tmp into {@code m}. */
  public void writeAccounts(TreeMerger m, List<Account> accounts) {
    StringBuilder passwd = new StringBuilder();
    StringBuilder group = new StringBuilder();
    for (Account a : accounts) {
      passwd.append(a.passwdLine());
      group.append(a.groupLine());
    }
    dir(m, "etc", 0755, 0, 0);
    m.put(file("etc/passwd", passwd.toString(), 0644));
    m.put(file("etc/group", group.toString(), 0644));
    for (Account a : accounts) {
      String home = a.home().substring(1);
      if (!a.home().equals("/nonexistent") && !home.isEmpty()) {
        FileEntry old = m.get(home);
        if (old == null || old.isDirectory()) {
          dirWithParents(m, home, a.uid() == 0 ? 0700 : 0700, a.uid(), a.gid());
        }
      }
    }
    m.put(FileEntry.directory("tmp", 01777, 0, 0, mtime));
  }

  /** The CA bundle and per-certificate links, when the tree has ca-certificates' files. */
  public void writeCaBundle(TreeMerger m, dev.ingot.fs.FileTree tree) {
    List<FileEntry> certs = new ArrayList<>();
    for (FileEntry e : tree.under("usr/share/ca-certificates")) {
      if (e.isRegular() && e.path().endsWith(".crt")) {
        certs.add(e);
      }
    }
    if (certs.isEmpty()) {
      return;
    }
    ByteArrayOutputStream bundle = new ByteArrayOutputStream();
    StringBuilder conf = new StringBuilder();
    dirWithParents(m, "etc/ssl/certs", 0755, 0, 0);
    for (FileEntry c : certs) {
      byte[] b = content(c);
      bundle.writeBytes(b);
      if (b.length > 0 && b[b.length - 1] != '\n') {
        bundle.write('\n');
      }
      String rel = c.path().substring("usr/share/ca-certificates/".length());
      conf.append(rel).append('\n');
      String base = rel.substring(rel.lastIndexOf('/') + 1).replace(".crt", ".pem");
      m.put(FileEntry.symlink("etc/ssl/certs/" + base, "/" + c.path(), 0, 0, mtime));
    }
    m.put(file("etc/ssl/certs/ca-certificates.crt", bundle.toByteArray(), 0644));
    m.put(file("etc/ca-certificates.conf", conf.toString(), 0644));
  }

  /** {@code var/lib/dpkg/status.d/<name>} and {@code <name>.md5sums}. */
  public void writeStatusD(TreeMerger m, UnpackedDeb deb) {
    dirWithParents(m, "var/lib/dpkg/status.d", 0755, 0, 0);
    m.put(file("var/lib/dpkg/status.d/" + deb.name(), deb.control().toString(), 0644));
    byte[] md5 = deb.controlFiles().get("md5sums");
    if (md5 != null) {
      m.put(file("var/lib/dpkg/status.d/" + deb.name() + ".md5sums", md5, 0644));
    }
  }

  FileEntry file(String path, String text, int mode) {
    return file(path, text.getBytes(StandardCharsets.UTF_8), mode);
  }

  FileEntry file(String path, byte[] data, int mode) {
    try {
      Digest d = data.length == 0 ? null : Digest.sha256(data);
      if (d != null && !blobs.has(d)) { // a warm build generates the same files: no rewrite
        blobs.put(new ByteArrayInputStream(data), d);
      }
      return FileEntry.file(path, mode, 0, 0, mtime, data.length, d);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] content(FileEntry e) {
    if (e.content() == null) {
      return new byte[0];
    }
    try (InputStream in = blobs.open(e.content())) {
      return in.readAllBytes();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private void dir(TreeMerger m, String path, int mode, int uid, int gid) {
    FileEntry old = m.get(path);
    if (old == null) {
      m.put(FileEntry.directory(path, mode, uid, gid, mtime));
    }
  }

  void dirWithParents(TreeMerger m, String path, int mode, int uid, int gid) {
    String[] parts = path.split("/");
    String cur = "";
    for (int i = 0; i < parts.length; i++) {
      cur = cur.isEmpty() ? parts[i] : cur + "/" + parts[i];
      FileEntry old = m.get(cur);
      if (old == null) {
        boolean last = i == parts.length - 1;
        m.put(FileEntry.directory(cur, last ? mode : 0755, last ? uid : 0, last ? gid : 0, mtime));
      } else if (old.type() != FileType.DIRECTORY) {
        return; // a link (e.g. a merged-/usr one) or a file: leave the package's choice alone
      }
    }
  }
}
