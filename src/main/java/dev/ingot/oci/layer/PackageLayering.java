package dev.ingot.oci.layer;

import dev.ingot.fs.BlobStore;
import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileTree;
import dev.ingot.fs.FsPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a root filesystem into one layer per group of packages, so that images of the same family
 * (same base packages) share their lower layers. Ownership comes from the dpkg database in the
 * tree: {@code var/lib/dpkg/info/<pkg>.list} (full installs) or {@code
 * var/lib/dpkg/status.d/<pkg>.md5sums} (distroless). A group is a list of package name globs; a
 * file goes to the first group that owns it, with the package's own dpkg files. Directories are
 * copied into each layer that has entries below them; every entry not placed in a group goes into
 * the last layer. Groups that own nothing give no layer. Pure; thread-safe.
 */
public final class PackageLayering {
  private static final Pattern LIST =
      Pattern.compile("var/lib/dpkg/info/([^/:]+)(?::[^/]+)?\\.(list|md5sums)");
  private static final Pattern STATUS_D =
      Pattern.compile("var/lib/dpkg/status\\.d/([^/]+?)(?:\\.md5sums)?");

  private PackageLayering() {}

  /** The layer trees, lowest first; a single tree when {@code groups} is empty. */
  public static List<FileTree> split(FileTree tree, BlobStore blobs, List<List<String>> groups)
      throws IOException {
    if (groups.isEmpty()) {
      return List.of(tree);
    }
    Map<String, String> owner = owners(tree, blobs);
    List<PathMatcher> none = List.of();
    List<FileTree.Builder> layers = new ArrayList<>();
    List<List<PathMatcher>> matchers = new ArrayList<>();
    for (List<String> g : groups) {
      List<PathMatcher> ms = new ArrayList<>(none);
      for (String glob : g) {
        ms.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
      }
      matchers.add(ms);
      layers.add(FileTree.builder());
    }
    FileTree.Builder rest = FileTree.builder();
    List<Boolean> used = new ArrayList<>(java.util.Collections.nCopies(groups.size(), false));
    for (FileEntry e : tree.entries()) {
      int g = e.isDirectory() ? -1 : groupOf(owner.get(e.path()), matchers);
      if (g < 0) {
        rest.put(e);
        continue;
      }
      used.set(g, true);
      layers.get(g).put(e);
      for (String a = FsPaths.parent(e.path()); !a.isEmpty(); a = FsPaths.parent(a)) {
        if (layers.get(g).get(a).isPresent()) {
          break;
        }
        tree.get(a).ifPresent(layers.get(g)::put);
      }
    }
    List<FileTree> out = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      if (used.get(i)) {
        out.add(layers.get(i).build());
      }
    }
    out.add(rest.build());
    return out;
  }

  private static int groupOf(String pkg, List<List<PathMatcher>> matchers) {
    if (pkg == null) {
      return -1;
    }
    java.nio.file.Path name = java.nio.file.Path.of(pkg);
    for (int i = 0; i < matchers.size(); i++) {
      for (PathMatcher m : matchers.get(i)) {
        if (m.matches(name)) {
          return i;
        }
      }
    }
    return -1;
  }

  /** Path → owning package, from the dpkg file lists in the tree (first owner wins). */
  static Map<String, String> owners(FileTree tree, BlobStore blobs) throws IOException {
    Map<String, String> owner = new HashMap<>();
    for (FileEntry e : tree.under("var/lib/dpkg")) {
      var list = LIST.matcher(e.path());
      var status = STATUS_D.matcher(e.path());
      String pkg = list.matches() ? list.group(1) : status.matches() ? status.group(1) : null;
      if (pkg == null || !e.isRegular()) {
        continue;
      }
      owner.putIfAbsent(e.path(), pkg);
      if (list.matches() || e.path().endsWith(".md5sums")) {
        for (String p : paths(e, blobs)) {
          owner.putIfAbsent(p, pkg);
        }
      }
    }
    // The package's other dpkg files (postinst, conffiles, …) travel with it.
    Set<String> metaFiles = new LinkedHashSet<>();
    for (FileEntry e : tree.under("var/lib/dpkg/info")) {
      metaFiles.add(e.path());
    }
    for (String m : metaFiles) {
      String name = FsPaths.name(m);
      int dot = name.lastIndexOf('.');
      String pkg = (dot > 0 ? name.substring(0, dot) : name).replaceFirst(":.*", "");
      owner.putIfAbsent(m, pkg);
    }
    return owner;
  }

  private static List<String> paths(FileEntry list, BlobStore blobs) throws IOException {
    if (list.content() == null) {
      return List.of();
    }
    String text;
    try (InputStream in = blobs.open(list.content())) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String p = line;
      if (list.path().endsWith(".md5sums")) {
        int sp = line.indexOf("  ");
        if (sp < 0) {
          continue;
        }
        p = line.substring(sp + 2);
      }
      p = p.strip();
      if (!p.isEmpty() && !p.equals("/.")) {
        try {
          out.add(FsPaths.normalize(p));
        } catch (IllegalArgumentException ignored) {
          // A bad line in a package list says nothing about ownership; skip it.
        }
      }
    }
    return out;
  }
}
