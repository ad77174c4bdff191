package dev.ingot.pkg.deb.lock;

import dev.ingot.pkg.deb.DebVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Compares a lock with a fresh resolution: which pinned packages have newer versions. Pure. */
public final class Outdated {
  /** A newer version of a locked package; {@code security} when it comes from a security suite. */
  public record Update(
      String name, String locked, String available, String suite, boolean security) {}

  private Outdated() {}

  /** Packages of {@code locked} with a higher version in {@code fresh}, sorted by name. */
  public static List<Update> updates(Lock locked, Lock fresh) {
    Map<String, LockedPackage> now =
        fresh.packages().stream()
            .collect(Collectors.toMap(LockedPackage::name, Function.identity()));
    List<Update> out = new ArrayList<>();
    for (LockedPackage p : locked.packages()) {
      LockedPackage n = now.get(p.name());
      if (n != null && DebVersion.compare(n.version(), p.version()) > 0) {
        out.add(
            new Update(
                p.name(), p.version(), n.version(), n.suite(), n.suite().contains("security")));
      }
    }
    return out;
  }
}
