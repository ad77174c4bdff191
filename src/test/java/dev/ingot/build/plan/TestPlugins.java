package dev.ingot.build.plan;

import dev.ingot.artifact.Artifact;
import dev.ingot.artifact.DiskImage;
import dev.ingot.artifact.NoArtifact;
import dev.ingot.artifact.RootFs;
import dev.ingot.plugin.Arg;
import dev.ingot.plugin.ArgType;
import dev.ingot.plugin.Communicator;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.PostProcessorPlugin;
import dev.ingot.plugin.ProvisionerPlugin;
import dev.ingot.plugin.Schema;
import dev.ingot.plugin.SourcePlugin;
import dev.ingot.plugin.StepContext;
import java.util.Optional;
import java.util.Set;

/** Minimal plugins with declared artifact types, for plan checks. */
final class TestPlugins {
  private TestPlugins() {}

  record Source(String type, Class<? extends Artifact> makes, boolean comm)
      implements SourcePlugin {
    @Override
    public Schema schema() {
      return Schema.of(Arg.optional("output_directory", ArgType.STRING, null, ""));
    }

    @Override
    public String description() {
      return "test source";
    }

    @Override
    public Artifact build(Config config, StepContext ctx) {
      return new NoArtifact();
    }

    @Override
    public Class<? extends Artifact> produces(Config config) {
      return makes;
    }

    @Override
    public boolean hasCommunicator() {
      return comm;
    }
  }

  record Prov(String type, boolean needs) implements ProvisionerPlugin {
    @Override
    public Schema schema() {
      return Schema.of();
    }

    @Override
    public String description() {
      return "test provisioner";
    }

    @Override
    public void provision(Config config, Optional<Communicator> c, StepContext ctx) {}

    @Override
    public boolean needsCommunicator() {
      return needs;
    }
  }

  /** Accepts {@code in} (empty: anything) and makes {@code out}. */
  record Post(String type, Set<Class<? extends Artifact>> in, Class<? extends Artifact> out)
      implements PostProcessorPlugin {
    @Override
    public Schema schema() {
      return Schema.of();
    }

    @Override
    public String description() {
      return "test post-processor";
    }

    @Override
    public Set<Class<? extends Artifact>> accepts() {
      return in;
    }

    @Override
    public Artifact process(Config config, Artifact input, StepContext ctx) {
      return input;
    }

    @Override
    public Class<? extends Artifact> produces(Class<? extends Artifact> input, Config config) {
      return out;
    }
  }

  static Source rootfsSource() {
    return new Source("debian", RootFs.class, true);
  }

  static Post disk() {
    return new Post("disk", Set.of(RootFs.class), DiskImage.class);
  }
}
