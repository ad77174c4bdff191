package dev.ingot.build.plan;

import dev.ingot.diag.Range;
import dev.ingot.plugin.Config;
import dev.ingot.plugin.ProvisionerPlugin;
import java.time.Duration;

/**
 * One provisioner of a build, fully evaluated. {@code pauseBefore} is waited before it runs (zero
 * for none), {@code maxRetries} is how many times it is run again after a failure (0 = once),
 * {@code timeout} bounds one attempt (zero for none). {@code range} is the provisioner block, for
 * diagnostics. Immutable.
 */
public record PlannedProvisioner(
    String type,
    ProvisionerPlugin plugin,
    Config config,
    Duration pauseBefore,
    int maxRetries,
    Duration timeout,
    Range range) {
  public PlannedProvisioner {
    if (type == null || plugin == null || config == null) {
      throw new IllegalArgumentException("a provisioner needs a type, a plugin and a config");
    }
    pauseBefore = pauseBefore == null ? Duration.ZERO : pauseBefore;
    timeout = timeout == null ? Duration.ZERO : timeout;
    if (pauseBefore.isNegative() || timeout.isNegative() || maxRetries < 0) {
      throw new IllegalArgumentException("pause_before, timeout and max_retries must be >= 0");
    }
  }

  /** A provisioner with no pause, retries or timeout. */
  public static PlannedProvisioner of(ProvisionerPlugin plugin, Config config) {
    return new PlannedProvisioner(
        plugin.type(), plugin, config, Duration.ZERO, 0, Duration.ZERO, config.block());
  }

  public PlannedProvisioner withPauseBefore(Duration d) {
    return new PlannedProvisioner(type, plugin, config, d, maxRetries, timeout, range);
  }

  public PlannedProvisioner withMaxRetries(int n) {
    return new PlannedProvisioner(type, plugin, config, pauseBefore, n, timeout, range);
  }

  public PlannedProvisioner withTimeout(Duration d) {
    return new PlannedProvisioner(type, plugin, config, pauseBefore, maxRetries, d, range);
  }
}
