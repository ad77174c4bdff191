package dev.ingot.template.fn;

import dev.ingot.template.value.ListValue;
import dev.ingot.template.value.Type;
import dev.ingot.template.value.Value;
import java.util.ArrayList;
import java.util.List;

/** {@code format} and {@code formatlist} (see {@link GoFormat} for the verbs). */
final class FormatFunctions {
  private FormatFunctions() {}

  static List<Function> all() {
    return List.of(
        Fn.builder(
                "format",
                "Produces a string by formatting values according to a specification string, like Go's fmt.Sprintf.")
            .param("format", Type.STRING)
            .variadic(Param.of("args", Type.DYNAMIC).withAllowNull())
            .returns(Type.STRING)
            .body(
                (a, ctx) ->
                    Value.string(format("format", a.get(0).asString(), a.subList(1, a.size()), 1))),
        Fn.builder(
                "formatlist",
                "Formats each element of the given lists (or repeated single values) and returns a list of strings.")
            .param("format", Type.STRING)
            .variadic(Param.of("args", Type.DYNAMIC).withAllowNull())
            .returns(Type.list(Type.STRING))
            .body(FormatFunctions::formatlist));
  }

  private static String format(String fn, String fmt, List<Value> args, int firstArg)
      throws FunctionException {
    try {
      return GoFormat.format(fmt, args);
    } catch (GoFormat.Problem p) {
      if (p.argsParam) {
        throw FunctionException.argument(firstArg + p.argIndex, "args", p.getMessage());
      }
      FunctionException e = FunctionException.failed(fn, p.getMessage());
      return p.argIndex < 0
          ? rethrow(e)
          : rethrow(new FunctionException(firstArg + p.argIndex, e.summary(), e.detail()));
    }
  }

  private static String rethrow(FunctionException e) throws FunctionException {
    throw e;
  }

  /** Lists and tuples are iterated together (all the same length); other values repeat. */
  private static Value formatlist(List<Value> a, FunctionContext ctx) throws FunctionException {
    List<Value> args = a.subList(1, a.size());
    int n = -1;
    int lengthFrom = -1;
    for (int i = 0; i < args.size(); i++) {
      Value v = args.get(i);
      if (v.isNull()
          || !(v instanceof ListValue || v instanceof dev.ingot.template.value.TupleValue)) {
        continue;
      }
      int len = v.elements().size();
      if (n < 0) {
        n = len;
        lengthFrom = i;
      } else if (len != n) {
        throw FunctionException.argument(
            i + 1,
            "args",
            "argument "
                + (i + 1)
                + " has length "
                + len
                + ", which is inconsistent with argument "
                + (lengthFrom + 1)
                + " of length "
                + n);
      }
    }
    if (n < 0) {
      n = 1;
    }
    List<Value> out = new ArrayList<>(n);
    for (int row = 0; row < n; row++) {
      List<Value> rowArgs = new ArrayList<>(args.size());
      for (Value v : args) {
        boolean seq =
            !v.isNull()
                && (v instanceof ListValue || v instanceof dev.ingot.template.value.TupleValue);
        rowArgs.add(seq ? v.elements().get(row) : v);
      }
      out.add(Value.string(format("formatlist", a.get(0).asString(), rowArgs, 1)));
    }
    return new ListValue(Type.STRING, out, false);
  }
}
