package gated.tensor;

import java.util.Locale;
import java.util.regex.Pattern;

/** Number formatting shared by every printout: fixed decimals, dot as separator whatever the locale. */
public final class Format {
  private Format() {}

  /** The most decimals a printout may ask for (a double carries about 17 significant digits). */
  public static final int MAX_DECIMALS = 20;

  private static final Pattern NEGATIVE_ZERO = Pattern.compile("-0\\.?0*");

  public static String number(double v, int decimals) {
    requireDecimals("Format.number", decimals);
    if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
    String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
    // "-0.0000" reads as a sign error to a student; print it as zero.
    return NEGATIVE_ZERO.matcher(s).matches() ? s.substring(1) : s;
  }

  static void requireDecimals(String op, int decimals) {
    if (decimals < 0 || decimals > MAX_DECIMALS) {
      throw new IllegalArgumentException(op + ": decimals must be 0.." + MAX_DECIMALS + ", got " + decimals);
    }
  }
}
