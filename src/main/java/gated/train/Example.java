package gated.train;

import gated.internal.Checks;
import gated.tensor.Vec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One training sequence: inputs x_1 … x_T and a target class at some steps.
 * {@code targets.get(t)} is the class expected after reading x_t, or {@code null} where the loss
 * does not look (for a sentence classifier, every step but the last).
 *
 * @param inputs x_1 … x_T
 * @param targets one entry per step, null where there is no target
 */
public record Example(List<Vec> inputs, List<Integer> targets) {

  public Example {
    Checks.nonEmpty("training example", "inputs", inputs);
    for (int t = 0; t < inputs.size(); t++) Checks.finite("training example", "x_" + (t + 1), inputs.get(t));
    Checks.notNull("training example", "targets", targets);
    if (targets.size() != inputs.size()) {
      throw new IllegalArgumentException("training example: " + inputs.size() + " inputs but " + targets.size()
          + " targets; give one target (or null) per step");
    }
    if (targets.stream().allMatch(t -> t == null)) {
      throw new IllegalArgumentException("training example: no step has a target");
    }
    for (int t = 0; t < targets.size(); t++) {
      if (targets.get(t) != null && targets.get(t) < 0) {
        throw new IllegalArgumentException("training example: the target at t = " + t + " is " + targets.get(t)
            + "; classes are numbered from 0");
      }
    }
    inputs = List.copyOf(inputs);
    targets = Collections.unmodifiableList(new ArrayList<>(targets));
  }

  /** A sequence with one label, read after the last step: sentence classification. */
  public static Example labelled(List<Vec> inputs, int label) {
    Checks.nonEmpty("training example", "inputs", inputs);
    List<Integer> t = new ArrayList<>(Collections.nCopies(inputs.size(), (Integer) null));
    t.set(inputs.size() - 1, label);
    return new Example(inputs, t);
  }

  /** A label at every step: sequence tagging. */
  public static Example tagged(List<Vec> inputs, List<Integer> labels) {
    return new Example(inputs, labels);
  }

  /** The label of the last step (the sentence's class). */
  public int label() {
    Integer t = targets.get(targets.size() - 1);
    if (t == null) {
      throw new IllegalArgumentException("training example: label() reads the target of the last step, and this example"
          + " has none there (targets " + targets + ")");
    }
    return t;
  }
}
