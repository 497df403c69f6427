package gated.batch;

/**
 * The number type the batched path stores and multiplies in. The teaching path ({@code gated.cell},
 * {@code gated.model}) is always double.
 *
 * <ul>
 *   <li>{@link #DOUBLE}: 64-bit, equal to the teaching path within 1e-9 (the tests check it).</li>
 *   <li>{@link #FLOAT}: 32-bit storage and matrix products (about twice as fast, half the memory);
 *       element-wise work (σ, tanh, the cell update) is still computed in double and rounded when
 *       stored. The tests state its tolerance against the teaching path.</li>
 * </ul>
 */
public enum Precision {
  DOUBLE(8), FLOAT(4);

  private final int bytes;

  Precision(int bytes) {
    this.bytes = bytes;
  }

  /** Bytes per number. */
  public int bytes() {
    return bytes;
  }
}
