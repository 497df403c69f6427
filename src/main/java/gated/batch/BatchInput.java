package gated.batch;

/**
 * What a batched layer reads: B sequences of T steps each, either dense vectors ({@link SeqBatch})
 * or token indices ({@link Tokens}, read as one-hot vectors without building them).
 */
public sealed interface BatchInput permits SeqBatch, Tokens {
  /** T, the number of steps of every sequence. */
  int steps();

  /** B, the number of sequences. */
  int batchSize();

  /** The size of each x_t (the vocabulary size V for tokens). */
  int features();
}
