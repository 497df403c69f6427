package gated.data;

import gated.internal.Checks;
import gated.model.Vocabulary;
import gated.tensor.Vec;
import gated.train.Example;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Running parity of a bit stream, a small compositional task for comparing one LSTM layer with a
 * stack of them: after reading bits b_1 … b_t the label is p_t = b_1 ⊕ b_2 ⊕ … ⊕ b_t, so each answer
 * composes the previous answer with the new bit, p_t = p_{t-1} ⊕ b_t (an XOR, which no single linear
 * threshold can compute).
 *
 * <p>Bits are one-hot: "0" = [1 0], "1" = [0 1]. With {@code everyStep} the example has a target at
 * every step (tagging); without it only the final parity p_T is a target (classification), which is
 * much harder to learn because the only error signal arrives at the end.
 *
 * @param length T, the number of bits in each sequence
 * @param everyStep whether every step has a target (true) or only the last one (false)
 */
public record DepthTask(int length, boolean everyStep) {
  private static final Vocabulary BITS = Vocabulary.of("0", "1");

  public DepthTask {
    Checks.positive("depth task", "sequence length", length);
  }

  /** Running parity with a target at every step. */
  public static DepthTask parity(int length) {
    return new DepthTask(length, true);
  }

  /** Only the parity of the whole sequence, at its last step. */
  public static DepthTask finalParity(int length) {
    return new DepthTask(length, false);
  }

  /** "0" and "1". */
  public Vocabulary vocabulary() {
    return BITS;
  }

  /** X = 2. */
  public int inputSize() {
    return BITS.size();
  }

  /** Two classes: even (0) and odd (1). */
  public int classes() {
    return 2;
  }

  /** T random bits. */
  public int[] bits(Random random) {
    Checks.notNull("depth task", "random", random);
    int[] b = new int[length];
    for (int t = 0; t < length; t++) b[t] = random.nextInt(2);
    return b;
  }

  /** p_t = b_1 ⊕ … ⊕ b_t for t = 1 … T. */
  public static int[] runningParity(int[] bits) {
    if (bits == null || bits.length == 0) throw new IllegalArgumentException("depth task: needs at least one bit");
    int[] p = new int[bits.length];
    int acc = 0;
    for (int t = 0; t < bits.length; t++) {
      if (bits[t] != 0 && bits[t] != 1) {
        throw new IllegalArgumentException("depth task: bit " + (t + 1) + " is " + bits[t] + ", not 0 or 1");
      }
      acc ^= bits[t];                    // p_t = p_{t-1} ⊕ b_t
      p[t] = acc;
    }
    return p;
  }

  /** The example for these bits: one-hot inputs, parity targets (every step, or the last only). */
  public Example example(int[] bits) {
    if (bits == null || bits.length != length) {
      throw new IllegalArgumentException("depth task: expected " + length + " bits, got "
          + (bits == null ? "null" : bits.length));
    }
    int[] p = runningParity(bits);
    List<Vec> xs = new ArrayList<>(length);
    List<Integer> targets = new ArrayList<>(Collections.nCopies(length, (Integer) null));
    for (int t = 0; t < length; t++) {
      xs.add(BITS.oneHot(String.valueOf(bits[t])));
      if (everyStep || t == length - 1) targets.set(t, p[t]);
    }
    return Example.tagged(xs, targets);
  }

  /** {@code count} examples of random bits from {@code random}. */
  public List<Example> examples(int count, Random random) {
    Checks.positive("depth task", "number of examples", count);
    List<Example> out = new ArrayList<>(count);
    for (int k = 0; k < count; k++) out.add(example(bits(random)));
    return out;
  }
}
