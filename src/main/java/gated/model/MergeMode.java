package gated.model;

import gated.internal.Checks;
import gated.tensor.Vec;

/**
 * How a {@link BiLstm} combines the forward state →h_t and the backward state ←h_t (seed 002:
 * "average, sum, multiplication, or concatenation"). With hidden size H in each direction:
 *
 * <ul>
 *   <li>{@link #CONCAT}: [→h_t; ←h_t], output size 2H;</li>
 *   <li>{@link #SUM}: →h_t + ←h_t, output size H;</li>
 *   <li>{@link #AVERAGE}: (→h_t + ←h_t) / 2, output size H;</li>
 *   <li>{@link #MULTIPLY}: →h_t ⊙ ←h_t, output size H.</li>
 * </ul>
 */
public enum MergeMode {
  CONCAT, SUM, AVERAGE, MULTIPLY;

  /** The size of a merged output when each direction has {@code hidden} units. */
  public int outputSize(int hidden) {
    Checks.positive("BiLSTM output size", "the hidden size H", hidden);
    return this == CONCAT ? Checks.product("BiLSTM output size", "2H", 2, hidden) : hidden;
  }

  Vec merge(Vec fwd, Vec bwd) {
    return switch (this) {
      case CONCAT -> fwd.concat(bwd);
      case SUM -> fwd.plus(bwd);
      case AVERAGE -> fwd.plus(bwd).scale(0.5);
      case MULTIPLY -> fwd.hadamard(bwd);
    };
  }

  /** ∂L/∂→h_t and ∂L/∂←h_t from ∂L/∂output_t. */
  Vec[] split(Vec dOut, Vec fwd, Vec bwd) {
    int h = fwd.size();
    return switch (this) {
      case CONCAT -> new Vec[] {dOut.slice(0, h), dOut.slice(h, 2 * h)};  // y = [f; b] ⇒ split
      case SUM -> new Vec[] {dOut, dOut};                                // y = f + b ⇒ both get dy
      case AVERAGE -> new Vec[] {dOut.scale(0.5), dOut.scale(0.5)};      // y = (f + b)/2 ⇒ dy/2 each
      case MULTIPLY -> new Vec[] {dOut.hadamard(bwd), dOut.hadamard(fwd)};     // y = f ⊙ b ⇒ dy ⊙ b, dy ⊙ f
    };
  }
}
