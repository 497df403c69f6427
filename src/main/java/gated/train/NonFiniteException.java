package gated.train;

/**
 * Thrown when a computation on finite numbers stops being finite: the exploding-gradient failure of
 * seed 003 ("in the worst case the result is Inf or NaN in the network"), caught before it spreads.
 * Every overflow in the library (a product, a sum, a gradient, an update) is reported this way,
 * naming the operation; {@link Trainer} catches it and records that training diverged.
 *
 * <p>Where it is known, the exception also says which quantity overflowed (e.g. "∂L/∂h_{t-1}"), the
 * value it reached and the index of that entry.
 */
public final class NonFiniteException extends IllegalArgumentException {
  private final String quantity;
  private final double value;
  private final int index;

  public NonFiniteException(String message) {
    this(message, null, Double.NaN, -1);
  }

  /**
   * @param quantity what overflowed, e.g. "∂L/∂h_{t-1}", or null
   * @param value the non-finite value it reached (NaN if unknown)
   * @param index the entry that holds it (−1 if unknown)
   */
  public NonFiniteException(String message, String quantity, double value, int index) {
    super(message);
    this.quantity = quantity;
    this.value = value;
    this.index = index;
  }

  /** What overflowed, e.g. "∂L/∂h_{t-1}", or null when the operation did not name it. */
  public String quantity() {
    return quantity;
  }

  /** The non-finite value reached (NaN when not known). */
  public double value() {
    return value;
  }

  /** The index of the entry that overflowed, or −1 when not known. */
  public int index() {
    return index;
  }
}
