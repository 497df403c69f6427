package gated.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gated.cell.RnnWeights;
import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/** ‖v‖₂ checked against BigDecimal arithmetic, which neither overflows nor underflows. */
class NormTest {
  private static double exact(double... v) {
    BigDecimal s = BigDecimal.ZERO;
    for (double x : v) s = s.add(new BigDecimal(x).pow(2));
    return s.sqrt(MathContext.DECIMAL128).doubleValue();
  }

  @Test
  void usualVectorsGiveThePlainSquareRootOfTheSumOfSquares() {
    assertEquals(5.0, Vec.of(3, 4).norm(), 0);
    assertEquals(0.0, Vec.of(0, 0, 0).norm(), 0);
    double[] v = {0.3, -1.7, 2.25, 1e-3};
    assertEquals(Math.sqrt(0.09 + 2.89 + 5.0625 + 1e-6), Vec.of(v).norm(), 0);
  }

  @Test
  void entriesWhoseSquaresOverflowStillGiveTheirNorm() {
    double[] v = {9e258, -3e258, 4e257, 1e200};
    double plain = 0;
    for (double x : v) plain += x * x;
    assertEquals(Double.POSITIVE_INFINITY, plain, "the plain sum of squares overflows");
    assertEquals(exact(v), Vec.of(v).norm(), Math.ulp(exact(v)) * 4);
    assertEquals(exact(3e300, 4e300), Vec.of(3e300, 4e300).norm(), Math.ulp(5e300) * 4);
  }

  @Test
  void entriesWhoseSquaresUnderflowStillGiveTheirNorm() {
    assertEquals(5e-200, Vec.of(3e-200, 4e-200).norm(), Math.ulp(5e-200) * 4);
  }

  @Test
  void aNormAboveTheLargestDoubleIsInfinityAndABadEntryIsBlamed() {
    assertEquals(Double.POSITIVE_INFINITY, Vec.of(Double.MAX_VALUE, Double.MAX_VALUE).norm());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Vec.of(1, Double.NaN).norm());
    assertEquals(true, e.getMessage().contains("norm ‖v‖₂") && e.getMessage().contains("index 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Vec.of(1, Double.POSITIVE_INFINITY).norm());
  }

  @Test
  void theGlobalNormOfParamsIsScaledTheSameWay() {
    RnnWeights w = RnnWeights.random(2, 2, new java.util.Random(1));
    double[] flat = new double[w.count()];
    flat[0] = 3e200;
    flat[flat.length - 1] = 4e200;
    assertEquals(5e200, w.withArray(flat).norm(), Math.ulp(5e200) * 4);
  }
}
