package dev.ingot.scan.harden;

import static dev.ingot.scan.cvss.Rating.HIGH;
import static dev.ingot.scan.cvss.Rating.MEDIUM;

import java.util.ArrayList;
import java.util.List;

/** Account checks (root the only UID 0, no empty passwords) and the sysctl settings. */
final class AccountChecks {
  private AccountChecks() {}

  static List<HardeningCheck> all() {
    return List.of(
        HardeningCheck.of(
            new Check(
                "accounts.uid0",
                "root is the only account with UID 0",
                HIGH,
                "Every UID 0 account is root under another name, and easy to overlook.",
                "Give the accounts listed another UID (usermod -u) or remove them."),
            (c, f) -> {
              if (f.passwd().isEmpty()) {
                return CheckResult.notApplicable(c, "no /etc/passwd");
              }
              List<String> bad = new ArrayList<>();
              for (String[] r : f.passwd()) {
                if (r.length >= 3 && r[2].strip().equals("0") && !r[0].equals("root")) {
                  bad.add("/etc/passwd: " + r[0] + " has UID 0");
                }
              }
              return bad.isEmpty()
                  ? CheckResult.pass(c, "only root has UID 0")
                  : CheckResult.fail(c, bad);
            }),
        HardeningCheck.of(
            new Check(
                "accounts.empty-password",
                "no account has an empty password field",
                HIGH,
                "An empty password field lets anyone log in as that account without a password.",
                "Lock the accounts listed (passwd -l NAME) or set a password."),
            (c, f) -> {
              List<String> bad = new ArrayList<>();
              for (String[] r : f.rows("etc/shadow")) {
                if (r.length >= 2 && r[1].isEmpty()) {
                  bad.add("/etc/shadow: " + r[0] + " has an empty password");
                }
              }
              for (String[] r : f.passwd()) {
                if (r.length >= 2 && r[1].isEmpty()) {
                  bad.add("/etc/passwd: " + r[0] + " has an empty password field");
                }
              }
              if (bad.isEmpty() && f.passwd().isEmpty()) {
                return CheckResult.notApplicable(c, "no /etc/passwd");
              }
              return bad.isEmpty()
                  ? CheckResult.pass(c, "no empty password fields")
                  : CheckResult.fail(c, bad);
            }),
        sysctl(
            "sysctl.ip-forward",
            "net.ipv4.ip_forward",
            "0",
            "0",
            "IPv4 forwarding is off",
            "A host that forwards packets can be used to reach networks behind it."),
        sysctl(
            "sysctl.aslr",
            "kernel.randomize_va_space",
            "2",
            "2",
            "address space layout randomization is full",
            "ASLR makes memory corruption bugs much harder to exploit."),
        sysctl(
            "sysctl.suid-dumpable",
            "fs.suid_dumpable",
            "0",
            "0",
            "setuid programs do not dump core",
            "Core dumps of setuid programs can leak privileged memory such as password"
                + " hashes."));
  }

  private static HardeningCheck sysctl(
      String id, String key, String want, String kernelDefault, String title, String why) {
    return HardeningCheck.of(
        new Check(
            id,
            title + " (" + key + " = " + want + ")",
            MEDIUM,
            why,
            "Add '"
                + key
                + " = "
                + want
                + "' to a file in /etc/sysctl.d/ (e.g. 90-hardening.conf)"
                + " and remove contrary settings."),
        (c, f) -> {
          SysctlSettings.Setting s = f.sysctl().get(key);
          if (s == null) {
            return CheckResult.pass(
                c, key + " is not set; the kernel default (" + kernelDefault + ") applies");
          }
          return s.value().equals(want)
              ? CheckResult.pass(c, key + " = " + s.value() + " in " + s.file())
              : CheckResult.fail(c, List.of(s.file() + ": " + key + " = " + s.value()));
        });
  }
}
