package dev.ingot.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ingot.diag.DiagnosticsException;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.TestContexts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellProvisionersTest {
  @TempDir Path dir;
  private final TestContexts.RecordingLog log = new TestContexts.RecordingLog();

  @Test
  void shellLocalInlineSeesPackerVariablesAndStreamsOutput() throws Exception {
    Config c =
        Config.of(
            Map.of(
                "inline",
                    List.of(
                        "echo build=$PACKER_BUILD_NAME type=$PACKER_BUILDER_TYPE",
                        "echo \"$GREETING\" >&2",
                        "pwd"),
                "environment_vars", List.of("GREETING=it's me"),
                "execute_command", List.of("/bin/sh", "-c", "{{.Vars}} {{.Script}}"),
                "inline_shebang", "/bin/sh -e"));
    new ShellLocalProvisioner().provision(c, Optional.empty(), TestContexts.of(dir, log));
    assertThat(log.output()).containsExactly("build=example type=null", "it's me", dir.toString());
    assertThat(log.lines().get(0)).startsWith("info: Running local shell script: ");
  }

  @Test
  void shellLocalFailsWithTheExitCodeAndRunsScriptsInOrder() throws Exception {
    Files.writeString(dir.resolve("one.sh"), "echo one\n");
    Files.writeString(dir.resolve("two.sh"), "echo two; exit 3\n");
    Config c =
        Config.of(
            Map.of(
                "scripts",
                List.of("one.sh", "two.sh"),
                "execute_command",
                List.of("/bin/sh", "-c", "{{.Vars}} {{.Script}}")));
    assertThatThrownBy(
            () ->
                new ShellLocalProvisioner()
                    .provision(c, Optional.empty(), TestContexts.of(dir, log)))
        .isInstanceOf(ShellException.class)
        .hasMessageContaining("non-zero exit status: 3")
        .satisfies(e -> assertThat(((ShellException) e).exitCode()).isEqualTo(3));
    assertThat(log.output()).containsExactly("one", "two");
  }

  @Test
  void shellLocalArgumentMistakesAreDiagnostics() {
    Config both = Config.of(Map.of("inline", List.of("true"), "command", "true"));
    assertThatThrownBy(
            () ->
                new ShellLocalProvisioner()
                    .provision(both, Optional.empty(), TestContexts.of(dir, log)))
        .isInstanceOf(DiagnosticsException.class)
        .hasMessage("Only one of command, inline, script or scripts can be set");
    Config missing = Config.of(Map.of("script", "nope.sh"));
    assertThatThrownBy(
            () ->
                new ShellLocalProvisioner()
                    .provision(missing, Optional.empty(), TestContexts.of(dir, log)))
        .isInstanceOf(DiagnosticsException.class)
        .hasMessage("Script not found: nope.sh");
  }

  @Test
  void shellLocalOnlyOnOtherOsIsSkipped() throws Exception {
    Config c = Config.of(Map.of("inline", List.of("exit 1"), "only_on", List.of("darwin")));
    new ShellLocalProvisioner().provision(c, Optional.empty(), TestContexts.of(dir, log));
    assertThat(log.lines())
        .containsExactly("info: Skipping shell-local: only_on does not include linux");
  }

  @Test
  void cancellationKillsTheWholeProcessTree() throws Exception {
    Path pid = dir.resolve("pid");
    Config c =
        Config.of(
            Map.of(
                "inline", List.of("sleep 300 & echo $! > " + pid, "wait"),
                "execute_command", List.of("/bin/sh", "-c", "{{.Vars}} {{.Script}}")));
    Cancellation cancel = new Cancellation();
    Thread t =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    new ShellLocalProvisioner()
                        .provision(c, Optional.empty(), TestContexts.of(dir, log, cancel));
                  } catch (Cancellation.CancelledException expected) {
                    log.info("cancelled");
                  } catch (Exception e) {
                    log.warn(e.toString());
                  }
                });
    long child = ShellTestSupport.waitForPid(pid);
    cancel.cancel();
    t.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(t.isAlive()).isFalse();
    assertThat(log.lines()).contains("info: cancelled");
    assertThat(ShellTestSupport.waitGone(child)).as("sleep child killed").isTrue();
  }

  @Test
  void shellRunsUploadedScriptsInTheTargetAndCleansUp() throws Exception {
    Path remote = Files.createDirectories(dir.resolve("target/tmp"));
    LocalCommunicator comm = new LocalCommunicator(dir);
    Config c =
        Config.of(
            Map.of(
                "inline",
                List.of("echo in target $PACKER_BUILD_NAME $FOO"),
                "environment_vars",
                List.of("FOO=bar"),
                "remote_folder",
                remote.toString(),
                "remote_file",
                "s.sh",
                "execute_command",
                "chmod +x {{.Path}}; {{.Vars}} {{.Path}}",
                "inline_shebang",
                "/bin/sh -e",
                "expect_disconnect",
                true));
    new ShellProvisioner().provision(c, Optional.of(comm), TestContexts.of(dir, log));
    assertThat(log.output()).containsExactly("in target example bar");
    assertThat(comm.commands().get(0))
        .contains("PACKER_BUILD_NAME='example'")
        .endsWith(remote + "/s.sh");
    assertThat(comm.commands().get(1)).isEqualTo("rm -f " + remote + "/s.sh");
    assertThat(remote.resolve("s.sh")).doesNotExist();
  }

  @Test
  void shellFailsOnBadExitUnlessAllowed() throws Exception {
    Path remote = Files.createDirectories(dir.resolve("t"));
    Map<String, Object> base =
        Map.of(
            "inline",
            List.of("exit 4"),
            "remote_folder",
            remote.toString(),
            "execute_command",
            "chmod +x {{.Path}}; {{.Vars}} {{.Path}}",
            "inline_shebang",
            "/bin/sh -e");
    LocalCommunicator comm = new LocalCommunicator(dir);
    assertThatThrownBy(
            () ->
                new ShellProvisioner()
                    .provision(Config.of(base), Optional.of(comm), TestContexts.of(dir, log)))
        .hasMessageContaining("non-zero exit status: 4");
    var allowed = new java.util.HashMap<>(base);
    allowed.put(
        "valid_exit_codes", List.of(java.math.BigDecimal.ZERO, java.math.BigDecimal.valueOf(4)));
    new ShellProvisioner()
        .provision(Config.of(allowed), Optional.of(comm), TestContexts.of(dir, log));
  }

  @Test
  void shellLocalPostProcessorSeesTheArtifactAndPassesItOn() throws Exception {
    Files.writeString(dir.resolve("disk.raw"), "x");
    var input =
        new dev.ingot.artifact.FileSet(
            List.of(Path.of("disk.raw")), new dev.ingot.artifact.NoArtifact());
    Config c =
        Config.of(
            Map.of("inline", List.of("echo \"$INGOT_ARTIFACT_FILES\"", "echo $PACKER_RUN_UUID")));
    var out = new ShellLocalPostProcessor().process(c, input, TestContexts.of(dir, log));
    assertThat(out).isSameAs(input);
    assertThat(log.output())
        .containsExactly(
            dir.resolve("disk.raw").toString(), "11111111-2222-3333-4444-555555555555");
  }
}
