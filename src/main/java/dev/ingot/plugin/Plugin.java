package dev.ingot.plugin;

import dev.ingot.diag.Diagnostics;

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

  /**
   * Plugin-specific checks of a schema-checked config, run by validate before anything is built
   * (e.g. "exactly one of inline, script, scripts"). Place each diagnostic at the argument with
   * {@link Checks#error}. The default finds nothing.
   */
  default Diagnostics check(Config config) {
    return Diagnostics.NONE;
  }
}
