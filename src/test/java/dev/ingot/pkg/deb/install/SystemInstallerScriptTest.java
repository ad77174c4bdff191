package dev.ingot.pkg.deb.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.fs.FileTree;
import dev.ingot.pkg.deb.Deb822;
import dev.ingot.plugin.BuildLog;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.LocalProcessRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The script planned for the chroot (pure); the real-mirror system test runs it for real. */
class SystemInstallerScriptTest {
  static UnpackedDeb deb(String name, Map<String, byte[]> files) {
    return new UnpackedDeb(
        Deb822.parseOne("Package: " + name + "\nVersion: 1\nArchitecture: amd64\n"),
        files,
        FileTree.builder().build());
  }

  static String script(boolean system) {
    byte[] sh = "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8);
    return new SystemInstaller(
            null,
            new SystemInstaller.Settings(
                Path.of("/nonexistent"),
                "amd64",
                1_700_000_000L,
                system,
                BuildLog.NONE,
                new LocalProcessRunner(),
                new Cancellation()))
        .script(
            List.of(
                deb("base-passwd", Map.of("preinst", sh)),
                deb("initramfs-tools", Map.of("postinst", sh, "triggers", sh))));
  }

  @Test
  void initramfsIsMadeOnceAfterEverythingIsConfigured() {
    String s = script(true);
    int stub = s.indexOf("mv \"$ui\" \"$ui.ingot\"");
    int preinst = s.indexOf("base-passwd.preinst install");
    int configure = s.indexOf("dpkg --configure -a\n");
    int restore = s.indexOf("mv -f \"$ui.ingot\" \"$ui\"");
    int once = s.indexOf("update-initramfs -c -k all;");
    assertThat(stub).isPositive().isLessThan(preinst);
    assertThat(preinst).isLessThan(configure);
    assertThat(configure).isLessThan(restore);
    assertThat(restore).isLessThan(once);
    assertThat(s.indexOf("update-initramfs -c -k all;", once + 1)).isNegative();
    // No trigger is activated by hand: dpkg drops activations for packages not yet configured.
    assertThat(s).doesNotContain("dpkg-trigger");
  }

  @Test
  void systemVariantLeavesAnUninitializedMachineIdMinbaseAnEmptyOne() {
    assertThat(script(true)).contains("printf 'uninitialized\\n' > /etc/machine-id");
    assertThat(script(false)).doesNotContain("uninitialized").contains(": > /etc/machine-id");
  }
}
