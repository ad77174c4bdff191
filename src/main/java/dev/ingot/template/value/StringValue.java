package dev.ingot.template.value;

import java.util.Objects;

/** A known string. */
public record StringValue(String value, boolean sensitive) implements Value {
  public StringValue {
    Objects.requireNonNull(value, "string");
    value = wellFormed(value);
  }

  /**
   * {@code s} with each unpaired surrogate (a JSON "\ud800" escape, say) replaced by U+FFFD, as
   * cty's strings hold Unicode text only: hashing or encoding one gave the bytes of "?".
   */
  private static String wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(c >= 0xd800 && c <= 0xdfff ? 0xfffd : c));
        return b.toString();
      }
    }
    return s;
  }

  @Override
  public Type type() {
    return Type.STRING;
  }

  @Override
  public Value withSensitive(boolean s) {
    return new StringValue(value, s);
  }

  @Override
  public String toString() {
    return ValuePrinter.compact(this);
  }
}
