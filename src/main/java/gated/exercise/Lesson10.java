package gated.exercise;

import gated.cell.GruWeights;
import gated.cell.RowGateWeights;
import gated.exercise.Exercise.Rung;
import gated.model.Gru;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import gated.train.GradientFlow;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Notebook 10, the vanishing gradient measured across cells. The expected values are computed here from the
 * numbers each question states, or from the lesson's objects the check cell passes.
 */
public final class Lesson10 {
  private Lesson10() {}

  /** 10.1: the forget gates of a 2-unit LSTM over its last three steps, f_T first. */
  static final List<Vec> GATES = List.of(Vec.of(0.9, 0.5), Vec.of(0.8, 0.6), Vec.of(0.7, 0.9));

  /** 10.2: the lesson's GRU (draw 1: weights from random seed 1, H = 8) with update-gate bias b_z in every unit. */
  static Gru drawOneGru(int inputSize, double bz) {
    GruWeights w = GruWeights.random(8, inputSize, new Random(1));
    return Gru.of(new GruWeights(w.reset(), new RowGateWeights(w.update().wx(), w.update().wh(), Vec.fill(8, bz)),
        w.candidate()));
  }

  /** log10 of ‖∂L/∂h_t‖ at distance 30 for the GRU with b_z = 2 over the same GRU with b_z = 0, on xs. */
  static double logRatio(List<Vec> xs, double bz) {
    int x = xs.get(0).size();
    double raised = GradientFlow.hiddenGradientNorms("GRU", drawOneGru(x, bz), xs).at(30);
    double plain = GradientFlow.hiddenGradientNorms("GRU", drawOneGru(x, 0), xs).at(30);
    return Math.log10(raised / plain);
  }

  @SuppressWarnings("unchecked")
  private static List<Vec> inputs(Context c) {
    return (List<Vec>) c.get(0, List.class, "the lesson's input sequence xs");
  }

  private static double ratioAt30(Context c) {
    GradientFlow.Profile l0 = c.get(0, GradientFlow.Profile.class, "your draw's profile with b_f = 0");
    GradientFlow.Profile l1 = c.get(1, GradientFlow.Profile.class, "your draw's profile with b_f = 1");
    return l1.at(30) / l0.at(30);
  }

  static List<Exercise> exercises() {
    return List.of(
        Exercise.number("10.1", Rung.BY_HAND, "the spectral norm of a product of diagonal matrices (the direct road)",
            c -> {
              Matrix product = Matrix.identity(2);
              for (Vec f : GATES) product = product.times(Matrix.of(new double[][] {{f.get(0), 0}, {0, f.get(1)}}));
              return GradientFlow.spectralNorm(product);
            }, 1e-4)
            .withMistake(c -> (0.9 * 0.8 * 0.7 + 0.5 * 0.6 * 0.9) / 2,
                "that is the mean over the units; the spectral norm of a diagonal matrix is its largest entry")
            .withMistake(c -> 0.9 * 0.8 * 0.7 * 0.5 * 0.6 * 0.9,
                "you multiplied the two units together; each unit keeps its own product, and the norm is the largest")
            .withMistake(c -> 0.5 * 0.6 * 0.9,
                "that is the smaller unit's product; the spectral norm is the largest stretch, the larger product")
            .withMistake(c -> 0.9 * 0.8 * 0.7 + 0.5 * 0.6 * 0.9,
                "the norm of a diagonal matrix is not the sum of its entries but the largest one"),
        Exercise.number("10.2", Rung.CODING, "building a GRU with another update-gate bias and measuring its gradient",
            c -> logRatio(inputs(c), 2), 0.01)
            .withMistake(c -> -logRatio(inputs(c), 2), "right size, wrong sign: divide the b_z = 2 value by the b_z = 0 value")
            .withMistake(c -> logRatio(inputs(c), 2) * Math.log(10),
                "that looks like the natural logarithm; give log10 (Math.log10)")
            .withMistake(c -> Math.pow(10, logRatio(inputs(c), 2)), "that is the ratio itself; give its log10"),
        Exercise.predictChoice("10.3", Rung.EXPLORATION,
            "predicting, then measuring, whether the lesson's every-draw finding holds for a draw it never saw",
            c -> {
              double r = ratioAt30(c);
              return r > 1000 ? 'A' : r > 1 ? 'B' : 'C';
            }, Map.of(
                'A', "At distance 30 the LSTM with b_f = 1 kept more than 1000 times the gradient of b_f = 0: the same as in "
                    + "every draw of the lesson. f ≈ σ(1) instead of σ(0) per step compounds over 30 steps.",
                'B', "More, but less than 1000 times: weaker than in any draw of the lesson. One draw can break a pattern "
                    + "that held in twenty; check your distance and your two biases first.",
                'C', "Less: the opposite of every draw in the lesson. If your measurement is right, you found a draw that "
                    + "breaks the pattern, which is why the lesson says 'in every draw we measured', not 'always'.")),
        Exercise.choice("10.4", Rung.BY_HAND, "what one draw can and cannot show", 'B', Map.of(
            'A', "One draw's ratio to the RNN is the kind of number that went both ways across draws; one value "
                + "above 1 shows nothing about LSTMs in general.",
            'B', "Yes: her number is a ratio that changed sides of 1 from draw to draw; the comparison that held "
                + "in every draw measured was between two LSTMs differing only in b_f.",
            'C', "The GRU's ratio to the RNN also fell on both sides of 1 across draws; an update gate that works "
                + "like f does not make the ratio the same in every draw.",
            'D', "At distance 30 the ratio of the LSTM with b_f = 0 to the RNN was above 1 in some draws; "
                + "'less at every distance' is false.")));
  }
}
