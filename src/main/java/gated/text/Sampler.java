package gated.text;

import gated.internal.Checks;
import gated.tensor.Vec;
import java.util.Random;

/**
 * Generates text from a model one character at a time: read a character, turn the logits into
 * probabilities at temperature τ, draw the next character from them, feed it back in.
 *
 * <p>p_k = exp(z_k / τ) / Σ_j exp(z_j / τ). τ = 1 samples from the model as it is; τ &lt; 1 sharpens
 * the distribution towards the most likely character (τ → 0 always picks it); τ &gt; 1 flattens it
 * towards uniform.
 */
public final class Sampler {
  private Sampler() {}

  /** softmax(z / τ), computed without overflow. */
  public static Vec probabilities(Vec logits, double temperature) {
    Checks.notNull("sampling", "logits", logits);
    Checks.positive("sampling", "temperature τ", temperature);
    Checks.finite("sampling", "logits", logits);
    double m = logits.max();
    Vec e = logits.map(z -> Math.exp((z - m) / temperature));
    return e.scale(1 / e.sum());
  }

  /** Draws an index from the probabilities p with one uniform number from {@code random}. */
  public static int draw(Vec p, Random random) {
    Checks.notNull("sampling", "random", random);
    double u = random.nextDouble();
    double sum = 0;
    for (int k = 0; k < p.size(); k++) {
      sum += p.get(k);
      if (u < sum) return k;
    }
    return p.size() - 1;                                     // u within rounding of 1
  }

  /**
   * {@code length} characters generated after reading {@code prompt} (which must be non-empty and use
   * only the vocabulary's characters).
   */
  public static String sample(CharModel<?> model, CharVocabulary vocabulary, String prompt, int length,
      double temperature, Random random) {
    Checks.notNull("sampling", "model", model);
    Checks.notNull("sampling", "vocabulary", vocabulary);
    Checks.notNull("sampling", "prompt", prompt);
    Checks.positive("sampling", "temperature τ", temperature);
    if (prompt.isEmpty()) throw new IllegalArgumentException("sampling: the prompt needs at least one character");
    if (length < 0) throw new IllegalArgumentException("sampling: length must be ≥ 0, got " + length);
    if (vocabulary.size() != model.vocabularySize()) {
      throw new IllegalArgumentException("sampling: the vocabulary has " + vocabulary.size() + " characters but the "
          + "model predicts " + model.vocabularySize());
    }
    CharModel.Forward f = model.forward(new int[][] {vocabulary.encode(prompt)}, model.zeroState(1));
    Vec z = f.logits().get(0).get(prompt.length() - 1);
    CharModel.State state = f.end();
    StringBuilder out = new StringBuilder(length);
    for (int k = 0; k < length; k++) {
      int next = draw(probabilities(z, temperature), random);
      out.append(vocabulary.charAt(next));
      f = model.forward(new int[][] {{next}}, state);        // feed the drawn character back in
      z = f.logits().get(0).get(0);
      state = f.end();
    }
    return out.toString();
  }
}
