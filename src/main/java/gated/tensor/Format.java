package gated.tensor;

import java.util.Locale;

/** Number formatting shared by every printout: fixed decimals, dot as separator whatever the locale. */
public final class Format {
  private Format() {}

  public static String number(double v, int decimals) {
    if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
    String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
    // "-0.0000" reads as a sign error to a student; print it as zero.
    return s.matches("-0\\.?0*") ? s.substring(1) : s;
  }
}
