package gated.cell;

import gated.internal.Checks;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import java.util.List;

/**
 * DL4J's {@code LSTM} layer parameters ("W", "RW", "b"), in the row-vector convention
 * z = x_t·W + h_{t-1}·RW + b, with blocks of H columns.
 *
 * <p>DL4J documents its block order as [wi, wf, wo, wg], but its "i" is the <em>cell input</em>
 * (our candidate g = c̃) and its "g" is the <em>input gate</em> (our i). In this course's names the
 * order is therefore <b>g, f, o, i</b>.
 *
 * @param w "W": [X, 4H]
 * @param rw "RW": [H, 4H]
 * @param b "b": [4H]
 */
public record Dl4jLstmWeights(Matrix w, Matrix rw, Vec b) {

  private static final List<LstmGate> ORDER =
      List.of(LstmGate.CANDIDATE, LstmGate.FORGET, LstmGate.OUTPUT, LstmGate.INPUT);

  /** DL4J's block order in this course's names, g, f, o, i (immutable). */
  public static List<LstmGate> blockOrder() {
    return ORDER;
  }

  public Dl4jLstmWeights {
    String op = "DL4J LSTM weights";
    Checks.notNull(op, "W", w);
    Checks.notNull(op, "RW", rw);
    if (rw.cols() != 4L * rw.rows()) {
      throw new IllegalArgumentException(op + ": RW is " + rw.shape() + " but it must be H×4H");
    }
    int h = rw.rows();
    Checks.matrix(op, "W", w, w.rows(), 4 * h, "X×4H with H = " + h + " from RW");
    Checks.finite(op, "RW", rw);
    Checks.vector(op, "b", b, 4 * h, "4H");
  }

  static Dl4jLstmWeights from(LstmWeights weights) {
    int h = weights.hiddenSize();
    Matrix[] x = new Matrix[4];
    Matrix[] r = new Matrix[4];
    double[] bias = new double[4 * h];
    for (int k = 0; k < 4; k++) {
      GateWeights g = weights.gate(ORDER.get(k));
      x[k] = g.wxRows();
      r[k] = g.whRows();
      System.arraycopy(g.b().toArray(), 0, bias, k * h, h);
    }
    return new Dl4jLstmWeights(Matrix.hstack(x), Matrix.hstack(r), Vec.of(bias));
  }

  public LstmWeights toLstmWeights() {
    int h = rw.rows();
    LstmWeights.Builder out = LstmWeights.builder();
    for (int k = 0; k < 4; k++) {
      out.gate(ORDER.get(k), GateWeights.fromRows(w.block(0, w.rows(), k * h, (k + 1) * h),
          rw.block(0, h, k * h, (k + 1) * h), b.slice(k * h, (k + 1) * h)));
    }
    return out.build();
  }
}
