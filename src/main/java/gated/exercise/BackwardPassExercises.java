package gated.exercise;

import gated.cell.LstmCell;
import gated.cell.LstmStep;
import gated.cell.LstmWeights;
import gated.model.DenseWeights;
import gated.model.Lstm;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import gated.train.Classifier;
import gated.train.Example;
import gated.train.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The checks of notebook 09 (the backward pass). Expected values are computed here, never printed. */
public final class BackwardPassExercises {
  private BackwardPassExercises() {}

  /**
   * Exercise 1: one unit, c_{t−1} = 2, f = 0.9, i = 0.5, g = 0.6, o = 0.8, δh_t = 0.5 and δc_t from
   * step t+1 = 1; the answer is δc_{t−1}, computed by {@link LstmCell#backward}.
   */
  public static void exercise1(double answer) {
    double cPrev = 2, f = 0.9, i = 0.5, g = 0.6, o = 0.8, dh = 0.5, dcNext = 1;
    // A one-unit LSTM whose gates take exactly these values: zero weights, biases z = σ⁻¹(f), …, and x = h_{t−1} = 0.
    LstmWeights w = LstmWeights.builder()
        .forget(Matrix.of(1, 2, 0, 0), Vec.of(logit(f))).input(Matrix.of(1, 2, 0, 0), Vec.of(logit(i)))
        .candidate(Matrix.of(1, 2, 0, 0), Vec.of(atanh(g))).output(Matrix.of(1, 2, 0, 0), Vec.of(logit(o))).build();
    LstmCell cell = LstmCell.of(w);
    LstmStep s = cell.step(Vec.of(0), Vec.of(0), Vec.of(cPrev));
    LstmCell.Grad grad = cell.backward(s, Vec.of(dh), Vec.of(dcNext));
    double c = s.c().get(0);
    double dC = dcNext + dh * o * (1 - Math.tanh(c) * Math.tanh(c));
    Answer.number("Exercise 1", answer, grad.dcPrev().get(0), 1e-4, Map.of(
        round(dcNext * f), "only the path from step t+1: c_t also reaches the loss through h_t = o ⊙ tanh(c_t)",
        round(dC), "δc_t, the gradient of c_t; one step further back it is multiplied by ∂c_t/∂c_{t−1}",
        round(dC * cPrev), "δf = δc ⊙ c_{t−1}; the question asks for δc_{t−1}"));
  }

  /** Exercise 2: the cross-entropy of logits (1, 2, 3) for the right class 0, in nats. */
  public static void exercise2(double answer) {
    Vec z = Vec.of(1, 2, 3);
    double expected = Loss.softmaxCrossEntropy(z, 0).value();
    double logSumExp = Math.log(z.map(Math::exp).sum());
    Answer.number("Exercise 2", answer, expected, 1e-4, Map.of(
        round(Loss.softmaxCrossEntropy(z, 2).value()), "the loss if the right class were 2, the one with the largest logit",
        round(logSumExp), "ln Σ e^{z_k}; the loss subtracts the right class's own logit z_0",
        round(expected / Math.log(2)), "in bits (log₂); the loss here uses the natural logarithm"));
  }

  /** Exercise 3, before the run: the prediction, recorded. */
  public static void exercise3Prediction(String prediction) {
    Answer.record("Exercise 3", prediction, List.of("a", "b", "c"));
  }

  /** Exercise 3, after the run: which option the measured ratio (b_f = −3 over b_f = 3) falls in. */
  public static void exercise3Outcome(String prediction, double ratio) {
    String outcome = ratio > 2 ? "a" : ratio >= 0.5 ? "b" : ratio < 1e-6 ? "c" : "smaller, by less than 10⁶";
    Answer.compare("Exercise 3", prediction, outcome, String.format("ratio %.1e", ratio));
  }

  /** Exercise 3, the explanation. */
  public static void exercise3Why(String choice) {
    Answer.choice("Exercise 3 (why)", choice, "b", Answer.options(
        "a", "not this: the direct path c_{t−1} → c_t is a product with f alone; tanh only enters where c_t goes to h_t",
        "b", "right: each step back along the cell state multiplies δc by f_k, unit by unit, so over d steps "
            + "the factor is Π f_k, about σ(b_f)^d when the forget gates sit near σ(b_f)",
        "c", "not this: no weight matrix lies on the direct path; W_f only shapes how large f_k is"));
  }

  /**
   * Exercise 4: truncated BPTT. The sequence is cut after {@code cut} steps; each part runs its own
   * BPTT, the second part starting from the first part's final (h, c) as values only. The answer is
   * ‖g_truncated − g_full‖ / ‖g_full‖ for the LSTM's weights.
   */
  public static void exercise4(double answer, Classifier<LstmWeights> model, Example example, int cut) {
    Lstm lstm = (Lstm) model.encoder();
    List<Vec> xs = example.inputs();
    if (cut < 1 || cut >= xs.size()) {
      throw new IllegalArgumentException("exercise 4: the cut must lie inside the sequence, 1.." + (xs.size() - 1)
          + ", got " + cut);
    }
    Lstm.LstmTrace full = lstm.forward(xs);
    double[] gFull = lstm.backward(full, outputGradients(model.head(), full.hs(), example.targets(), 0)).dWeights().toArray();
    Lstm.LstmTrace first = lstm.forward(xs.subList(0, cut));
    Lstm.LstmTrace second = lstm.forward(xs.subList(cut, xs.size()), first.last().h(), first.last().c());
    double[] g1 = lstm.backward(first, outputGradients(model.head(), first.hs(), example.targets(), 0)).dWeights().toArray();
    double[] g2 = lstm.backward(second, outputGradients(model.head(), second.hs(), example.targets(), cut)).dWeights()
        .toArray();
    double diff = 0, norm = 0;
    for (int k = 0; k < gFull.length; k++) {
      double d = g1[k] + g2[k] - gFull[k];
      diff += d * d;
      norm += gFull[k] * gFull[k];
    }
    Answer.number("Exercise 4", answer, Math.sqrt(diff / norm), 1e-9, Map.of(0.0,
        "zero: the second part still passes its gradient back into the first; start it from the state's values"));
  }

  /** ∂L/∂h_t = W_yᵀ(p_t − e_{y_t}) at each step of a part that starts at step {@code offset}. */
  private static List<Vec> outputGradients(DenseWeights head, List<Vec> hs, List<Integer> targets, int offset) {
    List<Vec> d = new ArrayList<>();
    for (int t = 0; t < hs.size(); t++) {
      Integer y = targets.get(offset + t);
      if (y == null) {
        d.add(Vec.zeros(hs.get(t).size()));
        continue;
      }
      Vec dz = Loss.softmaxCrossEntropy(head.apply(hs.get(t)), y).gradient();
      d.add(head.backward(hs.get(t), dz).dh());
    }
    return d;
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  private static double atanh(double v) {
    return 0.5 * Math.log((1 + v) / (1 - v));
  }

  /** Slips are matched at the answer's 4-decimal tolerance. */
  private static double round(double v) {
    return Math.round(v * 1e4) / 1e4;
  }
}
