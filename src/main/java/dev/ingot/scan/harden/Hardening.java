package dev.ingot.scan.harden;

import dev.ingot.scan.inventory.RootView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hardening checks, by profile. {@code baseline} holds the checks every golden image should
 * pass: sshd settings, modes and owners of account files and ssh keys, world-writable and unowned
 * files, UID 0, empty passwords, three sysctl settings and a sticky /tmp. Stateless; thread-safe.
 */
public final class Hardening {
  private static final Map<String, List<HardeningCheck>> PROFILES = profiles();

  private Hardening() {}

  /** Profile names that {@code checks = [...]} accepts. */
  public static Set<String> profileNames() {
    return PROFILES.keySet();
  }

  /** The checks of a profile (empty for an unknown name; callers validate names first). */
  public static List<Check> checks(String profile) {
    return PROFILES.getOrDefault(profile, List.of()).stream().map(HardeningCheck::check).toList();
  }

  /** Runs the checks of {@code profiles} on {@code root}, each check once, in profile order. */
  public static List<CheckResult> run(RootView root, List<String> profiles) throws IOException {
    RootFacts facts = new RootFacts(root);
    Map<String, HardeningCheck> chosen = new LinkedHashMap<>();
    for (String p : profiles) {
      for (HardeningCheck c : PROFILES.getOrDefault(p, List.of())) {
        chosen.putIfAbsent(c.check().id(), c);
      }
    }
    List<CheckResult> out = new ArrayList<>();
    for (HardeningCheck c : chosen.values()) {
      out.add(c.run(facts));
    }
    return out;
  }

  private static Map<String, List<HardeningCheck>> profiles() {
    List<HardeningCheck> baseline = new ArrayList<>();
    baseline.addAll(SshChecks.all());
    baseline.addAll(FileChecks.all());
    baseline.addAll(AccountChecks.all());
    return Map.of("baseline", List.copyOf(baseline));
  }
}
