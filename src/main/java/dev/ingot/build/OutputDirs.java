package dev.ingot.build;

import dev.ingot.build.plan.PlannedBuild;
import dev.ingot.plugin.AtomicOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The -force rule for output directories, as Packer applies it to output_directory: an existing one
 * is an error before anything runs, unless -force, which deletes it first. Never deletes the
 * working or template directory or one of their parents.
 */
final class OutputDirs {
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

  /**
   * Written beside the files a failed build keeps, listing them: a directory holding nothing else
   * is replaced by the next build without -force (it holds reports, not an image to protect).
   */
  static final String FAILED_MARK = ".ingot-failed-build";

  private OutputDirs() {}

  /** Problems that stop the run before it starts, one line each. */
  static List<String> check(List<PlannedBuild> builds, Path cwd, Path templateDir, boolean force) {
    List<String> problems = new ArrayList<>();
    for (PlannedBuild b : builds) {
      Path out = b.outputDir(cwd);
      if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
        // A build that makes nothing and post-processes nothing writes nothing there (null).
        boolean writes =
            b.source().produces(b.sourceConfig()) != dev.ingot.artifact.NoArtifact.class
                || !b.chains().isEmpty();
        String why = writes ? cannotCreate(out) : null;
        if (why != null) {
          problems.add(
              b.buildName() + ": Cannot create output directory " + shown(cwd, out) + ": " + why);
        }
        continue;
      }
      if (!force) {
        if (leftByFailedBuild(out)) {
          continue; // the run replaces it
        }
        problems.add(
            b.buildName()
                + ": Output directory exists: "
                + shown(cwd, out)
                + ". Use the -force flag to delete it prior to building.");
      } else if (protectedPath(out, cwd, templateDir)) {
        problems.add(
            b.buildName()
                + ": Refusing to delete output directory "
                + out
                + ": it holds the working or template directory. Set output_directory to a"
                + " directory of its own.");
      }
    }
    return problems;
  }

  /**
   * Why {@code out}, which does not exist, cannot be made, or null: its nearest existing ancestor
   * is a file, or a directory this user cannot write. Found before anything runs; the build found
   * it after its source step, naming a directory that did not exist.
   */
  private static String cannotCreate(Path out) {
    Path p = out.toAbsolutePath().normalize().getParent();
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    if (p == null) {
      return null;
    }
    if (!Files.isDirectory(p)) {
      return p + " is a file, not a directory";
    }
    if (!Files.isWritable(p)) {
      return p
          + " is not writable by this user; set output_directory, or run from another directory";
    }
    return null;
  }

  /** Deletes an output directory (for -force before a build, or after a failed build). */
  static void delete(Path out, Path cwd, Path templateDir) throws IOException {
    if (!protectedPath(out, cwd, templateDir)) {
      AtomicOutput.deleteTree(out);
    }
  }

  /**
   * Deletes a failed build's output directory except {@code keep} (files inside it that explain the
   * failure) and the directories holding them; returns the files kept. With nothing to keep this is
   * {@link #delete}.
   */
  static List<Path> deleteExcept(Path out, Path cwd, Path templateDir, List<Path> keep)
      throws IOException {
    Path root = out.toAbsolutePath().normalize();
    Set<Path> kept = new LinkedHashSet<>();
    for (Path k : keep) {
      Path abs = cwd.resolve(k).toAbsolutePath().normalize();
      if (abs.startsWith(root) && !abs.equals(root) && Files.isRegularFile(abs, NOFOLLOW)) {
        kept.add(abs);
      }
    }
    if (kept.isEmpty() || protectedPath(out, cwd, templateDir)) {
      delete(out, cwd, templateDir);
      return List.of();
    }
    AtomicOutput.deleteTreeExcept(root, kept);
    List<String> names = kept.stream().map(k -> root.relativize(k).toString()).toList();
    Files.write(root.resolve(FAILED_MARK), names);
    return List.copyOf(kept);
  }

  /**
   * True when {@code out} holds only what a failed build kept: its mark, the files the mark lists
   * and their directories. Anything else in it (a file added since, a symbolic link) makes it an
   * ordinary output directory again.
   */
  static boolean leftByFailedBuild(Path out) {
    Path mark = out.resolve(FAILED_MARK);
    if (!Files.isDirectory(out, NOFOLLOW) || !Files.isRegularFile(mark, NOFOLLOW)) {
      return false;
    }
    try (java.util.stream.Stream<Path> all = Files.walk(out)) {
      Set<String> listed = Set.copyOf(Files.readAllLines(mark));
      return all.allMatch(
          p ->
              p.equals(out)
                  || p.equals(mark)
                  || Files.isDirectory(p, NOFOLLOW)
                  || (Files.isRegularFile(p, NOFOLLOW)
                      && listed.contains(out.relativize(p).toString())));
    } catch (IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }

  private static boolean protectedPath(Path out, Path cwd, Path templateDir) {
    Path o = out.toAbsolutePath().normalize();
    return o.getParent() == null
        || cwd.toAbsolutePath().normalize().startsWith(o)
        || templateDir.toAbsolutePath().normalize().startsWith(o);
  }

  private static String shown(Path cwd, Path out) {
    Path c = cwd.toAbsolutePath().normalize();
    return out.startsWith(c) ? c.relativize(out).toString() : out.toString();
  }
}
