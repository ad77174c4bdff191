package dev.ingot.template.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BinaryFloatTest {
  @Test
  void literalsBecomeTheirNearest512BitFloat() {
    // Packer 1.6.6: 1.0000000000000001 stays (17 digits), 160 digits collapse to 1.
    assertThat(Numbers.rounded(new BigDecimal("1.0000000000000001")))
        .isEqualByComparingTo("1.0000000000000001");
    assertThat(Numbers.rounded(new BigDecimal("1." + "0".repeat(158) + "1")))
        .isEqualByComparingTo("1");
    assertThat(Numbers.parse("1." + "0".repeat(158) + "1")).contains(BigDecimal.ONE);
  }

  @Test
  void quotientIsRoundedOnceFromTheExactRational() {
    BinaryFloat third = BinaryFloat.quotient(BigDecimal.ONE, BigDecimal.valueOf(3));
    assertThat(third.mant().bitLength()).isEqualTo(BinaryFloat.PRECISION);
    // 1/3 = 2^513/3 * 2^-513 and 2^513 = 3q + 2: the remainder is above half, so q + 1.
    BigInteger want =
        BigInteger.ONE.shiftLeft(513).add(BigInteger.ONE).divide(BigInteger.valueOf(3));
    assertThat(third.mant()).isEqualTo(want);
    assertThat(third.exp()).isEqualTo(-513);
  }

  @Test
  void theShortcutForShortDecimalsAgreesWithGoShortestDigits() {
    Random r = new Random(42);
    for (int i = 0; i < 2000; i++) {
      int digits = 1 + r.nextInt(150);
      StringBuilder sb = new StringBuilder().append((char) ('1' + r.nextInt(9)));
      for (int d = 1; d < digits; d++) {
        sb.append((char) ('0' + r.nextInt(10)));
      }
      BigInteger u = new BigInteger(sb.toString());
      BigDecimal x = new BigDecimal(r.nextBoolean() ? u : u.negate(), r.nextInt(400) - 200);
      BigDecimal shortest = BinaryFloat.of(x).toDecimal();
      assertThat(shortest).as("%s", x).isEqualByComparingTo(x.stripTrailingZeros());
      assertThat(Numbers.rounded(x)).isEqualByComparingTo(shortest);
    }
  }

  @Test
  void integersThatFitAreExactAndPowersOfTwoRoundUp() {
    BigInteger big = BigInteger.ONE.shiftLeft(511).add(BigInteger.ONE);
    assertThat(Numbers.rounded(new BigDecimal(big))).isEqualByComparingTo(new BigDecimal(big));
    BigInteger tooWide = BigInteger.ONE.shiftLeft(513).subtract(BigInteger.ONE);
    assertThat(BinaryFloat.of(new BigDecimal(tooWide)).exact())
        .isEqualByComparingTo(new BigDecimal(BigInteger.ONE.shiftLeft(513)));
  }
}
