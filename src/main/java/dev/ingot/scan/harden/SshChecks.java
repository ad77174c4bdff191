package dev.ingot.scan.harden;

import static dev.ingot.scan.cvss.Rating.HIGH;
import static dev.ingot.scan.cvss.Rating.MEDIUM;

import dev.ingot.fs.FileEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The sshd checks of the baseline: settings, and modes of the config and host keys. */
final class SshChecks {
  private SshChecks() {}

  static List<HardeningCheck> all() {
    return List.of(
        setting(
            new Check(
                "ssh.permit-root-login",
                "sshd refuses root logins",
                HIGH,
                "Logging in as root directly leaves no trace of who did it and gives a password"
                    + " guesser the most valuable account.",
                "Set 'PermitRootLogin no' in /etc/ssh/sshd_config (before any Match block)."),
            "permitrootlogin",
            "prohibit-password",
            v -> v.equals("no")),
        setting(
            new Check(
                "ssh.permit-empty-passwords",
                "sshd refuses empty passwords",
                HIGH,
                "An account with an empty password would be open to anyone who can reach sshd.",
                "Set 'PermitEmptyPasswords no' in /etc/ssh/sshd_config."),
            "permitemptypasswords",
            "no",
            v -> v.equals("no")),
        setting(
            new Check(
                "ssh.max-auth-tries",
                "sshd allows at most 4 authentication attempts per connection",
                MEDIUM,
                "Fewer attempts per connection slow down password guessing.",
                "Set 'MaxAuthTries 4' (or lower) in /etc/ssh/sshd_config."),
            "maxauthtries",
            "6",
            v -> v.matches("\\d+") && Integer.parseInt(v) <= 4),
        HardeningCheck.of(
            new Check(
                "ssh.config-permissions",
                "sshd_config is owned by root and not readable by others",
                MEDIUM,
                "The sshd configuration reveals the authentication setup and must not be changed"
                    + " by anyone but root.",
                "chown root:root /etc/ssh/sshd_config && chmod 600 /etc/ssh/sshd_config"),
            (c, f) -> {
              Optional<FileEntry> e = f.root.resolve(SshdConfig.PATH);
              if (e.isEmpty()) {
                return CheckResult.notApplicable(c, "sshd is not installed (no sshd_config)");
              }
              return FileChecks.modeCheck(c, List.of(e.get()), 0600, List.of(0), f);
            }),
        HardeningCheck.of(
            new Check(
                "ssh.host-keys",
                "ssh host private keys are 0600 root:root, public keys 0644",
                HIGH,
                "A readable host private key lets anyone impersonate the server.",
                "chmod 600 /etc/ssh/ssh_host_*_key; chmod 644 /etc/ssh/ssh_host_*_key.pub;"
                    + " chown root:root /etc/ssh/ssh_host_*"),
            SshChecks::hostKeys));
  }

  private static HardeningCheck setting(
      Check c, String key, String sshdDefault, java.util.function.Predicate<String> ok) {
    return HardeningCheck.of(
        c,
        (check, f) -> {
          Optional<Map<String, String>> cfg = f.sshd();
          if (cfg.isEmpty()) {
            return CheckResult.notApplicable(check, "sshd is not installed (no sshd_config)");
          }
          String v = cfg.get().get(key);
          String shown = v == null ? sshdDefault + " (sshd's default; not set)" : v;
          String value = (v == null ? sshdDefault : v).toLowerCase(Locale.ROOT);
          return ok.test(value)
              ? CheckResult.pass(check, key + " is " + shown)
              : CheckResult.fail(check, List.of("/etc/ssh/sshd_config: " + key + " is " + shown));
        });
  }

  private static CheckResult hostKeys(Check c, RootFacts f) throws IOException {
    List<FileEntry> priv = new ArrayList<>();
    List<FileEntry> pub = new ArrayList<>();
    for (String n : f.root.list("etc/ssh")) {
      if (n.startsWith("ssh_host_")) {
        Optional<FileEntry> e = f.root.resolve("etc/ssh/" + n);
        if (e.isPresent() && e.get().isRegular()) {
          (n.endsWith(".pub") ? pub : priv).add(e.get());
        }
      }
    }
    if (priv.isEmpty() && pub.isEmpty()) {
      return CheckResult.notApplicable(
          c, "no host keys in /etc/ssh (they are made on first boot, which is good)");
    }
    CheckResult a = FileChecks.modeCheck(c, priv, 0600, List.of(0), f);
    CheckResult b = FileChecks.modeCheck(c, pub, 0644, List.of(0), f);
    if (a.failed() || b.failed()) {
      List<String> d = new ArrayList<>();
      if (a.failed()) {
        d.addAll(a.details());
      }
      if (b.failed()) {
        d.addAll(b.details());
      }
      return CheckResult.fail(c, d);
    }
    return CheckResult.pass(c, (priv.size() + pub.size()) + " host key files have safe modes");
  }
}
