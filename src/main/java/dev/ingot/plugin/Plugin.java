package dev.ingot.plugin;

/**
 * A built-in source, provisioner or post-processor. Plugins are found with {@link
 * java.util.ServiceLoader} (files under META-INF/services name each implementation), must have a
 * public no-argument constructor, hold no mutable state, and be safe to use from several builds at
 * once.
 */
public sealed interface Plugin permits SourcePlugin, ProvisionerPlugin, PostProcessorPlugin {
  /** The type name used in templates, e.g. "debian" in {@code source "debian" "x"}. */
  String type();

  Schema schema();

  /** One line for {@code ingot inspect} and help. */
  String description();
}
