package dev.ingot.oci.plugin;

import dev.ingot.oci.model.ContainerConfig;
import dev.ingot.plugin.Arg;
import dev.ingot.plugin.ArgType;
import dev.ingot.plugin.Config;
import java.util.List;

/**
 * The image execution settings a template may give ({@code entrypoint}, {@code cmd}, {@code env},
 * {@code user}, {@code workdir}, {@code ports}, {@code volumes}, {@code labels}, {@code
 * stop_signal}) and how they change a config: what is given replaces or extends what the base image
 * had; what is not given is kept. Pure; thread-safe.
 */
final class ImageSettings {
  static final List<Arg> ARGS =
      List.of(
          Arg.optional("entrypoint", ArgType.STRING_LIST, null, "Entrypoint (exec form)."),
          Arg.optional("cmd", ArgType.STRING_LIST, null, "Default arguments (exec form)."),
          Arg.optional("env", ArgType.STRING_MAP, null, "Environment variables."),
          Arg.optional("user", ArgType.STRING, null, "User (name or uid[:gid]) to run as."),
          Arg.optional("workdir", ArgType.STRING, null, "Working directory (absolute)."),
          Arg.optional("ports", ArgType.STRING_LIST, null, "Exposed ports, e.g. \"8080/tcp\"."),
          Arg.optional("volumes", ArgType.STRING_LIST, null, "Volume mount points."),
          Arg.optional("labels", ArgType.STRING_MAP, null, "Image config labels."),
          Arg.optional("stop_signal", ArgType.STRING, null, "Signal that stops the container."));

  private ImageSettings() {}

  static ContainerConfig apply(Config c, ContainerConfig base) {
    ContainerConfig out = base;
    if (c.has("entrypoint")) {
      out = out.withEntrypoint(c.strings("entrypoint"));
    }
    if (c.has("cmd")) {
      out = out.withCmd(c.strings("cmd"));
    }
    for (var e : c.stringMap("env").entrySet()) {
      if (e.getKey().isEmpty() || e.getKey().contains("=")) {
        throw c.error(
            "env",
            "Invalid environment variable name",
            "'"
                + e.getKey()
                + "' is not a variable name: it must be non-empty and must not contain '='.");
      }
      out = out.withEnv(e.getKey(), e.getValue());
    }
    if (c.has("user")) {
      out = out.withUser(c.string("user", ""));
    }
    if (c.has("workdir")) {
      String w = c.string("workdir", "");
      if (!w.startsWith("/")) {
        throw c.error(
            "workdir",
            "Working directory must be absolute",
            "Write the full path, e.g. \"/srv/app\", not \"" + w + "\".");
      }
      out = out.withWorkingDir(w);
    }
    List<String> ports = c.strings("ports");
    for (String p : ports) {
      if (!p.matches("[0-9]{1,5}(/(tcp|udp|sctp))?")) {
        throw c.error(
            "ports",
            "Invalid port",
            "\""
                + p
                + "\" is not a port; write a number with an optional protocol, e.g. \"8080/tcp\".");
      }
    }
    out = out.withPorts(ports).withVolumes(c.strings("volumes")).withLabels(c.stringMap("labels"));
    if (c.has("stop_signal")) {
      out = out.withStopSignal(c.string("stop_signal", ""));
    }
    return out;
  }
}
