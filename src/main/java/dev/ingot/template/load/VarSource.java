package dev.ingot.template.load;

/**
 * Where a variable's value came from, in Packer's order of precedence: a later source overrides an
 * earlier one (default &lt; environment &lt; *.auto.pkrvars.* &lt; -var-file &lt; -var).
 */
public enum VarSource {
  DEFAULT("its default"),
  ENV("the environment"),
  AUTO_FILE("an auto var file"),
  VAR_FILE("a -var-file"),
  CLI("a -var option");

  private final String words;

  VarSource(String words) {
    this.words = words;
  }

  /** How diagnostics name the source: "the value from a -var option". */
  public String words() {
    return words;
  }
}
