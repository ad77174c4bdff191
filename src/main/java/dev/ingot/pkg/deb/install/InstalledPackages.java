package dev.ingot.pkg.deb.install;

import dev.ingot.artifact.InstalledPackage;
import dev.ingot.fs.BlobStore;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.pkg.deb.BinaryPackage;
import dev.ingot.pkg.deb.Deb822;
import dev.ingot.pkg.deb.Paragraph;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the package list of a root filesystem back from its dpkg database ({@code
 * var/lib/dpkg/status}, installed entries) or the distroless {@code status.d/} files, after
 * provisioners may have changed it. Where a package is unchanged the repository facts Ingot knew
 * (sha256, suite) are kept from {@code before}. Pure apart from reading blobs; thread-safe.
 */
public final class InstalledPackages {
  private InstalledPackages() {}

  public static List<InstalledPackage> read(
      FileTree tree, BlobStore blobs, List<InstalledPackage> before) {
    List<Paragraph> ps = new ArrayList<>();
    tree.get("var/lib/dpkg/status")
        .filter(FileEntry::isRegular)
        .ifPresent(
            e -> {
              for (Paragraph p : Deb822.parse(text(e, blobs))) {
                if (p.get("Status", "").strip().endsWith(" installed")) {
                  ps.add(p);
                }
              }
            });
    for (FileEntry e : tree.under("var/lib/dpkg/status.d")) {
      if (e.isRegular() && !e.path().endsWith(".md5sums")) {
        ps.addAll(Deb822.parse(text(e, blobs)));
      }
    }
    List<InstalledPackage> out = new ArrayList<>();
    for (Paragraph p : ps) {
      BinaryPackage b = BinaryPackage.of(p, java.net.URI.create("file:///"), "");
      InstalledPackage old =
          before.stream()
              .filter(x -> x.name().equals(b.name()) && x.version().equals(b.version().toString()))
              .findFirst()
              .orElse(null);
      out.add(
          new InstalledPackage(
              b.name(),
              b.version().toString(),
              b.architecture(),
              b.source(),
              b.sourceVersion(),
              old == null ? null : old.sha256(),
              old == null ? null : old.repository(),
              old == null ? null : old.suite()));
    }
    out.sort(Comparator.comparing(InstalledPackage::name));
    return out;
  }

  private static String text(FileEntry e, BlobStore blobs) {
    if (e.content() == null) {
      return "";
    }
    try (InputStream in = blobs.open(e.content())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
