package gated.data;

import gated.tensor.Vec;
import gated.train.Example;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Test sets that measure generalisation: a test sequence that also occurs in the training set only measures
 * how well the model remembers it. The synthetic tasks draw their sequences at random, so a test set drawn
 * with another random seed can still repeat training sequences, and will when the task has few possible
 * sequences (a gap of 2 with 2 countries and 4 fillers has 2 · 4² = 32).
 *
 * <pre>
 *   List&lt;Example&gt; test = Splits.unseen(task.withSeed(101).withExamples(400).generate(), train, 200);
 * </pre>
 */
public final class Splits {
  private Splits() {}

  /**
   * The first {@code count} of {@code candidates} whose inputs x_1 … x_T are the inputs of no example in
   * {@code train}, in the candidates' order. Fails, saying how many it found, when there are fewer.
   */
  public static List<Example> unseen(List<Example> candidates, List<Example> train, int count) {
    if (candidates == null || train == null) throw new IllegalArgumentException("Splits.unseen: candidates or train is null");
    if (count < 1) throw new IllegalArgumentException("Splits.unseen: count must be ≥ 1, got " + count);
    Set<List<Vec>> seen = new HashSet<>();
    for (Example e : train) seen.add(e.inputs());
    List<Example> out = new ArrayList<>();
    for (Example e : candidates) {
      if (out.size() == count) break;
      if (!seen.contains(e.inputs())) out.add(e);
    }
    if (out.size() < count) {
      throw new IllegalArgumentException("Splits.unseen: only " + out.size() + " of the " + candidates.size()
          + " candidates are not in the training set, " + count + " were asked for; draw more candidates, or the"
          + " task has too few distinct sequences for an unseen test set");
    }
    return List.copyOf(out);
  }

  /** How many different input sequences x_1 … x_T the examples hold. */
  public static int distinctInputs(List<Example> examples) {
    if (examples == null) throw new IllegalArgumentException("Splits.distinctInputs: examples is null");
    Set<List<Vec>> seen = new HashSet<>();
    for (Example e : examples) seen.add(e.inputs());
    return seen.size();
  }
}
