package gated.cell;

import gated.internal.Checks;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import gated.train.NonFiniteException;

/**
 * The weights of one gate in the column-vector convention of seeds 000 and 003:
 * z = W·[h_{t-1}; x_t] + b.
 *
 * @param w W: [H, H+X]; its first H columns multiply h_{t-1}, the last X columns multiply x_t
 * @param b b: [H]
 */
public record GateWeights(Matrix w, Vec b) {

  public GateWeights {
    Checks.notNull("gate weights", "W", w);
    Checks.notNull("gate weights", "b", b);
    if (w.rows() != b.size()) {
      throw new IllegalArgumentException("gate weights: W is " + w.shape() + " but b has " + b.size()
          + " entries; W needs one row per hidden unit");
    }
    if (w.cols() <= w.rows()) {
      throw new IllegalArgumentException("gate weights: W is " + w.shape() + " but it must be H×(H+X) with X ≥ 1, H = "
          + b.size());
    }
  }

  /**
   * From the row-vector convention of seeds 001 and 002: z = x_t·W_x + h_{t-1}·W_h + b.
   *
   * @param wx W_x: [X, H]
   * @param wh W_h: [H, H]
   * @param b b: [H]
   */
  public static GateWeights fromRows(Matrix wx, Matrix wh, Vec b) {
    Checks.notNull("gate weights from rows", "W_x", wx);
    Checks.notNull("gate weights from rows", "W_h", wh);
    Checks.notNull("gate weights from rows", "b", b);
    if (wh.rows() != wh.cols() || wx.cols() != wh.cols() || b.size() != wh.cols()) {
      throw new IllegalArgumentException("gate weights from rows: W_x is " + wx.shape() + ", W_h is " + wh.shape()
          + " and b has " + b.size() + " entries; they must be X×H, H×H and H");
    }
    // Column convention W = [W_hᵀ | W_xᵀ]: [H, H] beside [H, X].
    return new GateWeights(Matrix.hstack(wh.transpose(), wx.transpose()), b);
  }

  public int hiddenSize() {
    return b.size();
  }

  public int inputSize() {
    return w.cols() - w.rows();
  }

  /** The block of W that multiplies h_{t-1}: [H, H]. */
  public Matrix hiddenBlock() {
    return w.block(0, w.rows(), 0, w.rows());
  }

  /** The block of W that multiplies x_t: [H, X]. */
  public Matrix inputBlock() {
    return w.block(0, w.rows(), w.rows(), w.cols());
  }

  /** W_x of the row convention: [X, H]. */
  public Matrix wxRows() {
    return inputBlock().transpose();
  }

  /** W_h of the row convention: [H, H]. */
  public Matrix whRows() {
    return hiddenBlock().transpose();
  }

  /**
   * z = W·[h_{t-1}; x_t] + b, named after its gate in any error:
   * "forget gate: W_f is 3×7 but [h_{t-1}; x_t] has 8 rows".
   */
  Vec preActivation(String gate, String symbol, Vec hx) {
    if (w.cols() != hx.size()) Checks.product(gate, "W_" + symbol, w, "[h_{t-1}; x_t]", hx);
    try {
      return w.times(hx).plus(b);
    } catch (NonFiniteException e) {         // the equation is named only when it overflows
      throw new NonFiniteException(gate + " z_" + symbol + " = W_" + symbol + "·[h_{t-1}; x_t] + b_" + symbol + ": "
          + e.getMessage(), e.quantity(), e.value(), e.index());
    }
  }
}
