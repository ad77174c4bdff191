package dev.ingot.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ingot.plugin.Plugin;
import dev.ingot.plugin.PostProcessorPlugin;
import dev.ingot.plugin.SourcePlugin;
import dev.ingot.template.hcl.Attribute;
import dev.ingot.template.hcl.Block;
import dev.ingot.template.hcl.Body;
import dev.ingot.template.hcl.HclParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@code hcl} example in the README parses, and its source and post-processor blocks use only
 * arguments their plugin has: users paste them (the VM image examples put several arguments in
 * one-line blocks, which HCL refuses).
 */
class ReadmeHclTest {
  private static final Pattern FENCE = Pattern.compile("(?ms)^```hcl\\n(.*?)^```");
  // Arguments every post-processor takes, handled by the build rather than the plugin.
  private static final Set<String> COMMON = Set.of("keep_input_artifact", "only", "except", "name");

  record Example(int line, String text) {}

  private static List<Example> examples() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    List<Example> out = new ArrayList<>();
    Matcher m = FENCE.matcher(readme);
    while (m.find()) {
      int line = (int) readme.substring(0, m.start()).lines().count() + 1;
      // "{ … }" stands for a body the text leaves out.
      out.add(new Example(line, m.group(1).replace("{ … }", "{}")));
    }
    return out;
  }

  @Test
  void everyExampleParsesAndNamesOnlyRealArguments() throws Exception {
    Map<String, Plugin> plugins = new HashMap<>();
    ServiceLoader.load(SourcePlugin.class).forEach(p -> plugins.put("source " + p.type(), p));
    ServiceLoader.load(PostProcessorPlugin.class)
        .forEach(p -> plugins.put("post-processor " + p.type(), p));
    List<Example> all = examples();
    assertThat(all).hasSizeGreaterThanOrEqualTo(10);
    int checked = 0;
    for (Example e : all) {
      String name = "README.md:" + e.line();
      var parsed = HclParser.parse(e.text().getBytes(StandardCharsets.UTF_8), name);
      assertThat(parsed.diagnostics().errors()).as(name + "\n" + e.text()).isEmpty();
      checked += checkBlocks(parsed.body(), plugins, name);
    }
    assertThat(checked).isGreaterThanOrEqualTo(15);
  }

  private static int checkBlocks(Body body, Map<String, Plugin> plugins, String where) {
    int n = 0;
    for (Block b : body.blocks()) {
      boolean plugin =
          (b.type().equals("source") && b.labels().size() == 2)
              || b.type().equals("post-processor");
      if (plugin) {
        Plugin p = plugins.get(b.type() + " " + b.labelValues().get(0));
        assertThat(p).as(where + ": " + b.header()).isNotNull();
        List<String> args = p.schema().names();
        for (Attribute a : b.body().attributes()) {
          if (!COMMON.contains(a.name())) {
            assertThat(args)
                .as(where + ": " + b.header() + " argument " + a.name())
                .contains(a.name());
          }
        }
        n++;
      } else {
        n += checkBlocks(b.body(), plugins, where);
      }
    }
    return n;
  }
}
