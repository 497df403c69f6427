package gated.model;

import gated.cell.GruCell;
import gated.cell.GruStep;
import gated.cell.GruWeights;
import gated.internal.Checks;
import gated.tensor.Vec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A GRU layer unrolled over time from H_0 = 0. */
public record Gru(GruWeights weights) implements SequenceModel<GruWeights> {

  public Gru {
    Checks.notNull("GRU", "weights", weights);
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

  /** Every step of one sequence. */
  public record GruTrace(List<GruStep> steps) implements Trace {
    public GruTrace {
      steps = List.copyOf(steps);
    }

    @Override
    public List<Vec> outputs() {
      return steps.stream().map(GruStep::h).toList();
    }

    public GruStep step(int t) {
      return steps.get(t);
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
    return new GruTrace(steps);
  }

  @Override
  public Gradients<GruWeights> backward(Trace trace, List<Vec> dOutputs) {
    if (!(trace instanceof GruTrace gt)) {
      throw new IllegalArgumentException("GRU backward: expected the trace of a GRU forward pass, got "
          + (trace == null ? "null" : trace.getClass().getSimpleName()));
    }
    int steps = gt.steps().size();
    Sequences.outputGradients("GRU backward", dOutputs, steps, outputSize());
    GruCell cell = cell();
    double[] dW = new double[weights.count()];
    Vec[] dx = new Vec[steps];
    Vec[] dh = new Vec[steps];
    Vec dhNext = Vec.zeros(outputSize());
    for (int t = steps - 1; t >= 0; t--) {
      dh[t] = dOutputs.get(t).plus(dhNext);     // total ∂L/∂H_t
      GruCell.Grad g = cell.backward(gt.step(t), dh[t]);
      Sequences.addInto(dW, g.dWeights().toArray());
      dx[t] = g.dx();
      dhNext = g.dhPrev();
    }
    return new Gradients<>(weights.withArray(dW), Arrays.asList(dx), Arrays.asList(dh));
  }
}
