package gated.cell;

import gated.internal.Checks;
import gated.tensor.Matrix;
import gated.tensor.Vec;

/**
 * One GRU block in seed 003's row-vector convention: z = X_t·W_x + H_{t-1}·W_h + b.
 *
 * @param wx W_x: [X, H]
 * @param wh W_h: [H, H]
 * @param b b: [H]
 */
public record RowGateWeights(Matrix wx, Matrix wh, Vec b) {

  public RowGateWeights {
    Checks.notNull("GRU gate weights", "W_x", wx);
    Checks.notNull("GRU gate weights", "W_h", wh);
    Checks.notNull("GRU gate weights", "b", b);
    int h = b.size();
    Checks.shape("GRU gate weights", "W_h", wh, h, h, "hidden×hidden, hidden " + h + " from b");
    Checks.shape("GRU gate weights", "W_x", wx, wx.rows(), h, "input×hidden, hidden " + h + " from b");
  }
}
