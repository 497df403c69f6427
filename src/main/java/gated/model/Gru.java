package gated.model;

import gated.cell.GruCell;
import gated.cell.GruStep;
import gated.cell.GruWeights;
import gated.internal.Checks;
import gated.tensor.Vec;
import gated.train.NonFiniteException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A GRU layer unrolled over time from H_0 = 0. */
public record Gru(GruWeights weights) implements SequenceModel<GruWeights> {

  public Gru {
    Checks.notNull("GRU", "weights", weights);
    weights.requireFinite("GRU");
  }

  public static Gru of(GruWeights weights) {
    return new Gru(weights);
  }

  public GruCell cell() {
    return new GruCell(weights);
  }

  @Override
  public Gru withWeights(GruWeights w) {
    return new Gru(w);
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
  public record GruTrace(List<GruStep> steps, GruWeights weights) implements Trace {
    public GruTrace {
      steps = Sequences.consecutiveSteps("GRU trace", steps, GruStep::x, GruStep::hPrev, GruStep::h,
          weights == null ? -1 : weights.inputSize(), weights == null ? -1 : weights.hiddenSize());
    }

    /** A trace assembled by hand, of unknown weights: backward checks its shapes only. */
    public GruTrace(List<GruStep> steps) {
      this(steps, null);
    }

    @Override
    public List<Vec> outputs() {
      return steps.stream().map(GruStep::h).toList();
    }

    public GruStep step(int t) {
      return steps.get(Checks.index("GRU trace", "step index t", t, steps.size()));
    }
  }

  @Override
  public GruTrace forward(List<Vec> xs) {
    Sequences.inputs("GRU forward", xs, inputSize());
    GruCell cell = cell();
    List<GruStep> steps = new ArrayList<>(xs.size());
    Vec h = Vec.zeros(outputSize());
    for (Vec x : xs) {
      GruStep s = cell.step(x, h);
      steps.add(s);
      h = s.h();
    }
    return new GruTrace(steps, weights);
  }

  @Override
  public Gradients<GruWeights> backward(Trace trace, List<Vec> dOutputs) {
    if (!(trace instanceof GruTrace gt)) {
      throw new IllegalArgumentException("GRU backward: expected the trace of a GRU forward pass, got "
          + (trace == null ? "null" : trace.getClass().getSimpleName()));
    }
    Sequences.recordedBy("GRU backward", gt.weights(), weights);
    int steps = gt.steps().size();
    Sequences.outputGradients("GRU backward", dOutputs, steps, outputSize());
    GruCell cell = cell();
    double[] dW = new double[weights.count()];
    Vec[] dx = new Vec[steps];
    Vec[] dh = new Vec[steps];
    Vec dhNext = Vec.zeros(outputSize());
    for (int t = steps - 1; t >= 0; t--) {
      dh[t] = dOutputs.get(t).plus(dhNext);     // total ∂L/∂H_t
      GruCell.Grad g;
      try {
        g = cell.backward(gt.step(t), dh[t]);
      } catch (NonFiniteException e) {
        throw Sequences.overflowAt("GRU backward", t, outputSize(), e);
      }
      Sequences.addInto("GRU backward", dW, g.dWeights().toArray());
      dx[t] = g.dx();
      dhNext = g.dhPrev();
    }
    return new Gradients<>(weights.withArray(dW), Arrays.asList(dx), Arrays.asList(dh));
  }
}
