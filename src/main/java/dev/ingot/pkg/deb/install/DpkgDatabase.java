package dev.ingot.pkg.deb.install;

import dev.ingot.fs.FileEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Writes the dpkg database of packages that are unpacked but not configured, exactly as {@code dpkg
 * --unpack} leaves it: {@code status} with "install ok unpacked" and conffiles marked {@code
 * newconffile}, {@code info/<pkg>.list}, md5sums, conffiles and maintainer scripts, and the empty
 * files and directories dpkg expects. {@code dpkg --configure -a} in the chroot then runs the
 * postinst scripts in dependency order and records the conffile hashes. Not thread-safe.
 */
public final class DpkgDatabase {
  static final Set<String> SCRIPTS = Set.of("preinst", "postinst", "prerm", "postrm", "config");

  private final DistrolessFiles files;
  private final StringBuilder status = new StringBuilder();

  public DpkgDatabase(DistrolessFiles files) {
    this.files = files;
  }

  /** dpkg's name for a package's info files: {@code name:arch} for Multi-Arch: same. */
  public static String infoName(UnpackedDeb d) {
    return d.control().get("Multi-Arch", "no").strip().equals("same")
        ? d.name() + ":" + d.architecture()
        : d.name();
  }

  /** Records one package; {@code owned} are the tree paths its data tar put there. */
  public void add(TreeMerger m, UnpackedDeb d, List<String> owned) {
    files.dirWithParents(m, "var/lib/dpkg/info", 0755, 0, 0);
    String info = "var/lib/dpkg/info/" + infoName(d);
    StringBuilder list = new StringBuilder("/.\n");
    for (FileEntry e : d.data().entries()) {
      if (!e.path().isEmpty()) {
        list.append('/').append(e.path()).append('\n');
      }
    }
    m.put(files.file(info + ".list", list.toString(), 0644));
    for (var e : d.controlFiles().entrySet()) {
      m.put(
          files.file(
              info + "." + e.getKey(), e.getValue(), SCRIPTS.contains(e.getKey()) ? 0755 : 0644));
    }
    var p = d.control().withAfter("Package", "Status", "install ok unpacked");
    List<String> conf = d.conffiles();
    if (!conf.isEmpty()) {
      StringBuilder c = new StringBuilder();
      for (String f : conf) {
        c.append("\n ").append(f).append(" newconffile");
      }
      p = p.with("Conffiles", c.toString());
    }
    status.append(p).append('\n');
  }

  /** Writes status and dpkg's other state files; call after the last {@link #add}. */
  public void finish(TreeMerger m) {
    m.put(
        files.file(
            "var/lib/dpkg/status", status.toString().getBytes(StandardCharsets.UTF_8), 0644));
    for (String f : List.of("available", "diversions", "statoverride")) {
      if (!m.contains("var/lib/dpkg/" + f)) {
        m.put(files.file("var/lib/dpkg/" + f, "", 0644));
      }
    }
    for (String d : List.of("updates", "triggers", "alternatives", "parts")) {
      files.dirWithParents(m, "var/lib/dpkg/" + d, 0755, 0, 0);
    }
  }
}
