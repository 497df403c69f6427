package gated.model;

import gated.internal.Checks;
import gated.tensor.Params;
import gated.tensor.Vec;
import java.util.ArrayList;
import java.util.List;

/**
 * A recurrent model unrolled over a sequence: x_1 … x_T in, one output vector per step out.
 * Implemented by {@link Rnn}, {@link Lstm}, {@link Gru}, {@link StackedLstm} and {@link BiLstm}.
 *
 * @param <W> the weights record, which also holds gradients
 */
public interface SequenceModel<W extends Params<W>> {

  W weights();

  /** The same architecture with other weights (for example after an optimizer step). */
  SequenceModel<W> withWeights(W weights);

  /** X: the size of each x_t. */
  int inputSize();

  /** The size of each output vector (H, or 2H for a concatenating BiLSTM). */
  int outputSize();

  /** Runs the sequence from a zero initial state and keeps every step. */
  Trace forward(List<Vec> xs);

  /**
   * Back-propagation through time. {@code dOutputs.get(t)} is ∂L/∂output_t coming from the layer
   * above (zeros where the loss does not look at step t).
   */
  Gradients<W> backward(Trace trace, List<Vec> dOutputs);

  /** Every step of a forward pass; the outputs are what the layer above sees. */
  interface Trace {
    List<Vec> outputs();

    default int length() {
      return outputs().size();
    }

    default Vec lastOutput() {
      return outputs().get(outputs().size() - 1);
    }
  }

  /**
   * The result of back-propagation through time.
   *
   * @param dWeights ∂L/∂(every weight), summed over time
   * @param dInputs ∂L/∂x_t for each t
   * @param dHidden the total ∂L/∂h_t for each t (from the output at t and from the future), the
   *     quantity whose norm the vanishing-gradient lesson plots
   */
  record Gradients<W>(W dWeights, List<Vec> dInputs, List<Vec> dHidden) {}

  /** A minibatch: each sequence runs independently with the same weights. */
  default List<Trace> forwardBatch(List<List<Vec>> batch) {
    Checks.noNulls("minibatch forward", "the minibatch", batch);
    List<Trace> out = new ArrayList<>();
    for (List<Vec> xs : batch) out.add(forward(xs));
    return out;
  }

  /** The weight gradient of a minibatch: the sum of each sequence's gradient. */
  default W backwardBatch(List<Trace> traces, List<List<Vec>> dOutputs) {
    Checks.noNulls("minibatch backward", "the traces", traces);
    Checks.noNulls("minibatch backward", "the output gradients", dOutputs);
    if (traces.size() != dOutputs.size()) {
      throw new IllegalArgumentException("minibatch backward: " + traces.size() + " traces but " + dOutputs.size()
          + " lists of output gradients");
    }
    W sum = weights().zerosLike();
    for (int k = 0; k < traces.size(); k++) sum = sum.plusScaled(backward(traces.get(k), dOutputs.get(k)).dWeights(), 1);
    return sum;
  }
}
