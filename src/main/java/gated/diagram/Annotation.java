package gated.diagram;

import gated.tensor.Vec;

/**
 * One vector a diagram writes on its wire: the numbers it draws come from here and nowhere else, so a
 * test can check them against the step they came from.
 *
 * @param key short name to look it up by: "x", "hPrev", "cPrev", "f", "i", "g", "o", "c", "h" for an LSTM step;
 *     "x", "hPrev", "r", "z", "hTilde", "h" for a GRU step
 * @param symbol the symbol drawn beside it, in {@link MathText} notation, e.g. "h_{t-1}" or "c~_t"
 * @param values the vector; up to {@code listed} entries are written out, longer ones drawn as a colour strip
 * @param lo value at the low end of the colour scale
 * @param hi value at the high end of the colour scale
 */
public record Annotation(String key, String symbol, Vec values, double lo, double hi) {

  public Annotation {
    if (key == null || symbol == null || values == null) {
      throw new IllegalArgumentException("Annotation: key, symbol and values must not be null");
    }
    if (!(lo < hi)) throw new IllegalArgumentException("Annotation " + key + ": needs lo < hi, got [" + lo + ", " + hi + "]");
  }

  /** The annotation with this key, or a clear error naming the diagram. */
  static Annotation find(java.util.List<Annotation> all, String key, String who) {
    return all.stream().filter(a -> a.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(who + ": no annotation \"" + key + "\""
            + (all.isEmpty() ? " (the diagram has no step; give one with builder().step(step))" : "")));
  }

  /** A gate: σ(…) lies in [0, 1]. */
  static Annotation gate(String key, String symbol, Vec v) {
    return new Annotation(key, symbol, v, 0, 1);
  }

  /** A tanh output: in [−1, 1]. */
  static Annotation signed(String key, String symbol, Vec v) {
    return new Annotation(key, symbol, v, -1, 1);
  }

  /** Unbounded values (c_t, x_t): symmetric scale ±max(1, max |v|) over all the given vectors. */
  static Annotation unbounded(String key, String symbol, Vec v, Vec... alongside) {
    double m = 1;
    for (int k = 0; k < v.size(); k++) m = Math.max(m, Math.abs(v.get(k)));
    for (Vec a : alongside) for (int k = 0; k < a.size(); k++) m = Math.max(m, Math.abs(a.get(k)));
    return new Annotation(key, symbol, v, -m, m);
  }
}
