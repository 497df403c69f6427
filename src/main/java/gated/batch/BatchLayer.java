package gated.batch;

import gated.tensor.Params;

/**
 * A recurrent layer run over a whole minibatch at once: B sequences of T steps. The batched
 * counterpart of {@link gated.model.SequenceModel}, computing the same values and gradients (the
 * tests check every one against it) with matrix products over the minibatch.
 *
 * <p>A layer holds immutable weights; {@link #withWeights} makes a new layer (after an optimizer
 * step) that shares the old one's buffers. A layer is not meant for two threads at once.
 *
 * @param <W> the weights record of the teaching path, which also holds the gradients
 */
public interface BatchLayer<W extends Params<W>> {

  W weights();

  /** The same layer with other weights, sharing this layer's buffers. */
  BatchLayer<W> withWeights(W weights);

  Precision precision();

  /** X, the size of each x_t (the vocabulary size for {@link Tokens}). */
  int inputSize();

  /** The size of each output vector (H, or 2H for a concatenating bidirectional layer). */
  int outputSize();

  /** How many [B, H] matrices the state has (see {@link State} for their order). */
  int stateParts();

  /** The all-zero state h_0 (= c_0) = 0 for B sequences. */
  State zeroState(int batchSize);

  /**
   * Runs every sequence of the minibatch from {@code initial} (null: the zero state). The trace's
   * outputs are readable until this layer's next forward pass.
   */
  BatchTrace forward(BatchInput inputs, State initial);

  default BatchTrace forward(BatchInput inputs) {
    return forward(inputs, null);
  }

  /**
   * Back-propagation through time over the whole minibatch.
   *
   * @param trace the latest forward pass of this very layer
   * @param dOutputs ∂L/∂output_t for every step and sequence, [T, B, outputSize] (null: zeros)
   * @param dFinal ∂L/∂(final state), parts as in {@link State} (null: zeros; truncated BPTT)
   */
  BatchGradients<W> backward(BatchTrace trace, SeqBatch dOutputs, State dFinal);

  default BatchGradients<W> backward(BatchTrace trace, SeqBatch dOutputs) {
    return backward(trace, dOutputs, null);
  }
}
