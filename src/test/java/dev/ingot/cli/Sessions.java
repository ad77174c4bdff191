package dev.ingot.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The processes of a session, read from /proc. The machine's /proc lists every process, those in a
 * child PID namespace (a chroot's unshare) too, by their pids here; a process that ended between
 * the listing and the read is left out.
 */
final class Sessions {
  private Sessions() {}

  /** One process: its state letter (R, S, D, Z, …), session id and command line. */
  record Proc(long pid, char state, long session, String cmdline) {
    /** A zombie (Z) is dead and waits for its parent, or the machine's init, to reap it. */
    boolean running() {
      return state != 'Z';
    }
  }

  /** The processes of session {@code sid} that have not ended (zombies excepted). */
  static List<Proc> running(long sid) throws IOException {
    return of(sid).stream().filter(Proc::running).toList();
  }

  /** Every process of session {@code sid}, zombies too. */
  static List<Proc> of(long sid) throws IOException {
    List<Proc> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("/proc"))) {
      for (Path dir : s.filter(d -> d.getFileName().toString().matches("[0-9]+")).toList()) {
        read(dir).filter(p -> p.session() == sid).ifPresent(out::add);
      }
    }
    return out;
  }

  /** The session id of process {@code pid}, -1 once it has ended. */
  static long sessionOf(long pid) throws IOException {
    return read(Path.of("/proc", Long.toString(pid))).map(Proc::session).orElse(-1L);
  }

  private static Optional<Proc> read(Path dir) throws IOException {
    try {
      String stat = Files.readString(dir.resolve("stat"), StandardCharsets.UTF_8);
      // "pid (comm) state ppid pgrp session …": comm may hold spaces and parentheses.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      byte[] cmd = Files.readAllBytes(dir.resolve("cmdline"));
      return Optional.of(
          new Proc(
              Long.parseLong(dir.getFileName().toString()),
              f[0].charAt(0),
              Long.parseLong(f[3]),
              new String(cmd, StandardCharsets.UTF_8).replace('\0', ' ').strip()));
    } catch (java.nio.file.NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      // A process that ends while /proc/PID/cmdline is read fails the read with ESRCH.
      if (Files.exists(dir)) {
        throw e;
      }
      return Optional.empty();
    }
  }
}
