package gated.text;

import gated.internal.Checks;
import gated.tensor.Vec;
import java.util.ArrayList;
import java.util.List;

/**
 * "Which cells learned what": runs a model over a text, records every unit's h_t (and c_t) after
 * each character, and finds the unit whose value goes up and down most closely with a
 * {@link TextProperty}, measured by the Pearson correlation r over the text's characters
 * (r = 1: a perfect straight-line match, r = −1: a perfect mirror image, r ≈ 0: no linear relation).
 */
public final class UnitSearch {
  private UnitSearch() {}

  /**
   * The states a model passed through while reading a text.
   *
   * @param text the characters read
   * @param h h[k][unit] after reading character k
   * @param c c[k][unit] after reading character k, or an empty array for a model without a cell state
   */
  public record States(String text, double[][] h, double[][] c) {
    public boolean hasCell() {
      return c.length > 0;
    }

    /** One unit of h ("h") or c ("c") over the whole text. */
    public double[] unit(String quantity, int unit) {
      double[][] m = matrix(quantity);
      if (unit < 0 || m.length == 0 || unit >= m[0].length) {
        throw new IllegalArgumentException("unit search: unit " + unit + " is outside 0.." + (h[0].length - 1));
      }
      double[] v = new double[m.length];
      for (int k = 0; k < m.length; k++) v[k] = m[k][unit];
      return v;
    }

    double[][] matrix(String quantity) {
      if ("h".equals(quantity)) return h;
      if ("c".equals(quantity)) {
        if (!hasCell()) throw new IllegalArgumentException("unit search: this model has no cell state c");
        return c;
      }
      throw new IllegalArgumentException("unit search: the quantity is \"h\" or \"c\", got \"" + quantity + "\"");
    }
  }

  /**
   * The best match for one property.
   *
   * @param property what was measured
   * @param quantity "h" or "c"
   * @param unit the unit (0-based)
   * @param r its Pearson correlation with the property (NaN if the property never changes in the text)
   */
  public record Finding(String property, String quantity, int unit, double r) {
    @Override
    public String toString() {
      return String.format("%s: best unit %s[%d], r = %+.3f", property, quantity, unit, r);
    }
  }

  /** Reads {@code text} from h_0 = c_0 = 0 in chunks of 256 characters, carrying the state. */
  public static States record(CharModel<?> model, CharVocabulary vocabulary, String text) {
    return record(model, vocabulary, "", text);
  }

  /**
   * Reads {@code warmUp} first, from h_0 = c_0 = 0, without recording, then records {@code text} from the state
   * it reached: the text before the recorded part, so that its first characters are not read from a state of
   * zeros that the model never meets in the middle of a text.
   */
  public static States record(CharModel<?> model, CharVocabulary vocabulary, String warmUp, String text) {
    Checks.notNull("unit search", "model", model);
    Checks.notNull("unit search", "vocabulary", vocabulary);
    Checks.notNull("unit search", "warm-up text", warmUp);
    Checks.notNull("unit search", "text", text);
    if (text.isEmpty()) throw new IllegalArgumentException("unit search: the text is empty");
    CharModel.State state = model.zeroState(1);
    int[] before = vocabulary.encode(warmUp);
    for (int start = 0; start < before.length; start += 256) {
      state = model.forward(new int[][] {java.util.Arrays.copyOfRange(before, start, Math.min(before.length, start + 256))},
          state).end();
    }
    int[] ids = vocabulary.encode(text);
    int n = ids.length, hSize = model.hiddenSize();
    double[][] h = new double[n][];
    List<double[]> c = new ArrayList<>();
    for (int start = 0; start < n; start += 256) {
      int len = Math.min(256, n - start);
      int[] chunk = new int[len];
      System.arraycopy(ids, start, chunk, 0, len);
      CharModel.Forward f = model.forward(new int[][] {chunk}, state);
      for (int t = 0; t < len; t++) {
        h[start + t] = f.hidden().get(0).get(t).toArray();
        if (!f.cell().get(0).isEmpty()) c.add(f.cell().get(0).get(t).toArray());
      }
      state = f.end();
    }
    if (h[0].length != hSize) throw new IllegalStateException("unit search: the model returned states of the wrong size");
    return new States(text, h, c.toArray(new double[0][]));
  }

  /** The unit of h or c (c too when the model has one) with the largest |r| for {@code property}. */
  public static Finding best(States states, TextProperty property) {
    Checks.notNull("unit search", "states", states);
    return best(states, property, states.hasCell() ? new String[] {"h", "c"} : new String[] {"h"});
  }

  /** The unit with the largest |r| among the given quantities ("h", "c" or both). */
  public static Finding best(States states, TextProperty property, String... quantities) {
    Checks.notNull("unit search", "states", states);
    Checks.notNull("unit search", "property", property);
    if (quantities == null || quantities.length == 0) {
      throw new IllegalArgumentException("unit search: name at least one quantity, \"h\" or \"c\"");
    }
    double[] p = property.of(states.text());
    Finding best = null;
    for (String q : quantities) {
      double[][] m = states.matrix(q);
      for (int u = 0; u < m[0].length; u++) {
        double r = correlation(states.unit(q, u), p);
        if (best == null || (Double.isNaN(best.r()) && !Double.isNaN(r)) || Math.abs(r) > Math.abs(best.r())) {
          best = new Finding(property.name(), q, u, r);
        }
      }
    }
    return best;
  }

  /** Pearson's r between two equally long series; NaN when either never changes. */
  public static double correlation(double[] a, double[] b) {
    Checks.notNull("correlation", "a", a);
    Checks.notNull("correlation", "b", b);
    if (a.length != b.length || a.length < 2) {
      throw new IllegalArgumentException("correlation: needs two series of the same length ≥ 2, got " + a.length + " and "
          + b.length);
    }
    double ma = 0, mb = 0;
    for (int k = 0; k < a.length; k++) {
      ma += a[k];
      mb += b[k];
    }
    ma /= a.length;
    mb /= b.length;
    double sab = 0, saa = 0, sbb = 0;
    for (int k = 0; k < a.length; k++) {
      sab += (a[k] - ma) * (b[k] - mb);
      saa += (a[k] - ma) * (a[k] - ma);
      sbb += (b[k] - mb) * (b[k] - mb);
    }
    if (saa == 0 || sbb == 0) return Double.NaN;
    return sab / Math.sqrt(saa * sbb);
  }

  /** A unit's values as a list of one-entry vectors, e.g. for a plot. */
  public static List<Vec> asVectors(double[] values) {
    List<Vec> out = new ArrayList<>(values.length);
    for (double v : values) out.add(Vec.of(v));
    return out;
  }
}
