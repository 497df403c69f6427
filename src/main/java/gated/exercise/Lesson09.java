package gated.exercise;

import gated.cell.LstmCell;
import gated.cell.LstmStep;
import gated.cell.LstmWeights;
import gated.exercise.Exercise.Rung;
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

/**
 * Notebook 09, the backward pass: the expected answers, computed from the inputs each question states (or
 * from the lesson objects the check cell passes) with the library's own backward pass.
 *
 * <pre>
 *   09.1  by hand      δc_{t−1}^next of one unit, through both paths into c_t
 *   09.2  coding       truncated BPTT on the lesson's 6-step example: how far its gradient is from the full one
 *   09.3  exploration  predict, then run: which cut changes the gradient more, the cell-state path or the h path
 *   09.4  exploration  interpretation of 09.3 (multiple choice)
 *   09.5  exploration  a finite-difference step ε whose worst error against the true gradient is below 10⁻⁹
 * </pre>
 */
final class Lesson09 {
  private Lesson09() {}

  /** 09.1's one unit: c_{t−1}, the gate values, and the two gradients that arrive at the step. */
  static final double C_PREV = 2, F = 0.9, I = 0.5, G = 0.6, O = 0.8, DH = 0.5, DC_NEXT = 1;

  /** 09.2 cuts the 6-step example after this many steps. */
  static final int CUT = 3;

  /** 09.5: the largest |finite difference − gradient| over every weight must stay below this. */
  static final double TARGET = 1e-9;

  static List<Exercise> exercises() {
    return List.of(
        Exercise.number("09.1", Rung.BY_HAND, "δc_{t−1}^next = (δc_t^next + δh_t ⊙ o ⊙ (1 − tanh² c_t)) ⊙ f for one unit, by hand",
                c -> oneUnit().dcPrev().get(0), 1e-4)
            .withMistake(c -> DC_NEXT * F, "that is only the path from step t+1; c_t also reaches the loss through "
                + "h_t = o ⊙ tanh(c_t), and that gradient adds to δc_t before the step back")
            .withMistake(c -> oneUnit().dcPrev().get(0) / F, "that is δc_t, the total gradient of c_t; passed back "
                + "to c_{t−1} it is multiplied by ∂c_t/∂c_{t−1} = f")
            .withMistake(c -> oneUnit().dcPrev().get(0) / F * C_PREV, "that is δf = δc_t ⊙ c_{t−1}; the question asks "
                + "for δc_{t−1}^next"),
        Exercise.number("09.2", Rung.CODING, "truncated BPTT: two BPTT runs joined by the state's values only, "
                + "against the full gradient", c -> truncationError(c, false), 1e-6)
            .withMistake(c -> 0.0, "zero means the gradient of the second part still flows back into the first: "
                + "start the second part from the values first.last().h() and first.last().c() and run bptt on each "
                + "part separately")
            .withMistake(c -> truncationError(c, true), "that is what you get when the second part starts from "
                + "h = c = 0; start it where the first part ended, first.last().h() and first.last().c()"),
        Exercise.predictChoice("09.3", Rung.EXPLORATION, "predict which cut path carries more of the gradient, then "
                + "measure it", Lesson09::whichCutMatters, Map.of(
            'A', "Cutting the cell-state path changes the gradient more (the two changes are printed above); why, is "
                + "exercise 09.4.",
            'B', "Cutting the h path changes the gradient more: the route back through h, the gates and the weights "
                + "carries more than the cell state in this run.",
            'C', "Both cuts change the gradient by about as much (within a factor of two).")),
        Exercise.choice("09.4", Rung.EXPLORATION, "how the two lines compare one step back, and what that says about 09.3",
            'B', Map.of(
            'A', "The size of a value says nothing about the size of its gradient: c_t being larger than h_t would not "
                + "make δc larger. What counts is what the gradient is multiplied by on the way back.",
            'B', "One step back along h goes through the gates' derivatives (σ′ at most 1/4, 1−tanh² at most 1) and "
                + "the small random weights W_kᵀ; one step back along c is a product with f alone, about one half "
                + "here. So on these six steps the direct belt link passes on more than the h link, and cutting it "
                + "changes the gradient more. Over many steps the small h link still adds up at every step: the "
                + "lesson's long-range cell measured that.",
            'C', "If the h line carried no gradient to the weights, cutting it would change nothing; the run shows that "
                + "it changes the gradient too, only by less.",
            'D', "No loss was removed: both cuts keep the gradient of every step's own output (dOut); only what travels "
                + "from step t+1 back to step t is dropped.")),
        Exercise.rule("09.5", Rung.EXPLORATION, "choose the step ε of a finite-difference check: too large and the "
            + "curvature spoils it, too small and rounding does", Lesson09::judgeStep));
  }

  /** 09.1's step backwards, through {@link LstmCell#backward}. */
  static LstmCell.Grad oneUnit() {
    // A one-unit LSTM whose gates take exactly the stated values: zero weights, biases σ⁻¹(f), …, and x = h_{t−1} = 0.
    Matrix zero = Matrix.of(1, 2, 0, 0);
    LstmWeights w = LstmWeights.builder().forget(zero, Vec.of(logit(F))).input(zero, Vec.of(logit(I)))
        .candidate(zero, Vec.of(atanh(G))).output(zero, Vec.of(logit(O))).build();
    LstmCell cell = LstmCell.of(w);
    LstmStep s = cell.step(Vec.of(0), Vec.of(0), Vec.of(C_PREV));
    return cell.backward(s, Vec.of(DH), Vec.of(DC_NEXT));
  }

  /**
   * 09.2: ‖g_truncated − g_full‖ / ‖g_full‖ for the LSTM's weights, the sequence cut after {@link #CUT} steps; the
   * second part starts from the first part's final (h, c), or from zeros when {@code fromZero}.
   */
  @SuppressWarnings("unchecked")
  static double truncationError(Context c, boolean fromZero) {
    Classifier<?> model = c.get(0, Classifier.class, "the lesson's classifier clf");
    Example example = c.get(1, Example.class, "the lesson's 6-step example ex");
    if (!(model.encoder() instanceof Lstm lstm)) {
      throw new IllegalArgumentException("exercise 09.2 needs the LSTM classifier clf of the lesson, not one with a "
          + model.encoder().getClass().getSimpleName());
    }
    List<Vec> xs = example.inputs();
    if (xs.size() <= CUT) {
      throw new IllegalArgumentException("exercise 09.2 cuts after step " + CUT + ", but the example has only "
          + xs.size() + " steps");
    }
    DenseWeights head = model.head();
    Lstm.LstmTrace full = lstm.forward(xs);
    double[] gFull = lstm.backward(full, outputGradients(head, full.hs(), example.targets(), 0)).dWeights().toArray();
    Lstm.LstmTrace first = lstm.forward(xs.subList(0, CUT));
    int h = lstm.outputSize();
    Lstm.LstmTrace second = fromZero ? lstm.forward(xs.subList(CUT, xs.size()), Vec.zeros(h), Vec.zeros(h))
        : lstm.forward(xs.subList(CUT, xs.size()), first.last().h(), first.last().c());
    LstmWeights g1 = lstm.backward(first, outputGradients(head, first.hs(), example.targets(), 0)).dWeights();
    LstmWeights g2 = lstm.backward(second, outputGradients(head, second.hs(), example.targets(), CUT)).dWeights();
    LstmWeights truncated = g1.plusScaled(g2, 1);
    return truncated.plusScaled(lstm.weights().withArray(gFull), -1).norm() / lstm.weights().withArray(gFull).norm();
  }

  /** ∂L/∂h_t = W_yᵀ(p_t − e_{y_t}) at each step of a part that starts at step {@code offset} (0-based). */
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

  /** 09.3: what the run says, from its two relative differences (cell-state path cut, h path cut). */
  static char whichCutMatters(Context c) {
    double cellCut = c.number(0, "the relative difference with the cell-state path cut, cellCut");
    double hCut = c.number(1, "the relative difference with the h path cut, hCut");
    if (!(cellCut >= 0) || !(hCut >= 0)) {
      throw new IllegalArgumentException("exercise 09.3: the relative differences must be numbers ≥ 0, got "
          + cellCut + " and " + hCut + "; run the cell that computes them first");
    }
    if (cellCut > 2 * hCut) return 'A';
    if (hCut > 2 * cellCut) return 'B';
    return 'C';
  }

  /**
   * 09.5: the largest |(L(θ + ε e_k) − L(θ − ε e_k)) / 2ε − ∂L/∂θ_k| over every weight θ_k of the classifier, the
   * gradient from its own back-propagation.
   */
  static double worstFiniteDifferenceError(Classifier<?> model, Example example, double eps) {
    return worst(model, example, eps);
  }

  private static <W extends gated.tensor.Params<W>> double worst(Classifier<W> model, Example example, double eps) {
    double[] g = model.lossAndGradient(example).gradient().toArray();
    double[] theta = model.weights().toArray();
    double worst = 0;
    for (int k = 0; k < theta.length; k++) {
      double keep = theta[k];
      theta[k] = keep + eps;
      double plus = model.withWeights(model.weights().withArray(theta)).lossAndGradient(example).loss();
      theta[k] = keep - eps;
      double minus = model.withWeights(model.weights().withArray(theta)).lossAndGradient(example).loss();
      theta[k] = keep;
      worst = Math.max(worst, Math.abs((plus - minus) / (2 * eps) - g[k]));
    }
    return worst;
  }

  private static Verdict judgeStep(Object given, Context c) {
    if (!(given instanceof Number n)) {
      throw new IllegalArgumentException("exercise 09.5 asks for a step ε (a double), not a "
          + given.getClass().getSimpleName());
    }
    double eps = n.doubleValue();
    if (!(eps > 0 && eps < 1)) return Verdict.wrong("ε must be a small positive number, between 0 and 1");
    Classifier<?> model = c.get(0, Classifier.class, "the lesson's classifier clf");
    Example example = c.get(1, Example.class, "the lesson's 6-step example ex");
    double err = worstFiniteDifferenceError(model, example, eps);
    String got = String.format("With ε = %.1e the worst error over every weight is %.1e", eps, err);
    if (err < TARGET) return Verdict.correct(got + ", below 1e-9");
    boolean smallerHelps = worstFiniteDifferenceError(model, example, eps / 10) < err;
    return Verdict.wrong(got + (smallerHelps ? ": a smaller ε does better" : ": a larger ε does better"));
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  private static double atanh(double v) {
    return 0.5 * Math.log((1 + v) / (1 - v));
  }
}
