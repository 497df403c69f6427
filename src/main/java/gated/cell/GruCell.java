package gated.cell;

import gated.internal.Checks;
import gated.tensor.Matrix;
import gated.tensor.Vec;

/**
 * The gated recurrent unit of Cho et al. (2014), written exactly as in seed 003 (row vectors):
 *
 * <pre>
 *   R_t = σ(X_t·W_xr + H_{t-1}·W_hr + b_r)              reset gate
 *   Z_t = σ(X_t·W_xz + H_{t-1}·W_hz + b_z)              update gate
 *   H̃_t = tanh(X_t·W_xh + (R_t ⊙ H_{t-1})·W_hh + b_h)   candidate
 *   H_t = Z_t ⊙ H_{t-1} + (1 − Z_t) ⊙ H̃_t               one state, no output gate
 * </pre>
 */
public record GruCell(GruWeights weights) {

  public GruCell {
    Checks.notNull("GRU cell", "weights", weights);
    weights.requireFinite("GRU cell");
  }

  public static GruCell of(GruWeights weights) {
    return new GruCell(weights);
  }

  public int hiddenSize() {
    return weights.hiddenSize();
  }

  public int inputSize() {
    return weights.inputSize();
  }

  /** Takes X_t and H_{t-1}, returns H_t with R_t, Z_t and H̃_t. */
  public GruStep step(Vec x, Vec hPrev) {
    String op = "GRU step";
    Checks.notNull(op, "X_t", x);
    Checks.vector(op, "H_{t-1}", hPrev, hiddenSize(), "the hidden size");
    Checks.finite(op, "X_t", x);
    Checks.rowProduct("reset gate", "X_t", x, "W_xr", weights.reset().wx());
    RowGateWeights wr = weights.reset(), wz = weights.update(), wh = weights.candidate();
    Vec zr = Checks.equation("reset gate zr = X_t·W_xr + H_{t-1}·W_hr + b_r",
        () -> x.times(wr.wx()).plus(hPrev.times(wr.wh())).plus(wr.b()));          // X·W_xr + H_{t-1}·W_hr + b_r
    Vec r = Activations.sigmoid(zr);                                              // R_t = σ(…)
    Vec zz = Checks.equation("update gate zz = X_t·W_xz + H_{t-1}·W_hz + b_z",
        () -> x.times(wz.wx()).plus(hPrev.times(wz.wh())).plus(wz.b()));          // X·W_xz + H_{t-1}·W_hz + b_z
    Vec z = Activations.sigmoid(zz);                                              // Z_t = σ(…)
    Vec zh = Checks.equation("candidate zh = X_t·W_xh + (R_t ⊙ H_{t-1})·W_hh + b_h",
        () -> x.times(wh.wx()).plus(r.hadamard(hPrev).times(wh.wh())).plus(wh.b())); // X·W_xh + (R ⊙ H_{t-1})·W_hh + b_h
    Vec hTilde = Activations.tanh(zh);                                            // H̃_t = tanh(…)
    Vec one = Vec.fill(hiddenSize(), 1.0);
    Vec h = z.hadamard(hPrev).plus(one.minus(z).hadamard(hTilde));                      // H_t = Z ⊙ H_{t-1} + (1 − Z) ⊙ H̃
    return new GruStep(x, hPrev, zr, r, zz, z, zh, hTilde, h);
  }

  /**
   * The gradients of one step.
   *
   * @param dWeights gradients of every block
   * @param dx ∂L/∂X_t
   * @param dhPrev ∂L/∂H_{t-1}
   */
  public record Grad(GruWeights dWeights, Vec dx, Vec dhPrev) {}

  /** Given ∂L/∂H_t, back-propagates through the step. */
  public Grad backward(GruStep s, Vec dh) {
    final String op = "GRU backward";
    Checks.notNull(op, "step", s);
    if (s.x().size() != inputSize() || s.h().size() != hiddenSize()) {
      throw new IllegalArgumentException(op + ": the step has X_t of " + s.x().size() + " entries and H_t of "
          + s.h().size() + " but this cell reads X_t of " + inputSize() + " and keeps H_t of " + hiddenSize()
          + " (W_xr is " + weights.reset().wx().shape() + "); the step came from another cell");
    }
    Checks.gradient(op, "∂L/∂H_t", dh, hiddenSize());
    return Checks.equation(op + ": the gradient overflowed (an exploding gradient)", () -> differentiate(s, dh));
  }

  private Grad differentiate(GruStep s, Vec dh) {
    RowGateWeights wr = weights.reset(), wz = weights.update(), wh = weights.candidate();
    Vec one = Vec.fill(hiddenSize(), 1.0);
    Vec dz = dh.hadamard(s.hPrev().minus(s.hTilde()));                 // H = Z ⊙ H_{t-1} + (1 − Z) ⊙ H̃ ⇒ ∂L/∂Z = dH ⊙ (H_{t-1} − H̃)
    Vec dhDirect = dh.hadamard(s.z());                                 //                               ⇒ ∂L/∂H_{t-1} = dH ⊙ Z (direct path)
    Vec dhTilde = dh.hadamard(one.minus(s.z()));                       //                               ⇒ ∂L/∂H̃ = dH ⊙ (1 − Z)
    Vec dzh = dhTilde.hadamard(one.minus(s.hTilde().hadamard(s.hTilde()))); // H̃ = tanh(zh) ⇒ ∂L/∂zh = dH̃ ⊙ (1 − H̃²)
    Vec rh = s.r().hadamard(s.hPrev());                                // R ⊙ H_{t-1}
    Vec dRh = dzh.times(wh.wh().transpose());                       // zh = … + (R ⊙ H_{t-1})·W_hh ⇒ ∂L/∂(R ⊙ H) = dzh·W_hhᵀ
    Vec dr = dRh.hadamard(s.hPrev());                                  //                             ⇒ ∂L/∂R = ∂L/∂(R ⊙ H) ⊙ H_{t-1}
    Vec dhViaReset = dhDirect.plus(dRh.hadamard(s.r()));               //                             ⇒ ∂L/∂H_{t-1} += ∂L/∂(R ⊙ H) ⊙ R
    Vec dzr = dr.hadamard(s.r()).hadamard(one.minus(s.r()));              // R = σ(zr) ⇒ ∂L/∂zr = dR ⊙ R(1 − R)
    Vec dzz = dz.hadamard(s.z()).hadamard(one.minus(s.z()));              // Z = σ(zz) ⇒ ∂L/∂zz = dZ ⊙ Z(1 − Z)
    GruWeights dW = new GruWeights(                                 // z = X·W_x + H·W_h + b ⇒ ∂L/∂W_x = Xᵀ·dz, ∂L/∂W_h = Hᵀ·dz, ∂L/∂b = dz
        new RowGateWeights(Matrix.outer(s.x(), dzr), Matrix.outer(s.hPrev(), dzr), dzr),
        new RowGateWeights(Matrix.outer(s.x(), dzz), Matrix.outer(s.hPrev(), dzz), dzz),
        new RowGateWeights(Matrix.outer(s.x(), dzh), Matrix.outer(rh, dzh), dzh));
    Vec dx = dzr.times(wr.wx().transpose())                         // ⇒ ∂L/∂X = Σ dz·W_xᵀ
        .plus(dzz.times(wz.wx().transpose()))
        .plus(dzh.times(wh.wx().transpose()));
    Vec dhPrev = Checks.gradientResult("GRU backward", "∂L/∂H_{t-1}", "dH ⊙ Z + ∂L/∂(R ⊙ H) ⊙ R + dzr·W_hrᵀ + dzz·W_hzᵀ",
        () -> dhViaReset.plus(dzr.times(wr.wh().transpose()))       // ⇒ ∂L/∂H_{t-1} += dzr·W_hrᵀ + dzz·W_hzᵀ
            .plus(dzz.times(wz.wh().transpose())));
    return new Grad(dW, dx, dhPrev);
  }
}
