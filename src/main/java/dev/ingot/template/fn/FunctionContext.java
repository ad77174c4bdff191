package dev.ingot.template.fn;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What functions may use from outside the template, passed in rather than read from the process:
 * the directory relative file paths start from (the template's directory), the working directory
 * ({@code abspath}, {@code pathexpand}'s home is taken from {@code env}), the environment for
 * {@code env()} and whether reading it is allowed here (Packer allows it only in variable
 * defaults), the clock for {@code timestamp()}, a source of random UUIDs and the template renderer
 * for {@code templatefile}. Immutable; the suppliers must be thread-safe.
 */
public record FunctionContext(
    Path baseDir,
    Path cwd,
    Map<String, String> env,
    boolean envAllowed,
    Clock clock,
    Supplier<UUID> uuids,
    TemplateRenderer renderer) {
  public FunctionContext {
    Objects.requireNonNull(baseDir, "baseDir");
    Objects.requireNonNull(cwd, "cwd");
    env = Map.copyOf(env);
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(uuids, "uuids");
    Objects.requireNonNull(renderer, "renderer");
  }

  /**
   * A context for templates in {@code dir}: working directory the same, no environment (env() not
   * allowed), the UTC system clock, random UUIDs, no template renderer.
   */
  public static FunctionContext of(Path dir) {
    return new FunctionContext(
        dir, dir, Map.of(), false, Clock.systemUTC(), UUID::randomUUID, TemplateRenderer.NONE);
  }

  public FunctionContext withBaseDir(Path dir) {
    return new FunctionContext(dir, cwd, env, envAllowed, clock, uuids, renderer);
  }

  public FunctionContext withCwd(Path dir) {
    return new FunctionContext(baseDir, dir, env, envAllowed, clock, uuids, renderer);
  }

  public FunctionContext withEnv(Map<String, String> environment) {
    return new FunctionContext(baseDir, cwd, environment, envAllowed, clock, uuids, renderer);
  }

  public FunctionContext withEnvAllowed(boolean allowed) {
    return new FunctionContext(baseDir, cwd, env, allowed, clock, uuids, renderer);
  }

  public FunctionContext withClock(Clock c) {
    return new FunctionContext(baseDir, cwd, env, envAllowed, c, uuids, renderer);
  }

  public FunctionContext withUuids(Supplier<UUID> u) {
    return new FunctionContext(baseDir, cwd, env, envAllowed, clock, u, renderer);
  }

  public FunctionContext withRenderer(TemplateRenderer r) {
    return new FunctionContext(baseDir, cwd, env, envAllowed, clock, uuids, r);
  }
}
