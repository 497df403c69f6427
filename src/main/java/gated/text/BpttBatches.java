package gated.text;

import gated.internal.Checks;

/**
 * Cuts one long text (as character indices) into minibatches for truncated back-propagation through
 * time. The text is split into B equal, contiguous <em>streams</em>; stream b is the b-th B-th of the
 * text. Minibatch k holds characters kT … kT+T−1 of every stream as inputs, and the character after
 * each as its target:
 *
 * <pre>
 *   text:     |---- stream 0 ----|---- stream 1 ----| … |---- stream B−1 ----|
 *   batch 0:   [0, T)             [0, T)                 [0, T)
 *   batch 1:   [T, 2T)            [T, 2T)                [T, 2T)
 * </pre>
 *
 * Row b of batch k+1 continues row b of batch k, so the state a model reached at the end of batch k
 * is the right state to start batch k+1 from ("carrying the state"). The gradient is not carried:
 * back-propagation stops at the start of each batch, which is what makes it <em>truncated</em>.
 *
 * @param ids the text as character indices
 * @param streams B, rows per minibatch
 * @param steps T, characters per row
 */
public record BpttBatches(int[] ids, int streams, int steps) {

  public BpttBatches {
    Checks.notNull("truncated BPTT batches", "text indices", ids);
    Checks.positive("truncated BPTT batches", "streams B", streams);
    Checks.positive("truncated BPTT batches", "steps T", steps);
    ids = ids.clone();
    if ((ids.length - 1) / streams < steps) {
      throw new IllegalArgumentException("truncated BPTT batches: " + ids.length + " characters cut into B = " + streams
          + " streams leave " + (ids.length - 1) / streams + " per stream, fewer than T = " + steps);
    }
  }

  public static BpttBatches of(int[] ids, int streams, int steps) {
    return new BpttBatches(ids, streams, steps);
  }

  /** Characters per stream: ⌊(n − 1) / B⌋ (the last character of the text is only ever a target). */
  public int streamLength() {
    return (ids.length - 1) / streams;
  }

  /** Minibatches in one pass over the text (an epoch): ⌊stream length / T⌋. */
  public int count() {
    return streamLength() / steps;
  }

  /** Where row b, step t of minibatch k reads its input in the text (all 0-based). */
  public int position(int batch, int row, int step) {
    checkIndex(batch, row);
    if (step < 0 || step >= steps) throw new IllegalArgumentException("truncated BPTT batches: step " + step
        + " is outside 0.." + (steps - 1));
    return row * streamLength() + batch * steps + step;
  }

  /** The inputs of minibatch k: [B][T] character indices. */
  public int[][] inputs(int batch) {
    return slice(batch, 0);
  }

  /** The targets of minibatch k: [B][T], each the character that follows its input. */
  public int[][] targets(int batch) {
    return slice(batch, 1);
  }

  private int[][] slice(int batch, int shift) {
    checkIndex(batch, 0);
    int[][] out = new int[streams][steps];
    for (int b = 0; b < streams; b++) {
      System.arraycopy(ids, b * streamLength() + batch * steps + shift, out[b], 0, steps);
    }
    return out;
  }

  private void checkIndex(int batch, int row) {
    if (batch < 0 || batch >= count()) {
      throw new IllegalArgumentException("truncated BPTT batches: minibatch " + batch + " is outside 0.." + (count() - 1));
    }
    if (row < 0 || row >= streams) {
      throw new IllegalArgumentException("truncated BPTT batches: row " + row + " is outside 0.." + (streams - 1));
    }
  }
}
