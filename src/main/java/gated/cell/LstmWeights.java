package gated.cell;

import gated.internal.Checks;
import gated.tensor.Flat;
import gated.tensor.Matrix;
import gated.tensor.Params;
import gated.tensor.Vec;
import java.util.Random;

/**
 * The weights of an LSTM cell with hidden size H and input size X, in the column-vector convention of
 * seeds 000 and 003. Each gate has its own W: [H, H+X] acting on [h_{t-1}; x_t] and b: [H].
 *
 * <p>Flat order (for {@link Params}): W_f, b_f, W_i, b_i, W_g, b_g, W_o, b_o, each W row by row.
 * Gradients use the same record.
 *
 * <p>Other layouts convert explicitly: {@link FusedLstmWeights} (seed 001's bundled matrix, blocks
 * f, g, i, o), {@link PytorchLstmWeights} (blocks i, f, g, o with two biases) and
 * {@link Dl4jLstmWeights} (blocks g, f, o, i in our names).
 *
 * @param forget f_t = σ(W_f·[h_{t-1}; x_t] + b_f)
 * @param input i_t = σ(W_i·[h_{t-1}; x_t] + b_i)
 * @param candidate c̃_t = g_t = tanh(W_g·[h_{t-1}; x_t] + b_g)
 * @param output o_t = σ(W_o·[h_{t-1}; x_t] + b_o)
 */
public record LstmWeights(GateWeights forget, GateWeights input, GateWeights candidate, GateWeights output)
    implements Params<LstmWeights> {

  public LstmWeights {
    String op = "LSTM weights";
    Checks.notNull(op, "forget gate (W_f, b_f)", forget);
    Checks.notNull(op, "input gate (W_i, b_i)", input);
    Checks.notNull(op, "candidate (W_g, b_g)", candidate);
    Checks.notNull(op, "output gate (W_o, b_o)", output);
    int h = forget.hiddenSize();
    int cols = forget.w().cols();
    for (LstmGate gate : LstmGate.values()) {
      GateWeights g = gate == LstmGate.FORGET ? forget : gate == LstmGate.INPUT ? input
          : gate == LstmGate.CANDIDATE ? candidate : output;
      if (g.w().rows() != h || g.w().cols() != cols || g.b().size() != h) {   // messages are built only on a mismatch
        String why = "hidden " + h + " × (hidden " + h + " + input " + (cols - h) + "), as W_f";
        Checks.shape(op, "W_" + gate.symbol(), g.w(), h, cols, why);
        Checks.size(op, "b_" + gate.symbol(), g.b(), h, "the hidden size");
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Weights drawn uniformly from [−1/√H, 1/√H] (PyTorch's default), biases zero, from a seeded generator.
   */
  public static LstmWeights random(int hidden, int input, Random random) {
    Checks.positive("LSTM weights", "hidden size", hidden);
    Checks.positive("LSTM weights", "input size", input);
    Checks.sum("LSTM weights", "the width H + X of [h_{t-1}; x_t]", hidden, input);
    double s = 1 / Math.sqrt(hidden);
    Builder b = builder();
    b.forget(Matrix.uniform(hidden, hidden + input, s, random), Vec.zeros(hidden));
    b.input(Matrix.uniform(hidden, hidden + input, s, random), Vec.zeros(hidden));
    b.candidate(Matrix.uniform(hidden, hidden + input, s, random), Vec.zeros(hidden));
    b.output(Matrix.uniform(hidden, hidden + input, s, random), Vec.zeros(hidden));
    return b.build();
  }

  public static LstmWeights zeros(int hidden, int input) {
    Checks.positive("LSTM weights", "hidden size", hidden);
    Checks.positive("LSTM weights", "input size", input);
    Checks.sum("LSTM weights", "the width H + X of [h_{t-1}; x_t]", hidden, input);
    GateWeights z = new GateWeights(Matrix.zeros(hidden, hidden + input), Vec.zeros(hidden));
    return new LstmWeights(z, z, z, z);
  }

  /** Fails if any weight or bias is NaN or ±Inf, naming it: "LSTM cell: W_f holds NaN at (0, 5)". */
  public LstmWeights requireFinite(String operation) {
    String op = Checks.opName(operation, "LSTM weights");
    for (LstmGate g : LstmGate.values()) {
      Checks.finite(op, "W_" + g.symbol(), gate(g).w());
      Checks.finite(op, "b_" + g.symbol(), gate(g).b());
    }
    return this;
  }

  /** H. */
  public int hiddenSize() {
    return forget.hiddenSize();
  }

  /** X. */
  public int inputSize() {
    return forget.inputSize();
  }

  public GateWeights gate(LstmGate g) {
    return switch (Checks.notNull("LSTM weights", "gate", g)) {
      case FORGET -> forget;
      case INPUT -> input;
      case CANDIDATE -> candidate;
      case OUTPUT -> output;
    };
  }

  /** A copy with one gate's weights replaced. */
  public LstmWeights withGate(LstmGate g, GateWeights w) {
    Checks.notNull("LSTM weights with one gate replaced", "gate", g);
    return new LstmWeights(g == LstmGate.FORGET ? w : forget, g == LstmGate.INPUT ? w : input,
        g == LstmGate.CANDIDATE ? w : candidate, g == LstmGate.OUTPUT ? w : output);
  }

  public FusedLstmWeights toFused() {
    return FusedLstmWeights.from(this);
  }

  public PytorchLstmWeights toPytorch() {
    return PytorchLstmWeights.from(this);
  }

  public Dl4jLstmWeights toDl4j() {
    return Dl4jLstmWeights.from(this);
  }

  @Override
  public double[] toArray() {
    return Flat.join(forget.w(), forget.b(), input.w(), input.b(), candidate.w(), candidate.b(), output.w(), output.b());
  }

  @Override
  public LstmWeights withArray(double[] flat) {
    Flat.Reader r = new Flat.Reader(flat, count(), "LSTM weights");
    GateWeights f = new GateWeights(r.matrixLike(forget.w()), r.vecLike(forget.b()));
    GateWeights i = new GateWeights(r.matrixLike(input.w()), r.vecLike(input.b()));
    GateWeights g = new GateWeights(r.matrixLike(candidate.w()), r.vecLike(candidate.b()));
    GateWeights o = new GateWeights(r.matrixLike(output.w()), r.vecLike(output.b()));
    return new LstmWeights(f, i, g, o);
  }

  @Override
  public int count() {
    long h = hiddenSize();
    return Checks.allocatable("LSTM weights", "the flat list 4·[H(H+X) + H]", 4 * (h * (h + inputSize()) + h));
  }

  /** "LSTM weights (H = 3, X = 4: W_f, W_i, W_g, W_o 3×7, b_f, b_i, b_g, b_o 3)". */
  @Override
  public String shapes() {
    return "LSTM weights (H = " + hiddenSize() + ", X = " + inputSize() + ": W_f, W_i, W_g, W_o "
        + forget.w().shape() + ", b_f, b_i, b_g, b_o " + hiddenSize() + ")";
  }

  /** Names every gate, so that no weight is passed by position. */
  public static final class Builder {
    private GateWeights f, i, g, o;

    private Builder() {}

    /** W_f: [H, H+X] on [h_{t-1}; x_t], b_f: [H]. */
    public Builder forget(Matrix w, Vec b) {
      f = new GateWeights(w, b);
      return this;
    }

    /** W_i: [H, H+X], b_i: [H]. */
    public Builder input(Matrix w, Vec b) {
      i = new GateWeights(w, b);
      return this;
    }

    /** W_g (= W_c of seed 003): [H, H+X], b_g: [H]. */
    public Builder candidate(Matrix w, Vec b) {
      g = new GateWeights(w, b);
      return this;
    }

    /** W_o: [H, H+X], b_o: [H]. */
    public Builder output(Matrix w, Vec b) {
      o = new GateWeights(w, b);
      return this;
    }

    public Builder gate(LstmGate gate, GateWeights w) {
      switch (Checks.notNull("LSTM weights builder", "gate", gate)) {
        case FORGET -> f = w;
        case INPUT -> i = w;
        case CANDIDATE -> g = w;
        case OUTPUT -> o = w;
      }
      return this;
    }

    public LstmWeights build() {
      return new LstmWeights(f, i, g, o);
    }
  }
}
