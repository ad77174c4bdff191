package dev.ingot.template.fn;

/**
 * A function call that failed. {@link #argIndex} says which argument the problem is about (0 is the
 * first; variadic arguments continue the count), or {@link #WHOLE_CALL} for the call as a whole, so
 * the evaluator can place the diagnostic on the right expression. The summary and detail are in
 * HCL's words: "Invalid function argument" / "Invalid value for "str" parameter: string required."
 */
public final class FunctionException extends Exception {
  public static final int WHOLE_CALL = -1;

  private final int argIndex;
  private final String summary;
  private final String detail;

  public FunctionException(int argIndex, String summary, String detail) {
    super(summary + ": " + detail);
    if (argIndex < WHOLE_CALL) {
      throw new IllegalArgumentException("argIndex must be -1 or an argument index");
    }
    this.argIndex = argIndex;
    this.summary = summary;
    this.detail = detail;
  }

  /** A bad argument: "Invalid value for "param" parameter: problem." */
  public static FunctionException argument(int argIndex, String param, String problem) {
    return new FunctionException(
        argIndex,
        "Invalid function argument",
        "Invalid value for \"" + param + "\" parameter: " + sentence(problem));
  }

  /** A call that failed for a reason not tied to one argument. */
  public static FunctionException failed(String function, String problem) {
    return new FunctionException(
        WHOLE_CALL,
        "Error in function call",
        "Call to function \"" + function + "\" failed: " + sentence(problem));
  }

  private static String sentence(String s) {
    return s.endsWith(".") || s.endsWith("?") || s.endsWith("!") ? s : s + ".";
  }

  public int argIndex() {
    return argIndex;
  }

  public String summary() {
    return summary;
  }

  public String detail() {
    return detail;
  }
}
