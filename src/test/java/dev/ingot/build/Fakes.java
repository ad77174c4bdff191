package dev.ingot.build;

import dev.ingot.artifact.Artifact;
import dev.ingot.artifact.FileSet;
import dev.ingot.artifact.NoArtifact;
import dev.ingot.build.ui.Event;
import dev.ingot.build.ui.EventSink;
import dev.ingot.plugin.AtomicOutput;
import dev.ingot.plugin.Cancellation;
import dev.ingot.plugin.Communicator;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.PostProcessorPlugin;
import dev.ingot.plugin.ProvisionSession;
import dev.ingot.plugin.ProvisionerPlugin;
import dev.ingot.plugin.Schema;
import dev.ingot.plugin.SourcePlugin;
import dev.ingot.plugin.StepContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Plugins that write what they do into a {@link Journal}, steered by their config. */
final class Fakes {
  private Fakes() {}

  /** What happened, in order, from every thread. */
  static final class Journal {
    private final List<String> entries = new ArrayList<>();

    synchronized void add(String s) {
      entries.add(s);
    }

    synchronized List<String> entries() {
      return List.copyOf(entries);
    }

    synchronized List<String> of(String build) {
      return entries.stream().filter(e -> e.endsWith(" " + build)).toList();
    }
  }

  /** Keeps every event. */
  static final class RecordingSink implements EventSink {
    final List<Event> events = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void accept(Event e) {
      events.add(e);
    }

    <T extends Event> List<T> of(Class<T> c) {
      return events.stream().filter(c::isInstance).map(c::cast).toList();
    }
  }

  /**
   * Source "fake": registers cleanups "a" then "b"; {@code fail}: throws; {@code write}: writes
   * output/&lt;build&gt;/built.txt; {@code session}: opens a provisioning session.
   */
  static final class Source implements SourcePlugin {
    final Journal j;
    final boolean session;

    Source(Journal j, boolean session) {
      this.j = j;
      this.session = session;
    }

    @Override
    public String type() {
      return "fake";
    }

    @Override
    public Schema schema() {
      return Schema.of();
    }

    @Override
    public String description() {
      return "fake source";
    }

    @Override
    public Artifact build(Config c, StepContext ctx) throws Exception {
      String b = ctx.buildName();
      j.add("build " + b);
      ctx.cleanups().add("a", () -> j.add("cleanup a " + b));
      ctx.cleanups().add("b", () -> j.add("cleanup b " + b));
      if (c.bool("fail", false)) {
        throw new IOException("source broke");
      }
      if (c.bool("write", false)) {
        Path target = ctx.outputDir().resolve("built.txt");
        try (AtomicOutput out = AtomicOutput.file(target)) {
          Files.writeString(out.path(), "built");
          out.commit(true);
        }
        return new FileSet(List.of(target), new NoArtifact());
      }
      return new NoArtifact();
    }

    @Override
    public boolean hasCommunicator() {
      return session;
    }

    @Override
    public Optional<ProvisionSession> provisioning(Config c, Artifact a, StepContext ctx) {
      if (!session) {
        return Optional.empty();
      }
      String b = ctx.buildName();
      j.add("session open " + b);
      return Optional.of(
          new ProvisionSession() {
            @Override
            public Communicator communicator() {
              return new dev.ingot.provision.LocalCommunicator(ctx.cwd());
            }

            @Override
            public Artifact finish() {
              j.add("session finish " + b);
              return a;
            }

            @Override
            public void close() {
              j.add("session close " + b);
            }
          });
    }
  }

  /**
   * Provisioner "fake" labelled {@code label}: {@code fail_times} failures before success ({@code
   * -1} always), {@code block} waits for cancellation, {@code barrier} meets the other builds.
   */
  static final class Prov implements ProvisionerPlugin {
    final Journal j;
    final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger maxRunning = new AtomicInteger();
    volatile CyclicBarrier barrier;

    Prov(Journal j) {
      this.j = j;
    }

    @Override
    public String type() {
      return "fake";
    }

    @Override
    public Schema schema() {
      return Schema.of();
    }

    @Override
    public String description() {
      return "fake provisioner";
    }

    @Override
    public boolean needsCommunicator() {
      return false;
    }

    @Override
    public void provision(Config c, Optional<Communicator> comm, StepContext ctx) throws Exception {
      String label = c.string("label", "p");
      String b = ctx.buildName();
      int n = attempts.computeIfAbsent(label + b, k -> new AtomicInteger()).incrementAndGet();
      j.add("prov " + label + " #" + n + (comm.isPresent() ? " with communicator " : " ") + b);
      maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        ctx.cleanups().add("prov", () -> j.add("cleanup prov " + label + " " + b));
        if (c.bool("barrier", false)) {
          barrier.await(20, TimeUnit.SECONDS);
        }
        if (c.bool("block", false)) {
          CountDownLatch l = new CountDownLatch(1);
          try (AutoCloseable h = ctx.cancellation().onCancel(l::countDown)) {
            l.await(60, TimeUnit.SECONDS);
          }
          throw new Cancellation.CancelledException();
        }
        long failTimes = c.longValue("fail_times", 0);
        if (failTimes < 0 || n <= failTimes) {
          throw new IOException(c.string("message", "provisioner " + label + " failed"));
        }
        if (c.has("sleep_ms")) {
          Thread.sleep(c.longValue("sleep_ms", 0));
        }
      } finally {
        running.decrementAndGet();
      }
    }
  }

  /**
   * Post-processor "fake-pp" labelled {@code label}: writes output/&lt;build&gt;/&lt;label&gt; and
   * returns it as a file set; {@code fail} throws {@code message}.
   */
  record Post(String type, Journal j, boolean keeps) implements PostProcessorPlugin {
    @Override
    public Schema schema() {
      return Schema.of();
    }

    @Override
    public String description() {
      return "fake post-processor";
    }

    @Override
    public Set<Class<? extends Artifact>> accepts() {
      return Set.of();
    }

    @Override
    public boolean keepsInputArtifact() {
      return keeps;
    }

    @Override
    public Artifact process(Config c, Artifact input, StepContext ctx) throws Exception {
      String label = c.string("label", type);
      j.add(
          "pp "
              + label
              + " got "
              + input.files().stream().map(f -> f.getFileName().toString()).toList()
              + " "
              + ctx.buildName());
      ctx.log().info("processing " + label);
      if (c.bool("fail", false)) {
        throw new IOException(c.string("message", "pp " + label + " failed"));
      }
      Path f = ctx.outputDir().resolve(label);
      Files.createDirectories(f.getParent());
      Files.writeString(f, label);
      return new FileSet(List.of(f), input);
    }
  }
}
