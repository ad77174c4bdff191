package dev.ingot.build.plan;

import dev.ingot.diag.Diagnostic;
import dev.ingot.diag.Range;
import dev.ingot.plugin.Plugin;
import dev.ingot.plugin.PostProcessorPlugin;
import dev.ingot.plugin.ProvisionerPlugin;
import dev.ingot.plugin.SourcePlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Finds plugins by type name. {@link #load} reads the ServiceLoader entries of a class loader;
 * tests build one from plugin instances with {@link #of}. Lookups of unknown types give a
 * diagnostic with "Did you mean". Immutable and thread-safe.
 */
public final class PluginRegistry {
  /** The three kinds of plugin, named as template blocks name them. */
  public enum Kind {
    SOURCE("source"),
    PROVISIONER("provisioner"),
    POST_PROCESSOR("post-processor");

    private final String word;

    Kind(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }
  }

  /** A lookup: the plugin, or the diagnostic that says it is unknown. */
  public record Lookup<P extends Plugin>(Optional<P> plugin, Optional<Diagnostic> diagnostic) {}

  private final Map<String, SourcePlugin> sources;
  private final Map<String, ProvisionerPlugin> provisioners;
  private final Map<String, PostProcessorPlugin> postProcessors;

  private PluginRegistry(List<? extends Plugin> plugins) {
    Map<String, SourcePlugin> s = new TreeMap<>();
    Map<String, ProvisionerPlugin> pr = new TreeMap<>();
    Map<String, PostProcessorPlugin> pp = new TreeMap<>();
    for (Plugin p : plugins) {
      Plugin previous =
          switch (p) {
            case SourcePlugin x -> s.put(x.type(), x);
            case ProvisionerPlugin x -> pr.put(x.type(), x);
            case PostProcessorPlugin x -> pp.put(x.type(), x);
          };
      if (previous != null) {
        throw new IllegalStateException(
            "two plugins have type " + p.type() + ": " + previous.getClass() + ", " + p.getClass());
      }
    }
    this.sources = Map.copyOf(s);
    this.provisioners = Map.copyOf(pr);
    this.postProcessors = Map.copyOf(pp);
  }

  /** Every built-in plugin listed under META-INF/services for {@code loader}. */
  public static PluginRegistry load(ClassLoader loader) {
    List<Plugin> all = new ArrayList<>();
    ServiceLoader.load(SourcePlugin.class, loader).forEach(all::add);
    ServiceLoader.load(ProvisionerPlugin.class, loader).forEach(all::add);
    ServiceLoader.load(PostProcessorPlugin.class, loader).forEach(all::add);
    return new PluginRegistry(all);
  }

  public static PluginRegistry of(List<? extends Plugin> plugins) {
    return new PluginRegistry(plugins);
  }

  public Lookup<SourcePlugin> source(String type, Range at) {
    return lookup(Kind.SOURCE, sources, type, at);
  }

  public Lookup<ProvisionerPlugin> provisioner(String type, Range at) {
    return lookup(Kind.PROVISIONER, provisioners, type, at);
  }

  public Lookup<PostProcessorPlugin> postProcessor(String type, Range at) {
    return lookup(Kind.POST_PROCESSOR, postProcessors, type, at);
  }

  /** The type names of one kind, sorted. */
  public List<String> types(Kind kind) {
    Map<String, ?> m =
        switch (kind) {
          case SOURCE -> sources;
          case PROVISIONER -> provisioners;
          case POST_PROCESSOR -> postProcessors;
        };
    return m.keySet().stream().sorted().toList();
  }

  private static <P extends Plugin> Lookup<P> lookup(
      Kind kind, Map<String, P> byType, String type, Range at) {
    P p = byType.get(type);
    if (p != null) {
      return new Lookup<>(Optional.of(p), Optional.empty());
    }
    String detail =
        "There is no "
            + kind.word()
            + " of type \""
            + type
            + "\" in Ingot."
            + ValueConversion.suggest(type, byType.keySet())
            + " Known types: "
            + String.join(", ", new TreeMap<>(byType).keySet())
            + ".";
    Diagnostic d =
        Diagnostic.error("Unknown " + kind.word() + " type \"" + type + "\"", detail, at);
    return new Lookup<>(Optional.empty(), Optional.of(d));
  }
}
