package dev.ingot.template.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.LocalProcessRunner;
import dev.ingot.plugin.ProcessRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** packer build (1.6.6) resolves the precedence fixture to the values Ingot resolves. */
@Tag("peer")
class PrecedencePeerTest {
  @TempDir Path dir;

  @Test
  void packerResolvesTheSameValues() throws Exception {
    VariablePrecedenceTest.fixture(dir);
    List<String> cmd = new ArrayList<>(List.of("packer", "build"));
    VariablePrecedenceTest.VAR_FILES.forEach(f -> cmd.add("-var-file=" + f));
    VariablePrecedenceTest.VARS.forEach(v -> cmd.addAll(List.of("-var", v)));
    cmd.add(".");
    Map<String, String> env = new HashMap<>(VariablePrecedenceTest.ENV);
    env.put("CHECKPOINT_DISABLE", "1");
    env.put("PACKER_NO_COLOR", "1");
    env.put("HOME", dir.toString());
    ProcessRunner.Result r =
        new LocalProcessRunner()
            .run(cmd, dir, env, null, Duration.ofMinutes(2), new Cancellation());
    assertThat(r.exitCode()).as(String.join("\n", r.output())).isZero();
    String line = r.output().stream().filter(l -> l.contains("VALUES ")).findFirst().orElseThrow();
    Map<String, String> packer = new LinkedHashMap<>();
    for (String kv : line.substring(line.indexOf("VALUES ") + 7).strip().split(" ")) {
      String[] p = kv.split("=", 2);
      packer.put(p[0], p[1]);
    }
    assertThat(packer).isEqualTo(VariablePrecedenceTest.PACKER);
    assertThat(VariablePrecedenceTest.ingot(dir, VariablePrecedenceTest.ENV)).isEqualTo(packer);
  }
}
