package dev.ingot.provision.chroot;

import dev.ingot.fs.FsPaths;
import dev.ingot.fs.UnsafePathException;
import dev.ingot.plugin.Communicator;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A {@link Communicator} into a root filesystem directory: commands run through {@link Chroot}
 * (namespaces, /proc, /dev), files are copied in and out by Ingot itself, with every path of the
 * target resolved inside the root as the chroot would see it (symlinks, even absolute ones, never
 * lead out). Thread-safe.
 */
public final class ChrootCommunicator implements Communicator {
  private final Chroot chroot;

  public ChrootCommunicator(Chroot chroot) {
    this.chroot = chroot;
  }

  @Override
  public int exec(String command, Map<String, String> env, Consumer<String> output)
      throws IOException {
    return chroot.exec(command, env, output);
  }

  @Override
  public void upload(Path local, String remote) throws IOException {
    Path dest = inside(remote);
    if (Files.isDirectory(local)) {
      copyTree(local, dest);
    } else {
      Path target = Files.isDirectory(dest) ? inside(remote + "/" + local.getFileName()) : dest;
      Files.createDirectories(target.getParent());
      Files.copy(local, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public void download(String remote, Path local) throws IOException {
    Path src = inside(remote);
    if (!Files.exists(src, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(remote + ": no such file in the root filesystem");
    }
    if (Files.isDirectory(src, LinkOption.NOFOLLOW_LINKS)) {
      copyTree(src, local);
    } else {
      Path target = Files.isDirectory(local) ? local.resolve(src.getFileName().toString()) : local;
      if (target.getParent() != null) {
        Files.createDirectories(target.getParent());
      }
      Files.copy(src, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The host path of {@code remote}, every symlink on the way resolved inside the root. */
  Path inside(String remote) throws IOException {
    Path root = chroot.root();
    String cur = "";
    String[] parts = FsPaths.normalize(remote.replaceAll("^/+", "")).split("/");
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].isEmpty()) {
        continue;
      }
      cur = cur.isEmpty() ? parts[i] : cur + "/" + parts[i];
      for (int hops = 0; Files.isSymbolicLink(root.resolve(cur)); hops++) {
        if (hops > 40) {
          throw new UnsafePathException(remote, "too many symlinks");
        }
        cur = FsPaths.resolveLink(cur, Files.readSymbolicLink(root.resolve(cur)).toString());
      }
    }
    return cur.isEmpty() ? root : root.resolve(cur);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a)
              throws IOException {
            Path t = to.resolve(from.relativize(d).toString());
            if (Files.isSymbolicLink(t)) {
              throw new UnsafePathException(
                  t.toString(), "is a symlink; refusing to copy through it");
            }
            Files.createDirectories(t);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
            Path t = to.resolve(from.relativize(f).toString());
            if (Files.isSymbolicLink(t)) {
              Files.delete(t);
            }
            Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
