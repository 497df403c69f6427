package gated.cell;

import gated.internal.Checks;
import gated.tensor.Flat;
import gated.tensor.Matrix;
import gated.tensor.Params;
import gated.tensor.Vec;
import java.util.Random;

/**
 * The weights of a GRU cell (Cho et al. 2014) in the row-vector convention of seed 003.
 *
 * <p>Flat order: W_xr, W_hr, b_r, W_xz, W_hz, b_z, W_xh, W_hh, b_h.
 *
 * @param reset R_t = σ(X_t·W_xr + H_{t-1}·W_hr + b_r); W_xr: [X, H], W_hr: [H, H], b_r: [H]
 * @param update Z_t = σ(X_t·W_xz + H_{t-1}·W_hz + b_z); W_xz: [X, H], W_hz: [H, H], b_z: [H]
 * @param candidate H̃_t = tanh(X_t·W_xh + (R_t ⊙ H_{t-1})·W_hh + b_h); W_xh: [X, H], W_hh: [H, H], b_h: [H]
 */
public record GruWeights(RowGateWeights reset, RowGateWeights update, RowGateWeights candidate)
    implements Params<GruWeights> {

  public GruWeights {
    String op = "GRU weights";
    Checks.notNull(op, "reset gate (W_xr, W_hr, b_r)", reset);
    Checks.notNull(op, "update gate (W_xz, W_hz, b_z)", update);
    Checks.notNull(op, "candidate (W_xh, W_hh, b_h)", candidate);
    int h = reset.b().size();
    int x = reset.wx().rows();
    for (var e : new Object[][] {{"r", reset}, {"z", update}, {"h", candidate}}) {
      RowGateWeights g = (RowGateWeights) e[1];
      Checks.shape(op, "W_x" + e[0], g.wx(), x, h, "input " + x + " × hidden " + h + ", as W_xr");
      Checks.shape(op, "W_h" + e[0], g.wh(), h, h, "hidden × hidden, hidden " + h + " from b_r");
      Checks.size(op, "b_" + e[0], g.b(), h, "the hidden size");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Weights uniform in [−1/√H, 1/√H], biases zero. */
  public static GruWeights random(int hidden, int input, Random random) {
    Checks.positive("GRU weights", "hidden size", hidden);
    Checks.positive("GRU weights", "input size", input);
    double s = 1 / Math.sqrt(hidden);
    RowGateWeights[] g = new RowGateWeights[3];
    for (int k = 0; k < 3; k++) {
      g[k] = new RowGateWeights(Matrix.uniform(input, hidden, s, random), Matrix.uniform(hidden, hidden, s, random),
          Vec.zeros(hidden));
    }
    return new GruWeights(g[0], g[1], g[2]);
  }

  /** Fails if any weight or bias is NaN or ±Inf, naming it. */
  public GruWeights requireFinite(String operation) {
    String op = Checks.opName(operation, "GRU weights");
    String[] s = {"r", "z", "h"};
    RowGateWeights[] g = {reset, update, candidate};
    for (int k = 0; k < 3; k++) {
      Checks.finite(op, "W_x" + s[k], g[k].wx());
      Checks.finite(op, "W_h" + s[k], g[k].wh());
      Checks.finite(op, "b_" + s[k], g[k].b());
    }
    return this;
  }

  public int hiddenSize() {
    return reset.b().size();
  }

  public int inputSize() {
    return reset.wx().rows();
  }

  @Override
  public double[] toArray() {
    return Flat.join(reset.wx(), reset.wh(), reset.b(), update.wx(), update.wh(), update.b(), candidate.wx(),
        candidate.wh(), candidate.b());
  }

  @Override
  public GruWeights withArray(double[] flat) {
    Flat.Reader r = new Flat.Reader(flat, count(), "GRU weights");
    RowGateWeights[] g = new RowGateWeights[3];
    RowGateWeights[] like = {reset, update, candidate};
    for (int k = 0; k < 3; k++) {
      g[k] = new RowGateWeights(r.matrixLike(like[k].wx()), r.matrixLike(like[k].wh()), r.vecLike(like[k].b()));
    }
    return new GruWeights(g[0], g[1], g[2]);
  }

  @Override
  public int count() {
    long h = hiddenSize();
    return Checks.allocatable("GRU weights", "the flat list 3·[H(X+H) + H]", 3 * (h * (inputSize() + h) + h));
  }

  /** "GRU weights (H = 3, X = 4: W_xr, W_xz, W_xh 4×3, W_hr, W_hz, W_hh 3×3, b_r, b_z, b_h 3)". */
  @Override
  public String shapes() {
    return "GRU weights (H = " + hiddenSize() + ", X = " + inputSize() + ": W_xr, W_xz, W_xh " + reset.wx().shape()
        + ", W_hr, W_hz, W_hh " + reset.wh().shape() + ", b_r, b_z, b_h " + hiddenSize() + ")";
  }

  /** Names every block, so that no weight is passed by position. */
  public static final class Builder {
    private RowGateWeights r, z, h;

    private Builder() {}

    /** W_xr: [X, H], W_hr: [H, H], b_r: [H]. */
    public Builder reset(Matrix wx, Matrix wh, Vec b) {
      r = new RowGateWeights(wx, wh, b);
      return this;
    }

    /** W_xz: [X, H], W_hz: [H, H], b_z: [H]. */
    public Builder update(Matrix wx, Matrix wh, Vec b) {
      z = new RowGateWeights(wx, wh, b);
      return this;
    }

    /** W_xh: [X, H], W_hh: [H, H], b_h: [H]. */
    public Builder candidate(Matrix wx, Matrix wh, Vec b) {
      h = new RowGateWeights(wx, wh, b);
      return this;
    }

    public GruWeights build() {
      return new GruWeights(r, z, h);
    }
  }
}
