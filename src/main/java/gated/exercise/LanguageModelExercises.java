package gated.exercise;

import gated.text.Bits;
import gated.text.BpttBatches;
import gated.text.TextProperty;
import gated.text.UnitSearch;
import java.util.List;
import java.util.Map;

/** The checks of notebook 17 (the character-level language model). Expected values are computed here. */
public final class LanguageModelExercises {
  private LanguageModelExercises() {}

  private static final int N = 1_000_001, B = 16, T = 32;

  /** Exercise 1a: minibatches per pass over a text of 1,000,001 characters with B = 16, T = 32. */
  public static void exercise1a(long answer) {
    BpttBatches b = BpttBatches.of(new int[N], B, T);
    Answer.whole("Exercise 1a", answer, b.count(), Map.of(
        (long) ((N - 1) / T), "that cuts the whole text into rows of T; the text is first cut into B streams",
        (long) b.streamLength(), "that is the length of one stream; each minibatch takes T characters of it",
        (long) ((N - 1) / (B * T)) + 1, "one too many: the last, shorter piece of each stream is left out"));
  }

  /** Exercise 1b: the text position (0-based) of the first input of row 3 of minibatch 10. */
  public static void exercise1b(long answer) {
    BpttBatches b = BpttBatches.of(new int[N], B, T);
    Answer.whole("Exercise 1b", answer, b.position(10, 3, 0), Map.of(
        (long) 10 * B * T + 3 * T, "that is where it would be if minibatches took consecutive pieces of the text; "
            + "here row b is the b-th stream",
        (long) 3 * b.streamLength() + 9 * T, "minibatch 10 is the eleventh (counting from 0), so 10·T into the stream"));
  }

  /** Exercise 2a: 1.2 nats per character in bits per character. */
  public static void exercise2a(double answer) {
    Answer.number("Exercise 2a", answer, Bits.fromNats(1.2), 1e-3, Map.of(
        Math.round(1.2 * Math.log(2) * 1e3) / 1e3, "multiplied by ln 2; bits = nats / ln 2",
        Math.round(1.2 / Math.log(10) * 1e3) / 1e3, "that uses log₁₀; bits use log₂"));
  }

  /** Exercise 2b: the perplexity of a model with 1.2 nats per character. */
  public static void exercise2b(double answer) {
    Answer.number("Exercise 2b", answer, Bits.perplexity(Bits.fromNats(1.2)), 1e-3, Map.of(
        Math.round(Math.pow(2, 1.2) * 1e3) / 1e3, "2 to the power of the nats; perplexity = e^nats = 2^bits"));
  }

  /** Exercise 3, before the runs. */
  public static void exercise3Prediction(String prediction) {
    Answer.record("Exercise 3", prediction, List.of("higher", "lower", "same"));
  }

  /** Exercise 3, after the runs: reset minus carried bits per character, "same" within 0.02. */
  public static void exercise3Outcome(String prediction, double carried, double reset) {
    double d = reset - carried;
    String outcome = Math.abs(d) < 0.02 ? "same" : d > 0 ? "higher" : "lower";
    Answer.compare("Exercise 3", prediction, outcome,
        String.format("reset %.3f vs carried %.3f bits per character", reset, carried));
  }

  /** Exercise 3, what resetting removes. */
  public static void exercise3Why(String choice) {
    Answer.choice("Exercise 3 (why)", choice, "b", Answer.options(
        "a", "not this: the gradient never crossed a minibatch boundary in either run; truncation at T is the same",
        "b", "right: with a reset, the first characters of every row are predicted from h_0 = 0, and the model never "
            + "trains on a state carried in from earlier text, which held-out evaluation (carrying its state) gives it",
        "c", "not this: both runs read exactly the same minibatches in the same order"));
  }

  /** Exercise 4: the unit of h that best tracks "is a capital letter", and its r. */
  public static void exercise4(long unit, double r, UnitSearch.States states) {
    UnitSearch.Finding f = UnitSearch.best(states, TextProperty.isCapital(), "h");
    Answer.whole("Exercise 4 (unit)", unit, f.unit(), Map.of());
    Answer.number("Exercise 4 (r)", r, f.r(), 1e-6, Map.of());
  }
}
