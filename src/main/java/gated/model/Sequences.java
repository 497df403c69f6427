package gated.model;

import gated.internal.Checks;
import gated.tensor.Vec;
import gated.train.NonFiniteException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/** Small helpers for lists of vectors indexed by time. */
public final class Sequences {
  private Sequences() {}

  /** Checks a sequence of inputs: not empty, no nulls, every x_t of size {@code size} and finite. */
  static List<Vec> inputs(String op, List<Vec> xs, int size) {
    Checks.nonEmpty(op, "the input sequence", xs);
    for (int t = 0; t < xs.size(); t++) Checks.vector(op, "x_" + (t + 1), xs.get(t), size, "the input size");
    return xs;
  }

  /** Checks output gradients: one per step, each of size {@code size}. */
  static List<Vec> outputGradients(String op, List<Vec> dOut, int steps, int size) {
    Checks.notNull(op, "the output gradients", dOut);
    if (dOut.size() != steps) {
      throw new IllegalArgumentException(op + ": " + dOut.size() + " output gradients for a trace of " + steps + " steps");
    }
    for (int t = 0; t < steps; t++) Checks.vector(op, "∂L/∂output_" + (t + 1), dOut.get(t), size, "the output size");
    return dOut;
  }

  /**
   * Checks the steps of a trace: at least one, none null, every x_t of one size and every h_t of one
   * size, and consecutive (step t's h_{t-1} is step t−1's h_t), so that back-propagation through time
   * walks one sequence. Sizes of -1 mean "take them from the first step".
   */
  static <S> List<S> consecutiveSteps(String op, List<S> steps, Function<S, Vec> x, Function<S, Vec> hPrev,
      Function<S, Vec> h, int inputSize, int hiddenSize) {
    Checks.nonEmpty(op, "the steps", steps);
    int xs = inputSize > 0 ? inputSize : x.apply(steps.get(0)).size();
    int hs = hiddenSize > 0 ? hiddenSize : h.apply(steps.get(0)).size();
    for (int t = 0; t < steps.size(); t++) {
      S s = steps.get(t);
      if (x.apply(s).size() != xs || h.apply(s).size() != hs) {
        throw new IllegalArgumentException(op + ": step " + (t + 1) + " has x_t of " + x.apply(s).size()
            + " entries and h_t of " + h.apply(s).size() + " but the trace's cell reads x_t of " + xs + " and keeps h_t of "
            + hs);
      }
      if (t > 0 && !hPrev.apply(s).equals(h.apply(steps.get(t - 1)))) {
        throw new IllegalArgumentException(op + ": step " + (t + 1) + "'s h_{t-1} is not step " + t
            + "'s h_t; a trace holds the consecutive steps of one sequence");
      }
    }
    return List.copyOf(steps);
  }

  /**
   * A trace recorded by other weights than the model's own is refused: back-propagating it would
   * combine one model's activations with another's weights.
   */
  static <W extends gated.tensor.Params<W>> void recordedBy(String op, W recorder, W own) {
    if (recorder == null || recorder == own || recorder.equals(own)) return;
    if (!recorder.shapes().equals(own.shapes())) {
      throw new IllegalArgumentException(op + ": the trace was recorded by " + recorder.shapes() + " but this model has "
          + own.shapes() + "; run backward on the model that ran forward");
    }
    throw new IllegalArgumentException(op + ": the trace was recorded by another model of the same shapes ("
        + own.shapes() + ") whose weights differ; ∂L/∂W needs this model's own forward pass");
  }

  /**
   * A backward step t (0-based) that overflowed while computing the gradient it passes to step t−1,
   * reported in BPTT's terms: "RNN backward: ∂L/∂h_t holds -Infinity at index 1 for t = 499; …".
   * Any other overflow is returned unchanged.
   */
  static NonFiniteException overflowAt(String op, int t, int hidden, NonFiniteException e) {
    String q = e.quantity();
    if (q == null) return e;
    String name;
    int index = e.index();
    int step = t;                                   // the gradient belongs to h_t with t 1-based = this 0-based t
    if (q.equals("∂L/∂h_{t-1}") || q.equals("∂L/∂H_{t-1}")) {
      name = q.equals("∂L/∂h_{t-1}") ? "∂L/∂h_t" : "∂L/∂H_t";
    } else if (q.equals("[∂L/∂h_{t-1}; ∂L/∂x_t]") && index < hidden) {
      name = "∂L/∂h_t";
    } else if (q.equals("[∂L/∂h_{t-1}; ∂L/∂x_t]")) {
      name = "∂L/∂x_t";
      index -= hidden;
      step = t + 1;
    } else {
      return e;
    }
    return new NonFiniteException(op + ": " + name + " holds " + e.value() + " at index " + index + " for t = " + step
        + "; the gradient overflowed on its way back through time (an exploding gradient)", name, e.value(), index);
  }

  /** T zero vectors of the given size. */
  public static List<Vec> zeros(int steps, int size) {
    Checks.positive("Sequences.zeros", "the number of steps", steps);
    return Collections.nCopies(steps, Vec.zeros(size));
  }

  /** Zeros at every step except the last, which holds {@code last}: a loss on the final output only. */
  public static List<Vec> onlyLast(int steps, Vec last) {
    Checks.positive("Sequences.onlyLast", "the number of steps", steps);
    Checks.notNull("Sequences.onlyLast", "the last vector", last);
    Checks.allocatable("Sequences.onlyLast", "a list of " + steps + " vectors", steps);
    List<Vec> out = new ArrayList<>(zeros(steps, last.size()));
    out.set(steps - 1, last);
    return out;
  }

  /** into += values, entry by entry: summing a shared weight's gradient over time steps. */
  static void addInto(String op, double[] into, double[] values) {
    for (int k = 0; k < into.length; k++) {
      into[k] += values[k];
      if (!Double.isFinite(into[k])) {
        throw new NonFiniteException(op + ": ∂L/∂W summed over time holds " + into[k] + " at position " + k
            + "; the sum overflowed (an exploding gradient)", "∂L/∂W", into[k], k);
      }
    }
  }

  /** The list reversed: the order in which a backward-direction layer reads the sequence. */
  public static <T> List<T> reversed(List<T> xs) {
    Checks.notNull("Sequences.reversed", "the list", xs);
    List<T> out = new ArrayList<>(xs);
    Collections.reverse(out);
    return out;
  }
}
