package dev.ingot.template.value;

import java.util.List;

/**
 * A value that cannot be converted to a wanted type. {@link #path} says where inside the value the
 * problem is ({@code element 1}, {@code attribute "name"}); {@link #reason} says what is wrong in
 * HCL's words ("a number is required"). {@link #getMessage} joins them: {@code element 1: string
 * required}.
 */
public final class ConversionException extends Exception {
  private final List<String> path;
  private final String reason;

  public ConversionException(List<String> path, String reason) {
    super(render(path, reason));
    this.path = List.copyOf(path);
    this.reason = reason;
  }

  /** Steps from the outer value inwards, each like {@code element 1} or {@code attribute "a"}. */
  public List<String> path() {
    return path;
  }

  public String reason() {
    return reason;
  }

  private static String render(List<String> path, String reason) {
    return path.isEmpty() ? reason : String.join(": ", path) + ": " + reason;
  }
}
