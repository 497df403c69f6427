package gated.train;

/**
 * Thrown when a gradient or an update stops being a finite number: the exploding-gradient failure of
 * seed 003 ("in the worst case the result is Inf or NaN in the network"), caught before it spreads.
 */
public final class NonFiniteException extends IllegalArgumentException {
  public NonFiniteException(String message) {
    super(message);
  }
}
