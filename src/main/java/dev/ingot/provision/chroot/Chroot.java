package dev.ingot.provision.chroot;

import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs commands inside a root filesystem directory: {@code unshare} gives the command its own
 * mount, pid, uts and ipc namespaces (and network, unless {@code network}), a small shell inside
 * the new mount namespace mounts {@code /proc}, {@code /sys} (read-only) and a fresh {@code /dev}
 * (tmpfs with the usual nodes, devpts), and {@code chroot} enters the root. All mounts live in the
 * namespace, so they vanish with the command whatever happens: nothing to unmount, nothing leaked
 * on the host. Needs root. The command lines are planned by pure methods ({@link #command}) so
 * tests can check them. Thread-safe.
 */
public final class Chroot {
  private final Path root;
  private final ProcessRunner runner;
  private final Cancellation cancellation;
  private final boolean network;

  public Chroot(Path root, ProcessRunner runner, Cancellation cancellation, boolean network) {
    this.root = root;
    this.runner = runner;
    this.cancellation = cancellation;
    this.network = network;
  }

  public Path root() {
    return root;
  }

  /** Fails with a message that says so unless we are root (namespaces, mounts, chown need it). */
  public static void requireRoot(ProcessRunner runner, String what) throws IOException {
    ProcessRunner.Result r = runner.run(List.of("id", "-u"));
    if (!r.ok() || r.output().isEmpty() || !r.output().get(0).strip().equals("0")) {
      throw new ChrootException(
          what
              + " needs root (it mounts /proc and /dev and runs a chroot);"
              + " run Ingot as root, or use variant = \"distroless\", which needs no privileges");
    }
  }

  /**
   * Makes device nodes and fifos for {@link dev.ingot.fs.TreeExporter} with mknod/mkfifo (and sets
   * their times with touch -h); see {@link dev.ingot.plugin.ProcessNodeMaker}.
   */
  public static dev.ingot.fs.TreeExporter.NodeMaker nodeMaker(ProcessRunner runner) {
    return new dev.ingot.plugin.ProcessNodeMaker(runner);
  }

  /** Runs getfattr/setfattr for {@link dev.ingot.fs.XattrDump} on the host. */
  public static dev.ingot.fs.XattrDump.Runner attrTools(ProcessRunner runner) {
    return cmd -> {
      ProcessRunner.Result r;
      try {
        r = runner.run(cmd);
      } catch (IOException e) {
        throw new ChrootException(
            "cannot run " + cmd.get(0) + " (install the attr package): " + e.getMessage());
      }
      if (!r.ok()) {
        throw new ChrootException(
            String.join(" ", cmd)
                + " failed (exit "
                + r.exitCode()
                + "): "
                + String.join("\n", r.output())
                + (r.exitCode() == 127 ? " (install the attr package)" : ""));
      }
    };
  }

  /** Runs {@code script} with /bin/sh -c inside the root; output lines go to {@code lines}. */
  public int exec(String script, Map<String, String> env, Consumer<String> lines)
      throws IOException {
    if (!Files.isRegularFile(root.resolve("bin/sh"))
        && !Files.isSymbolicLink(root.resolve("bin/sh"))
        && !Files.exists(root.resolve("usr/bin/sh"))) {
      throw new ChrootException(
          "the root filesystem has no /bin/sh (a distroless tree?), so commands cannot run in it;"
              + " use variant = \"minbase\" or \"system\", or install a shell package");
    }
    return runner.run(command(script, env), null, Map.of(), lines, null, cancellation).exitCode();
  }

  /** The full command line for {@code script}: unshare, mounts, chroot, env -i, sh -c. */
  public List<String> command(String script, Map<String, String> env) {
    List<String> c =
        new ArrayList<>(
            List.of("unshare", "--mount", "--pid", "--uts", "--ipc", "--fork", "--kill-child"));
    if (!network) {
      c.add("--net");
    }
    c.add("--propagation");
    c.add("private");
    c.addAll(List.of("/bin/sh", "-c", setup(), "ingot-chroot", root.toString()));
    // The host's env(1) clears the environment before chroot: nothing of Ingot's leaks inside.
    c.addAll(List.of("env", "-i"));
    Map<String, String> e =
        new TreeMap<>(
            Map.of(
                "PATH",
                "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "HOME",
                "/root",
                "LC_ALL",
                "C.UTF-8",
                "TERM",
                "dumb"));
    e.putAll(env);
    e.forEach((k, v) -> c.add(k + "=" + v));
    c.addAll(List.of("chroot", root.toString(), "/bin/sh", "-c", script));
    return c;
  }

  /**
   * The namespace setup, run by the host's /bin/sh with the root as $1 and the command after it
   * (env -i, chroot, the script). {@code /dev} gets only the nodes a build needs (no host disks).
   */
  static String setup() {
    return String.join(
        "\n",
        "set -e",
        "r=\"$1\"; shift",
        "hostname localhost",
        "mkdir -p \"$r/proc\" \"$r/sys\" \"$r/dev\" \"$r/tmp\"",
        "mount -t proc proc \"$r/proc\"",
        "mount -t sysfs -o ro sysfs \"$r/sys\" 2>/dev/null || mount --rbind -o ro /sys \"$r/sys\"",
        "mount -t tmpfs -o mode=0755,nosuid dev \"$r/dev\"",
        "for n in null:1:3 zero:1:5 full:1:7 random:1:8 urandom:1:9 tty:5:0; do",
        "  IFS=: read name ma mi <<EOF",
        "$n",
        "EOF",
        "  mknod -m 666 \"$r/dev/$name\" c $ma $mi",
        "done",
        "mkdir -p \"$r/dev/pts\" \"$r/dev/shm\"",
        "mount -t devpts -o newinstance,ptmxmode=0666,mode=620 devpts \"$r/dev/pts\"",
        "ln -s pts/ptmx \"$r/dev/ptmx\"; ln -s /proc/self/fd \"$r/dev/fd\"",
        "ln -s /proc/self/fd/0 \"$r/dev/stdin\"; ln -s /proc/self/fd/1 \"$r/dev/stdout\"; ln -s /proc/self/fd/2 \"$r/dev/stderr\"",
        "mount -t tmpfs -o mode=1777 shm \"$r/dev/shm\"",
        "exec \"$@\"");
  }
}
