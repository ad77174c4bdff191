package dev.ingot.template.value;

/** The primitive types: string, number (arbitrary precision) and bool. */
public enum PrimitiveType implements Type {
  STRING("string"),
  NUMBER("number"),
  BOOL("bool");

  private final String keyword;

  PrimitiveType(String keyword) {
    this.keyword = keyword;
  }

  /** The keyword HCL uses for the type: {@code string}, {@code number}, {@code bool}. */
  public String keyword() {
    return keyword;
  }
}
