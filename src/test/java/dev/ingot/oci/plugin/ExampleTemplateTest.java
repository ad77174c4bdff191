package dev.ingot.oci.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.plugin.Plugin;
import dev.ingot.plugin.PostProcessorPlugin;
import dev.ingot.plugin.SourcePlugin;
import dev.ingot.template.hcl.Attribute;
import dev.ingot.template.hcl.Block;
import dev.ingot.template.hcl.HclParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The example template parses, and every source and post-processor block in it names a plugin and
 * only arguments that plugin declares (a quick check; ContainerImagesExamplePeerTest builds it).
 */
class ExampleTemplateTest {
  @Test
  void examplePartsAreValid() throws Exception {
    Path file = Path.of("examples/container-images.pkr.hcl");
    var parsed = HclParser.parse(Files.readAllBytes(file), file.toString());
    assertThat(parsed.diagnostics().errors()).isEmpty();
    Map<String, Plugin> plugins = new HashMap<>();
    ServiceLoader.load(SourcePlugin.class).forEach(p -> plugins.put("source " + p.type(), p));
    ServiceLoader.load(PostProcessorPlugin.class)
        .forEach(p -> plugins.put("post-processor " + p.type(), p));
    int checked = 0;
    for (Block b : parsed.body().blocks("source")) {
      checked += check(plugins.get("source " + b.labelValues().get(0)), b);
    }
    for (Block build : parsed.body().blocks("build")) {
      for (Block pps : build.body().blocks("post-processors")) {
        for (Block pp : pps.body().blocks("post-processor")) {
          checked += check(plugins.get("post-processor " + pp.labelValues().get(0)), pp);
        }
      }
    }
    assertThat(checked).isEqualTo(4);
  }

  private static int check(Plugin p, Block b) {
    assertThat(p).as(b.header()).isNotNull();
    List<String> args = p.schema().names();
    for (Attribute a : b.body().attributes()) {
      assertThat(args).as(b.header() + " argument " + a.name()).contains(a.name());
    }
    return 1;
  }
}
