package gated.batch;

/** What a batched forward pass keeps for its backward pass. */
public interface BatchTrace {
  /** h_1 … h_T of every sequence, [T, B, outputSize]: a view, readable until the layer's next forward pass. */
  SeqBatch outputs();

  /** The state after step T (a copy: carry it into the next segment). */
  State finalState();

  /** T. */
  default int steps() {
    return outputs().steps();
  }

  /** B. */
  default int batchSize() {
    return outputs().batchSize();
  }
}
