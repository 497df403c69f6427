package gated.model;

import gated.cell.RnnCell;
import gated.cell.RnnStep;
import gated.cell.RnnWeights;
import gated.internal.Checks;
import gated.tensor.Vec;
import gated.train.NonFiniteException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain RNN layer unrolled over time from h_0 = 0. */
public record Rnn(RnnWeights weights) implements SequenceModel<RnnWeights> {

  public Rnn {
    Checks.notNull("RNN", "weights", weights);
    weights.requireFinite("RNN");
  }

  public static Rnn of(RnnWeights weights) {
    return new Rnn(weights);
  }

  public RnnCell cell() {
    return new RnnCell(weights);
  }

  @Override
  public Rnn withWeights(RnnWeights w) {
    return new Rnn(w);
  }

  @Override
  public int inputSize() {
    return weights.inputSize();
  }

  @Override
  public int outputSize() {
    return weights.hiddenSize();
  }

  /**
   * Every step of one sequence and the weights that computed them; backward refuses a trace recorded by
   * other weights.
   *
   * @param steps the consecutive steps t = 1 … T
   * @param weights the weights of the forward pass, or null for a trace assembled by hand (then only
   *     its shapes are checked)
   */
  public record RnnTrace(List<RnnStep> steps, RnnWeights weights) implements Trace {
    public RnnTrace {
      steps = Sequences.consecutiveSteps("RNN trace", steps, RnnStep::x, RnnStep::hPrev, RnnStep::h,
          weights == null ? -1 : weights.inputSize(), weights == null ? -1 : weights.hiddenSize());
    }

    /** A trace assembled by hand, of unknown weights: backward checks its shapes only. */
    public RnnTrace(List<RnnStep> steps) {
      this(steps, null);
    }

    @Override
    public List<Vec> outputs() {
      return steps.stream().map(RnnStep::h).toList();
    }

    public RnnStep step(int t) {
      return steps.get(Checks.index("RNN trace", "step index t", t, steps.size()));
    }
  }

  @Override
  public RnnTrace forward(List<Vec> xs) {
    return forward(xs, Vec.zeros(outputSize()));
  }

  public RnnTrace forward(List<Vec> xs, Vec h0) {
    Sequences.inputs("RNN forward", xs, inputSize());
    Checks.vector("RNN forward", "h_0", h0, outputSize(), "the hidden size");
    RnnCell cell = cell();
    List<RnnStep> steps = new ArrayList<>(xs.size());
    Vec h = h0;
    for (Vec x : xs) {
      RnnStep s = cell.step(x, h);             // h_t = tanh(W_x·x_t + W_h·h_{t-1} + b)
      steps.add(s);
      h = s.h();
    }
    return new RnnTrace(steps, weights);
  }

  @Override
  public Gradients<RnnWeights> backward(Trace trace, List<Vec> dOutputs) {
    if (!(trace instanceof RnnTrace rt)) {
      throw new IllegalArgumentException("RNN backward: expected the trace of an RNN forward pass, got "
          + (trace == null ? "null" : trace.getClass().getSimpleName()));
    }
    Sequences.recordedBy("RNN backward", rt.weights(), weights);
    int steps = rt.steps().size();
    Sequences.outputGradients("RNN backward", dOutputs, steps, outputSize());
    RnnCell cell = cell();
    double[] dW = new double[weights.count()];
    Vec[] dx = new Vec[steps];
    Vec[] dh = new Vec[steps];
    Vec dhNext = Vec.zeros(outputSize());
    for (int t = steps - 1; t >= 0; t--) {
      dh[t] = dOutputs.get(t).plus(dhNext);     // total ∂L/∂h_t = from the output + from step t+1
      RnnCell.Grad g;
      try {
        g = cell.backward(rt.step(t), dh[t]);
      } catch (NonFiniteException e) {
        throw Sequences.overflowAt("RNN backward", t, outputSize(), e);
      }
      Sequences.addInto("RNN backward", dW, g.dWeights().toArray());     // shared weights: gradients add over time
      dx[t] = g.dx();
      dhNext = g.dhPrev();                      // ∂L/∂h_{t-1} = W_hᵀ·(∂L/∂h_t ⊙ (1 − h_t²))
    }
    return new Gradients<>(weights.withArray(dW), Arrays.asList(dx), Arrays.asList(dh));
  }
}
