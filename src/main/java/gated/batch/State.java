package gated.batch;

import gated.internal.Checks;
import gated.tensor.Matrix;
import java.util.List;

/**
 * The recurrent state of a minibatch between two segments of text, one [B, H] matrix per part
 * (row b belongs to sequence b). It is a copy: carrying it into the next forward pass continues the
 * sequences, while the gradient stops at the boundary (truncated back-propagation through time).
 *
 * <p>Parts, in order: an LSTM has h then c; a GRU and an RNN have h; a stack lists its layers' parts
 * bottom to top; a bidirectional layer lists its forward direction's parts, then its backward one's.
 *
 * @param parts the matrices, each [B, H]
 */
public record State(List<Matrix> parts) {

  public State {
    Checks.nonEmpty("state", "parts", parts);
    parts = List.copyOf(parts);
    int b = parts.get(0).rows();
    for (int k = 1; k < parts.size(); k++) {
      if (parts.get(k).rows() != b) {
        throw new IllegalArgumentException("state: part " + k + " is " + parts.get(k).shape() + " but part 0 is "
            + parts.get(0).shape() + "; every part needs one row per sequence (B = " + b + ")");
      }
    }
  }

  public static State of(Matrix... parts) {
    Checks.notNull("state", "parts", parts);
    return new State(List.of(parts));
  }

  /** B. */
  public int batchSize() {
    return parts.get(0).rows();
  }

  public Matrix part(int k) {
    if (k < 0 || k >= parts.size()) {
      throw new IllegalArgumentException("state: part " + k + " does not exist; this state has " + parts.size());
    }
    return parts.get(k);
  }

  /** The parts from {@code from} (inclusive) to {@code to} (exclusive), as a state of their own. */
  State slice(int from, int to) {
    return new State(parts.subList(from, to));
  }
}
