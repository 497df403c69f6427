package gated.exercise;

import gated.cell.RnnCell;
import gated.cell.RnnWeights;
import gated.exercise.Exercise.Rung;
import gated.model.Rnn;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import java.util.List;
import java.util.Map;

/** Notebook 01, the RNN recap: the exercises and how their answers are computed. */
final class Lesson01 {
  private Lesson01() {}

  /** Exercise 01.1's RNN: 2 units, one input, W_x = [0.5; −1], W_h = [[0.1, 0.2], [0, 0.3]], b = [0, 0.5]. */
  static final RnnWeights SMALL = new RnnWeights(Matrix.of(2, 1, 0.5, -1), Matrix.of(2, 2, 0.1, 0.2, 0, 0.3), Vec.of(0, 0.5));
  static final Vec H0 = Vec.of(1, -1);
  static final Vec X1 = Vec.of(1);
  /** The clue experiment's threshold and the step the exploration looks at. */
  static final double FADED = 1e-3, STILL_THERE = 0.01;
  static final int LAST = 20;

  /** a_1 = W_x x_1 + W_h h_0 + b of exercise 01.1. */
  static Vec preActivation() {
    return SMALL.wx().times(X1).plus(SMALL.wh().times(H0)).plus(SMALL.b());
  }

  /** ‖h_t(a) − h_t(b)‖ for t = 1 … T, by the RNN. */
  static double[] differences(Rnn rnn, List<Vec> a, List<Vec> b) {
    List<Vec> ha = rnn.forward(a).outputs(), hb = rnn.forward(b).outputs();
    double[] d = new double[Math.min(ha.size(), hb.size())];
    for (int t = 0; t < d.length; t++) d[t] = ha.get(t).minus(hb.get(t)).norm();
    return d;
  }

  /** The first step t (from 1) at which the difference is below 10⁻³, or −1 if it never is. */
  static long firstFaded(Rnn rnn, List<Vec> a, List<Vec> b) {
    double[] d = differences(rnn, a, b);
    for (int t = 1; t <= d.length; t++) if (d[t - 1] < FADED) return t;
    return -1;
  }

  @SuppressWarnings("unchecked")
  private static List<Vec> sequence(Context c, int position, String what) {
    return (List<Vec>) c.get(position, List.class, what);
  }

  static List<Exercise> exercises() {
    return List.of(
        Exercise.vector("01.1", Rung.BY_HAND, "one RNN step by hand: h_1 = tanh(W_x x_1 + W_h h_0 + b)",
                c -> RnnCell.of(SMALL).step(X1, H0).h(), 1e-3)
            .withMistake(c -> preActivation(), "that is a_1, the pre-activation; h_1 = tanh(a_1)")
            .withMistake(c -> SMALL.wx().times(X1).plus(SMALL.wh().times(H0)).map(Math::tanh),
                "you left out the bias b")
            .withMistake(c -> SMALL.wx().times(X1).plus(SMALL.b()).map(Math::tanh),
                "you left out W_h h_0: the previous state counts too")
            .withMistake(c -> SMALL.wx().times(X1).plus(SMALL.wh().transpose().times(H0)).plus(SMALL.b()).map(Math::tanh),
                "entry k of W_h h_0 is row k of W_h times h_0; you used the columns"),
        Exercise.count("01.2", Rung.CODING, "extend the clue experiment: the step at which the clue's trace fades below 10⁻³",
                c -> firstFaded(c.get(0, Rnn.class, "the lesson's RNN rnn"), sequence(c, 1, "the sequence withWhat"),
                    sequence(c, 2, "the sequence withTime")))
            .withMistake(c -> firstFaded(c.get(0, Rnn.class, "rnn"), sequence(c, 1, "withWhat"), sequence(c, 2, "withTime")) - 1,
                "steps count from 1 here (t = 1 is the clue's own step); your count starts from 0, or stops one step early"),
        Exercise.rule("01.3", Rung.EXPLORATION,
            "explore: scale W_h until the first word still moves h_20 by more than 0.01", (given, c) -> {
              double s = ((Number) given).doubleValue();
              Rnn scaled = c.get(0, Rnn.class, "your RNN with s·W_h, scaled");
              Rnn lesson = c.get(1, Rnn.class, "the lesson's RNN rnn");
              RnnWeights w = lesson.weights(), mine = scaled.weights();
              if (!mine.wx().closeTo(w.wx(), 1e-12) || !mine.b().closeTo(w.b(), 1e-12)
                  || !mine.wh().closeTo(w.wh().scale(s), 1e-9)) {
                return Verdict.wrong("your RNN is not the lesson's with W_h multiplied by " + s
                    + ": build it as new RnnWeights(w.wx(), w.wh().scale(s), w.b())");
              }
              double[] d = differences(scaled, sequence(c, 2, "withWhat"), sequence(c, 3, "withTime"));
              if (d.length < LAST) return Verdict.wrong("run the two sequences of the lesson, " + LAST + " words each");
              String at = String.format("With s = %s the difference at t = %d is %.2g", s, LAST, d[LAST - 1]);
              return d[LAST - 1] > STILL_THERE
                  ? Verdict.correct(at + ": a larger W_h lets the clue travel further. The next notebook shows the"
                      + " price: the same factor multiplies the gradient")
                  : Verdict.wrong(at + ", not above 0.01 yet: try a larger s");
            }),
        Exercise.choice("01.4", Rung.BY_HAND, "read the straight line of the clue's trace on a log plot", 'B', Map.of(
            'A', "The line does not stop at 20: the difference is about 1e-8 there, small but not zero",
            'B', "A straight line on a log scale means the same factor at every step, as for 3^n, only falling:"
                + " the clue's trace shrinks geometrically, as if every step multiplied it by a number below 1",
            'C', "tanh keeps the values in (−1, 1), but the plot shows a difference that falls, not one that is held",
            'D', "The plot shows one RNN with one set of weights; whether training could change it is the next"
                + " notebook's question, not something this line shows")));
  }
}
