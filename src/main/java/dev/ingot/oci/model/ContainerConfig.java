package dev.ingot.oci.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The execution parameters of an image config ({@code config} in the JSON): user, environment
 * ("K=V" in order), entrypoint and cmd (null when unset, which differs from empty), working
 * directory, exposed ports ("80/tcp"), volumes, labels and stop signal. Immutable.
 */
public record ContainerConfig(
    String user,
    List<String> env,
    List<String> entrypoint,
    List<String> cmd,
    String workingDir,
    List<String> exposedPorts,
    List<String> volumes,
    Map<String, String> labels,
    String stopSignal) {
  public static final ContainerConfig EMPTY =
      new ContainerConfig(null, List.of(), null, null, null, List.of(), List.of(), Map.of(), null);

  public ContainerConfig {
    env = env == null ? List.of() : List.copyOf(env);
    entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
    cmd = cmd == null ? null : List.copyOf(cmd);
    exposedPorts = exposedPorts == null ? List.of() : List.copyOf(new TreeSet<>(exposedPorts));
    volumes = volumes == null ? List.of() : List.copyOf(new TreeSet<>(volumes));
    labels =
        labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
  }

  public ContainerConfig withUser(String u) {
    return new ContainerConfig(
        u, env, entrypoint, cmd, workingDir, exposedPorts, volumes, labels, stopSignal);
  }

  /** Sets {@code key=value}, replacing an earlier value of the same key in place. */
  public ContainerConfig withEnv(String key, String value) {
    List<String> out = new ArrayList<>();
    boolean replaced = false;
    for (String e : env) {
      if (e.equals(key) || e.startsWith(key + "=")) {
        if (!replaced) {
          out.add(key + "=" + value);
          replaced = true;
        }
      } else {
        out.add(e);
      }
    }
    if (!replaced) {
      out.add(key + "=" + value);
    }
    return new ContainerConfig(
        user, out, entrypoint, cmd, workingDir, exposedPorts, volumes, labels, stopSignal);
  }

  /** Sets the entrypoint; as in a Dockerfile, this clears a cmd inherited with it. */
  public ContainerConfig withEntrypoint(List<String> ep) {
    return new ContainerConfig(
        user, env, ep, null, workingDir, exposedPorts, volumes, labels, stopSignal);
  }

  public ContainerConfig withCmd(List<String> c) {
    return new ContainerConfig(
        user, env, entrypoint, c, workingDir, exposedPorts, volumes, labels, stopSignal);
  }

  public ContainerConfig withWorkingDir(String w) {
    return new ContainerConfig(
        user, env, entrypoint, cmd, w, exposedPorts, volumes, labels, stopSignal);
  }

  public ContainerConfig withPorts(List<String> add) {
    List<String> all = new ArrayList<>(exposedPorts);
    add.forEach(p -> all.add(p.contains("/") ? p : p + "/tcp"));
    return new ContainerConfig(
        user, env, entrypoint, cmd, workingDir, all, volumes, labels, stopSignal);
  }

  public ContainerConfig withVolumes(List<String> add) {
    List<String> all = new ArrayList<>(volumes);
    all.addAll(add);
    return new ContainerConfig(
        user, env, entrypoint, cmd, workingDir, exposedPorts, all, labels, stopSignal);
  }

  public ContainerConfig withLabels(Map<String, String> add) {
    Map<String, String> all = new TreeMap<>(labels);
    all.putAll(add);
    return new ContainerConfig(
        user, env, entrypoint, cmd, workingDir, exposedPorts, volumes, all, stopSignal);
  }

  public ContainerConfig withStopSignal(String s) {
    return new ContainerConfig(
        user, env, entrypoint, cmd, workingDir, exposedPorts, volumes, labels, s);
  }

  Map<String, Object> toJson() {
    Map<String, Object> m = JsonFields.ordered();
    JsonFields.putIf(m, "User", user);
    JsonFields.putIf(m, "ExposedPorts", asSet(exposedPorts));
    JsonFields.putIf(m, "Env", env);
    if (entrypoint != null) {
      m.put("Entrypoint", entrypoint);
    }
    if (cmd != null) {
      m.put("Cmd", cmd);
    }
    JsonFields.putIf(m, "Volumes", asSet(volumes));
    JsonFields.putIf(m, "WorkingDir", workingDir);
    JsonFields.putIf(m, "Labels", labels.isEmpty() ? null : new TreeMap<>(labels));
    JsonFields.putIf(m, "StopSignal", stopSignal);
    return m;
  }

  private static Map<String, Object> asSet(List<String> keys) {
    Map<String, Object> m = new TreeMap<>();
    keys.forEach(k -> m.put(k, Map.of()));
    return m;
  }

  static ContainerConfig fromJson(Map<String, Object> m) {
    if (m == null) {
      return EMPTY;
    }
    return new ContainerConfig(
        JsonFields.str(m, "User"),
        JsonFields.strings(m, "Env"),
        JsonFields.strings(m, "Entrypoint"),
        JsonFields.strings(m, "Cmd"),
        JsonFields.str(m, "WorkingDir"),
        JsonFields.keySet(m, "ExposedPorts"),
        JsonFields.keySet(m, "Volumes"),
        JsonFields.stringMap(m, "Labels"),
        JsonFields.str(m, "StopSignal"));
  }
}
