package dev.ingot.template.fn;

import dev.ingot.template.value.SetValue;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Functions that read files or work on paths. Relative paths start at the template's directory
 * ({@link FunctionContext#baseDir}); {@code abspath} uses the working directory; {@code ~} is the
 * {@code HOME} of the context's environment.
 */
final class FileFunctions {

  static final int MAX_FILESET = 100_000;

  private FileFunctions() {}

  static List<Function> all() {
    return List.of(
        Fn.builder("file", "Reads the contents of a UTF-8 text file.")
            .param("path", Type.STRING)
            .returns(Type.STRING)
            .body((a, ctx) -> Value.string(read(a.get(0).asString(), ctx, "file"))),
        Fn.builder("fileexists", "Tells whether a regular file exists at the path.")
            .param("path", Type.STRING)
            .returns(Type.BOOL)
            .body(
                (a, ctx) -> {
                  String given = a.get(0).asString();
                  Path p = resolve(given, ctx, "fileexists");
                  if (!Files.exists(p)) {
                    return Value.FALSE;
                  }
                  if (!Files.isRegularFile(p)) {
                    throw FunctionException.failed(
                        "fileexists", given + " exists but is not a regular file");
                  }
                  return Value.TRUE;
                }),
        Fn.builder(
                "fileset",
                "Lists the files under a directory that match a glob pattern, relative to it.")
            .param("path", Type.STRING)
            .param("pattern", Type.STRING)
            .returns(Type.set(Type.STRING))
            .body(FileFunctions::fileset),
        Fn.builder("templatefile", "Renders a template file with the given variables.")
            .param("path", Type.STRING)
            .param("vars", Type.DYNAMIC)
            .returns(Type.STRING)
            .body(FileFunctions::templatefile),
        Fn.builder("abspath", "Turns a path into an absolute path, from the working directory.")
            .param("path", Type.STRING)
            .returns(Type.STRING)
            .body(
                (a, ctx) ->
                    Value.string(
                        GoPath.clean(
                            a.get(0).asString().startsWith("/")
                                ? a.get(0).asString()
                                : ctx.cwd().toAbsolutePath() + "/" + a.get(0).asString()))),
        Fn.builder("basename", "Returns the last element of a path.")
            .param("path", Type.STRING)
            .returns(Type.STRING)
            .body((a, ctx) -> Value.string(GoPath.base(a.get(0).asString()))),
        Fn.builder("dirname", "Returns a path without its last element.")
            .param("path", Type.STRING)
            .returns(Type.STRING)
            .body((a, ctx) -> Value.string(GoPath.dir(a.get(0).asString()))),
        Fn.builder("pathexpand", "Replaces a leading ~ in a path by the home directory.")
            .param("path", Type.STRING)
            .returns(Type.STRING)
            .body((a, ctx) -> Value.string(expandHome(a.get(0).asString(), ctx, "pathexpand"))));
  }

  static String expandHome(String path, FunctionContext ctx, String fn) throws FunctionException {
    if (!path.startsWith("~")) {
      return path;
    }
    if (path.length() > 1 && path.charAt(1) != '/') {
      throw FunctionException.failed(
          fn, "cannot expand user-specific home dir in " + path + "; only ~ and ~/ are supported");
    }
    String home = ctx.env().get("HOME");
    if (home == null || home.isEmpty()) {
      throw FunctionException.failed(
          fn, "cannot expand ~ because HOME is not set in the environment");
    }
    return home + path.substring(1);
  }

  static Path resolve(String path, FunctionContext ctx, String fn) throws FunctionException {
    String expanded = expandHome(path, ctx, fn);
    if (expanded.indexOf('\0') >= 0) {
      throw FunctionException.failed(fn, "the path contains a NUL character");
    }
    Path p = Path.of(expanded);
    return p.isAbsolute() ? p : ctx.baseDir().resolve(p);
  }

  static String read(String given, FunctionContext ctx, String fn) throws FunctionException {
    Path p = resolve(given, ctx, fn);
    try {
      if (Files.isDirectory(p)) {
        throw FunctionException.failed(fn, given + " is a directory, not a file");
      }
      return Args.strictUtf8(TextFiles.read(p));
    } catch (NoSuchFileException e) {
      throw FunctionException.failed(
          fn, "no file exists at " + given + " (relative paths start at " + ctx.baseDir() + ")");
    } catch (CharacterCodingException e) {
      throw FunctionException.failed(
          fn, "contents of " + given + " are not valid UTF-8; " + fn + " reads text files only");
    } catch (IOException e) {
      throw FunctionException.failed(fn, "cannot read " + given + ": " + e.getMessage());
    }
  }

  private static Value fileset(List<Value> a, FunctionContext ctx) throws FunctionException {
    String given = a.get(0).asString();
    Glob glob;
    try {
      glob = Glob.compile(a.get(1).asString());
    } catch (Glob.GlobError e) {
      throw FunctionException.argument(
          1, "pattern", "failed to glob pattern (" + a.get(1).asString() + "): " + e.getMessage());
    }
    Path base = resolve(given, ctx, "fileset");
    if (!Files.isDirectory(base)) {
      return Value.emptySet(Type.STRING);
    }
    List<Value> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(base)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (!Files.isRegularFile(p)) {
          continue;
        }
        String rel = base.relativize(p).toString().replace('\\', '/');
        if (glob.matches(rel)) {
          out.add(Value.string(rel));
          if (out.size() > MAX_FILESET) {
            throw FunctionException.failed(
                "fileset", "more than " + MAX_FILESET + " files match; narrow the pattern");
          }
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw FunctionException.failed("fileset", "cannot list " + given + ": " + e.getMessage());
    }
    return out.isEmpty() ? Value.emptySet(Type.STRING) : new SetValue(Type.STRING, out, false);
  }

  private static Value templatefile(List<Value> a, FunctionContext ctx) throws FunctionException {
    Value vars = a.get(1);
    Map<String, Value> m = CollectionFunctions.mapping(vars, 1, "vars");
    for (String name : m.keySet()) {
      if (!name.matches("[\\p{L}_][\\p{L}\\p{N}_-]*")) {
        throw FunctionException.argument(
            1,
            "vars",
            "invalid template variable name \""
                + name
                + "\": must start with a letter or underscore, followed by letters, digits, underscores and dashes");
      }
    }
    String path = a.get(0).asString();
    String text = read(path, ctx, "templatefile");
    return ctx.renderer()
        .render(text, resolve(path, ctx, "templatefile").toString(), new TreeMap<>(m));
  }
}
