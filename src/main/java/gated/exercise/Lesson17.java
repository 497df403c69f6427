package gated.exercise;

import gated.exercise.Exercise.Rung;
import gated.tensor.Format;
import gated.text.BpttBatches;
import gated.text.TextProperty;
import gated.text.UnitSearch;
import java.util.List;
import java.util.Map;

/**
 * Notebook 17, the character-level language model: the expected answers, computed with the library from the
 * inputs each question states or from the lesson objects the check cell passes.
 *
 * <pre>
 *   17.1  by hand      where row 3 of minibatch 10 starts in the text (B streams, T steps)
 *   17.2  exploration  predict, then run: at which T resetting the state every minibatch costs more than 0.04 bits
 *   17.3  exploration  interpretation of 17.2 (multiple choice)
 *   17.4  coding       the h unit that best tracks "is a capital letter": write the search, report its r
 *   17.5  exploration  how large a correlation chance alone gives: a random property, any random seed, any knobs
 * </pre>
 */
final class Lesson17 {
  private Lesson17() {}

  /** 17.1: a text of N characters, B streams, T steps; row {@link #ROW} of minibatch {@link #BATCH}. */
  static final int N = 1_000_001, B = 16, T = 32, BATCH = 10, ROW = 3;

  /** 17.2: resetting "costs" when it raises the held-out bits per character by more than this. */
  static final double COST = 0.04;

  /** 17.5: chance alone keeps the largest |r| below this many standard errors 1/√n. */
  static final double CHANCE_LIMIT = 5;

  static List<Exercise> exercises() {
    return List.of(
        Exercise.count("17.1", Rung.BY_HAND, "how truncated BPTT cuts a text into B streams read T characters at a time",
                c -> (long) batches().position(BATCH, ROW, 0))
            .withMistake(c -> (long) BATCH * B * T + (long) ROW * T, "that is where it would start if minibatches took "
                + "consecutive pieces of the text; here row b reads the b-th stream")
            .withMistake(c -> (long) ROW * batches().streamLength() + (long) (BATCH - 1) * T, "minibatches count from 0, "
                + "so minibatch 10 is the eleventh: 10·T characters into its stream")
            .withMistake(c -> (long) batches().position(BATCH, ROW, 0) + 1, "that is where the row's first target "
                + "is; its first input is one character earlier")
            .withMistake(c -> (long) ROW * ((N - 1) / T / B) * T + (long) BATCH * T, "close: a stream is ⌊(n − 1)/B⌋ "
                + "characters long; the leftover piece shorter than T is still part of the stream"),
        Exercise.predictChoice("17.2", Rung.EXPLORATION, "predict when carrying the state between minibatches matters, "
                + "then train both ways", Lesson17::whereResetCosts, Map.of(
            'A', "Resetting cost more than " + COST + " bits per character at both T = 4 and T = 32.",
            'B', "Resetting cost more than " + COST + " bits per character at T = 4 only: with rows of 4 characters, a "
                + "large share of the predictions in training had no context, while at T = 32 most had plenty.",
            'C', "Resetting cost more than " + COST + " bits per character at T = 32 only.",
            'D', "Resetting cost at most " + COST + " bits per character at both lengths.")),
        Exercise.choice("17.3", Rung.EXPLORATION, "what resetting the state takes away in training", 'B', Map.of(
            'A', "Not the gradient: in both runs back-propagation stops at the start of every minibatch, so it reaches "
                + "back at most T steps either way.",
            'B', "With resets, the first characters of every row are predicted from h_0 = c_0 = 0, without the text "
                + "before them, and the model never trains on a state carried in from earlier text, which is what it "
                + "gets on the held-out text. At T = 4 that touches most predictions; at T = 32, few.",
            'C', "Not training data: both runs read exactly the same minibatches in the same order.",
            'D', "Not the evaluation: the held-out text is scored the same way for both models, carrying the state.")),
        Exercise.number("17.4", Rung.CODING, "a unit search of one's own: the h unit that best tracks capital letters",
                c -> capitals(c).r(), 1e-6)
            .withMistake(c -> Math.abs(capitals(c).r()), "that is |r|; give r with its sign")
            .withMistake(c -> UnitSearch.best(states(c), TextProperty.isCapital()).r(), "that unit may be one of c; "
                + "the question asks for the units of h only"),
        Exercise.rule("17.5", Rung.EXPLORATION, "how large a correlation chance alone gives, for any random seed and "
            + "any knob setting", Lesson17::judgeNoise));
  }

  private static BpttBatches batches() {
    return BpttBatches.of(new int[N], B, T);
  }

  /** 17.2: the option the four held-out scores make true (T = 4 carried, reset; T = 32 carried, reset). */
  static char whereResetCosts(Context c) {
    double carried4 = c.number(0, "the T = 4 run that carried its state"), reset4 = c.number(1, "the T = 4 run with resets");
    double carried32 = c.number(2, "the T = 32 run that carried its state"), reset32 = c.number(3,
        "the T = 32 run with resets");
    for (double v : new double[] {carried4, reset4, carried32, reset32}) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("exercise 17.2: the four held-out scores must be finite numbers; run the "
            + "cell that trains the four models first");
      }
    }
    boolean at4 = reset4 - carried4 > COST, at32 = reset32 - carried32 > COST;
    return at4 && at32 ? 'A' : at4 ? 'B' : at32 ? 'C' : 'D';
  }

  private static UnitSearch.States states(Context c) {
    return c.get(0, UnitSearch.States.class, "the trained model's states, trained");
  }

  private static UnitSearch.Finding capitals(Context c) {
    return UnitSearch.best(states(c), TextProperty.isCapital(), "h");
  }

  /** 17.5: the largest |r| over every unit of h and c between the states and the student's random 0/1 property. */
  static double largestChanceCorrelation(UnitSearch.States states, double[] noise) {
    return Math.abs(UnitSearch.best(states, new TextProperty("random 0 or 1", text -> noise)).r());
  }

  private static Verdict judgeNoise(Object given, Context c) {
    if (!(given instanceof Number g)) {
      throw new IllegalArgumentException("exercise 17.5 asks for a number (the largest |r|), not a "
          + given.getClass().getSimpleName());
    }
    double[] noise = c.get(0, double[].class, "your random property noise (a double[] of 0s and 1s)");
    UnitSearch.States states = c.get(1, UnitSearch.States.class, "the trained model's states, trained");
    int n = states.text().length();
    if (noise.length != n) {
      return Verdict.wrong("noise has " + noise.length + " entries; it needs one per character of the probe text, " + n);
    }
    int ones = 0;
    for (double v : noise) {
      if (v != 0 && v != 1) return Verdict.wrong("noise should hold only 0s and 1s, like a coin: found " + v);
      if (v == 1) ones++;
    }
    if (ones == 0 || ones == n) return Verdict.wrong("noise never changes, so no correlation is defined: flip a coin per "
        + "character");
    double r = largestChanceCorrelation(states, noise);
    double answer = g.doubleValue();
    if (Hints.close(-answer, r, 1e-6) && r != 0) return Verdict.wrong("give |r|, without the sign");
    if (!Hints.close(answer, r, 1e-6)) {
      return Verdict.wrong("that is not the largest |r| over every unit of h and c for your noise; search both, "
          + "as UnitSearch.best does");
    }
    double limit = CHANCE_LIMIT / Math.sqrt(n);
    if (r > limit) {
      return Verdict.wrong("|r| = " + Format.number(r, 3) + " is more than chance gives over " + n + " characters (5/√n = "
          + Format.number(limit, 3) + "): is each entry of noise really drawn at random, independently of the text?");
    }
    return Verdict.correct("Chance alone gave |r| = " + Format.number(r, 3) + " over " + n + " characters, below 5/√n = "
        + Format.number(limit, 3) + ": a gain in the lesson's table smaller than this is no evidence that training did "
        + "anything");
  }
}
