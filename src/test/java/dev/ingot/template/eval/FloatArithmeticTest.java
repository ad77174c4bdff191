package dev.ingot.template.eval;

import static dev.ingot.template.eval.EvalTesting.error;
import static dev.ingot.template.eval.EvalTesting.ok;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Numbers as cty's 512-bit big.Float: every expected value here was printed by Packer 1.6.6 as
 * {@code jsonencode(expr)} in a shell-local provisioner.
 */
class FloatArithmeticTest {
  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          floor(10 / 3 * 3)              | 10
          1 / 3 * 3 == 1                 | true
          10 / 3 * 3                     | 10
          ceil(1.0000000000000001)       | 1
          0.1                            | 0.1
          0.35                           | 0.35
          1e20                           | 100000000000000000000
          1e-20                          | 0.00000000000000000001
          2.5e-1                         | 0.25
          123456789012345678901234567890 | 123456789012345678901234567890
          0.1 + 0.2                      | 0.3
          0.1 * 3                        | 0.3
          max(0.1, 0.2) + 0              | 0.2
          abs(-1e-20)                    | 0.00000000000000000001
          7 % 3                          | 1
          -7 % 3                         | -1
          7.5 % 2                        | 1.5
          0.1 % 7                        | 0.1
          1e-30 % 1                      | 0.000000000000000000000000000001
          1/3 % 1                        | 0.33333333333333333334
          0.3 % 0.1                      | -0.00000000000000000001084202172485504434
          1e200 % 7                      | 2854495385411919762116571938898990272765493248
          floor(-0.5)                    | -1
          ceil(-0.5)                     | 0
          ceil(1e18 + 0.5)               | 1000000000000000000
          floor(9007199254740993)        | 9007199254740992
          floor(1e19)                    | -9223372036854775808
          floor(-1e300)                  | -9223372036854775808
          """)
  void matchesPacker(String expr, String packer) {
    assertThat(ok(expr).toString()).isEqualTo(packer);
  }

  /** Go prints a big.Float's shortest round-trip digits: 1/3 ends in ...335, 10/3 in ...332. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          10 / 3                 | 3.3333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333332
          1 / 3                  | 0.33333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333335
          2 / 3                  | 0.6666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666666667
          100 / 7                | 14.285714285714285714285714285714285714285714285714285714285714285714285714285714285714285714285714285714285714285714285714285714285714285714285714285714286
          parseint("ff", 16) / 7 | 36.42857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857142857143
          1e30 * 1e30 / 7        | 142857142857142857142857142857142857142857142857142857142857.14285714285714285714285714285714285714285714285714285714285714285714285714285714285714285714286
          """)
  void quotientsPrintTheShortestDigitsOfTheirFloat(String expr, String packer) {
    assertThat(ok(expr).toString()).isEqualTo(packer);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"floor(1e400)", "ceil(-1e400)"})
  void floorAndCeilRefuseWhatAFloat64CannotHold(String expr) {
    assertThat(error(expr).detail())
        .contains("value must be between -17976931348623157081452742373170435679807056752584499")
        .contains(".000000 inclusive");
  }
}
