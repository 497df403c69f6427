package gated.train;

/**
 * Thrown when a computation on finite numbers stops being finite: the exploding-gradient failure of
 * seed 003 ("in the worst case the result is Inf or NaN in the network"), caught before it spreads.
 * Every overflow in the library (a product, a sum, a gradient, an update) is reported this way,
 * naming the operation; {@link Trainer} catches it and records that training diverged.
 */
public final class NonFiniteException extends IllegalArgumentException {
  public NonFiniteException(String message) {
    super(message);
  }
}
