package dev.ingot.scan.harden;

import static dev.ingot.scan.cvss.Rating.HIGH;
import static dev.ingot.scan.cvss.Rating.LOW;
import static dev.ingot.scan.cvss.Rating.MEDIUM;

import dev.ingot.fs.FileEntry;
import dev.ingot.fs.FileType;
import dev.ingot.fs.FsPaths;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The file-permission checks of the baseline. */
final class FileChecks {
  private static final int MAX_LISTED = 20;

  private FileChecks() {}

  static List<HardeningCheck> all() {
    return List.of(
        account("files.shadow", "/etc/shadow", 0640, HIGH, "password hashes"),
        account("files.gshadow", "/etc/gshadow", 0640, HIGH, "group password hashes"),
        account("files.passwd", "/etc/passwd", 0644, MEDIUM, "the account list"),
        account("files.group", "/etc/group", 0644, MEDIUM, "group membership"),
        HardeningCheck.of(
            new Check(
                "files.world-writable",
                "no world-writable files outside sticky directories",
                MEDIUM,
                "Anyone on the system can change a world-writable file, and can replace files"
                    + " in a world-writable directory unless it is sticky.",
                "chmod o-w the files listed, or chmod +t a directory that must be shared"),
            FileChecks::worldWritable),
        HardeningCheck.of(
            new Check(
                "files.unowned",
                "every file is owned by a known user and group",
                LOW,
                "Files of a user or group that does not exist are taken over by whoever gets"
                    + " that id next.",
                "chown the files listed to an existing user and group (often root:root)"),
            FileChecks::unowned),
        HardeningCheck.of(
            new Check(
                "files.tmp-sticky",
                "/tmp has the sticky bit",
                MEDIUM,
                "Without the sticky bit any user can delete or replace other users' files in"
                    + " /tmp.",
                "chmod 1777 /tmp"),
            (c, f) -> {
              Optional<FileEntry> tmp = f.root.resolve("tmp");
              if (tmp.isEmpty() || !tmp.get().isDirectory()) {
                return CheckResult.notApplicable(c, "no /tmp directory in the image");
              }
              return (tmp.get().mode() & 01000) != 0
                  ? CheckResult.pass(c, "/tmp mode " + octal(tmp.get().mode()))
                  : CheckResult.fail(c, List.of("/tmp mode " + octal(tmp.get().mode())));
            }));
  }

  private static HardeningCheck account(
      String id, String path, int maxMode, dev.ingot.scan.cvss.Rating sev, String what) {
    boolean secret = maxMode == 0640;
    return HardeningCheck.of(
        new Check(
            id,
            path
                + " is "
                + octal(maxMode)
                + " or stricter, owned by root"
                + (secret ? " (group root or shadow)" : ":root"),
            sev,
            path
                + " holds "
                + what
                + (secret
                    ? "; only root and the shadow group may read it."
                    : "; only root may change it."),
            "chown root:"
                + (secret ? "shadow " : "root ")
                + path
                + " && chmod "
                + octal(maxMode)
                + " "
                + path),
        (c, f) -> {
          Optional<FileEntry> e = f.root.resolve(path);
          if (e.isEmpty()) {
            return CheckResult.notApplicable(c, path + " does not exist");
          }
          List<Integer> gids = new ArrayList<>(List.of(0));
          if (secret) {
            for (String[] g : f.group()) {
              if (g.length >= 3 && g[0].equals("shadow")) {
                gids.add(Integer.parseInt(g[2].strip()));
              }
            }
          }
          return modeCheck(c, List.of(e.get()), maxMode, gids, f);
        });
  }

  /** Fails for files with mode bits beyond {@code maxMode}, a non-root owner or another group. */
  static CheckResult modeCheck(
      Check c, List<FileEntry> files, int maxMode, List<Integer> gids, RootFacts f) {
    List<String> bad = new ArrayList<>();
    for (FileEntry e : files) {
      List<String> why = new ArrayList<>();
      if ((e.mode() & ~maxMode) != 0) {
        why.add("mode " + octal(e.mode()) + " (at most " + octal(maxMode) + ")");
      }
      if (e.uid() != 0) {
        why.add("owner uid " + e.uid());
      }
      if (!gids.contains(e.gid())) {
        why.add("group gid " + e.gid());
      }
      if (!why.isEmpty()) {
        bad.add("/" + e.path() + ": " + String.join(", ", why));
      }
    }
    return bad.isEmpty()
        ? CheckResult.pass(c, files.size() + " file(s) checked")
        : CheckResult.fail(c, bad);
  }

  private static CheckResult worldWritable(Check c, RootFacts f) throws IOException {
    Map<String, FileEntry> dirs = new HashMap<>();
    List<FileEntry> all = f.entries();
    for (FileEntry e : all) {
      if (e.isDirectory()) {
        dirs.put(e.path(), e);
      }
    }
    List<String> bad = new ArrayList<>();
    int count = 0;
    for (FileEntry e : all) {
      if ((e.mode() & 0002) == 0 || skipped(e)) {
        continue;
      }
      if (e.isDirectory()) {
        if ((e.mode() & 01000) == 0) {
          count++;
          add(bad, "/" + e.path() + "/ is a world-writable directory without the sticky bit");
        }
        continue;
      }
      FileEntry parent = dirs.get(FsPaths.parent(e.path()));
      if (parent == null || (parent.mode() & 01000) == 0) {
        count++;
        add(bad, "/" + e.path() + " is world-writable (mode " + octal(e.mode()) + ")");
      }
    }
    if (count > MAX_LISTED) {
      bad.add("… and " + (count - MAX_LISTED) + " more");
    }
    return bad.isEmpty()
        ? CheckResult.pass(c, "no world-writable files outside sticky directories")
        : CheckResult.fail(c, bad);
  }

  private static CheckResult unowned(Check c, RootFacts f) throws IOException {
    if (f.passwd().isEmpty()) {
      return CheckResult.notApplicable(c, "no /etc/passwd (an image without accounts)");
    }
    Map<Integer, String> users = f.ids(f.passwd());
    Map<Integer, String> groups = f.ids(f.group());
    List<String> bad = new ArrayList<>();
    int count = 0;
    for (FileEntry e : f.entries()) {
      boolean u = !users.containsKey(e.uid());
      boolean g = !groups.isEmpty() && !groups.containsKey(e.gid());
      if (u || g) {
        count++;
        add(
            bad,
            "/"
                + e.path()
                + ": "
                + (u ? "uid " + e.uid() + " " : "")
                + (g ? "gid " + e.gid() : "")
                + " unknown");
      }
    }
    if (count > MAX_LISTED) {
      bad.add("… and " + (count - MAX_LISTED) + " more");
    }
    return bad.isEmpty()
        ? CheckResult.pass(c, "all files have known owners")
        : CheckResult.fail(c, bad);
  }

  /** Links have no meaningful mode, and device nodes such as /dev/null are meant to be shared. */
  private static boolean skipped(FileEntry e) {
    return e.type() == FileType.SYMLINK
        || e.type() == FileType.CHAR_DEVICE
        || e.type() == FileType.BLOCK_DEVICE
        || e.path().startsWith("proc/")
        || e.path().startsWith("sys/");
  }

  private static void add(List<String> bad, String s) {
    if (bad.size() < MAX_LISTED) {
      bad.add(s);
    }
  }

  static String octal(int mode) {
    return String.format("%04o", mode);
  }
}
