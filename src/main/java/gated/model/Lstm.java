package gated.model;

import gated.cell.LstmCell;
import gated.cell.LstmGate;
import gated.cell.LstmStep;
import gated.cell.LstmWeights;
import gated.internal.Checks;
import gated.tensor.Vec;
import gated.train.NonFiniteException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An LSTM layer unrolled over time: the same {@link LstmCell} applied at every step, carrying
 * (h_t, c_t) forward from h_0 = c_0 = 0.
 */
public record Lstm(LstmWeights weights) implements SequenceModel<LstmWeights> {

  public Lstm {
    Checks.notNull("LSTM", "weights", weights);
    weights.requireFinite("LSTM");
  }

  public static Lstm of(LstmWeights weights) {
    return new Lstm(weights);
  }

  public LstmCell cell() {
    return new LstmCell(weights);
  }

  @Override
  public Lstm withWeights(LstmWeights w) {
    return new Lstm(w);
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
   * Every step of one sequence, in order, and the weights that computed them. Back-propagation refuses a
   * trace recorded by other weights, so it never mixes two models.
   *
   * @param steps the consecutive steps t = 1 … T
   * @param weights the weights of the forward pass, or null for a trace assembled by hand (then only
   *     its shapes are checked)
   */
  public record LstmTrace(List<LstmStep> steps, LstmWeights weights) implements Trace {
    public LstmTrace {
      steps = Sequences.consecutiveSteps("LSTM trace", steps, LstmStep::x, LstmStep::hPrev, LstmStep::h,
          weights == null ? -1 : weights.inputSize(), weights == null ? -1 : weights.hiddenSize());
      for (int t = 1; t < steps.size(); t++) {
        if (!steps.get(t).cPrev().equals(steps.get(t - 1).c())) {
          throw new IllegalArgumentException("LSTM trace: step " + (t + 1) + "'s c_{t-1} is not step " + t
              + "'s c_t; a trace holds the consecutive steps of one sequence");
        }
      }
    }

    /** A trace assembled by hand, of unknown weights: backward checks its shapes only. */
    public LstmTrace(List<LstmStep> steps) {
      this(steps, null);
    }

    @Override
    public List<Vec> outputs() {
      return hs();
    }

    /** h_1 … h_T. */
    public List<Vec> hs() {
      return steps.stream().map(LstmStep::h).toList();
    }

    /** c_1 … c_T. */
    public List<Vec> cs() {
      return steps.stream().map(LstmStep::c).toList();
    }

    /** One gate's activation at every step. */
    public List<Vec> gate(LstmGate g) {
      return steps.stream().map(s -> s.gate(g)).toList();
    }

    public LstmStep step(int t) {
      return steps.get(Checks.index("LSTM trace", "step index t", t, steps.size()));
    }

    public LstmStep last() {
      return steps.get(steps.size() - 1);
    }
  }

  @Override
  public LstmTrace forward(List<Vec> xs) {
    return forward(xs, Vec.zeros(outputSize()), Vec.zeros(outputSize()));
  }

  /** From a given initial state (h_0, c_0). */
  public LstmTrace forward(List<Vec> xs, Vec h0, Vec c0) {
    Sequences.inputs("LSTM forward", xs, inputSize());
    Checks.vector("LSTM forward", "h_0", h0, outputSize(), "the hidden size");
    Checks.vector("LSTM forward", "c_0", c0, outputSize(), "the hidden size");
    LstmCell cell = cell();
    List<LstmStep> steps = new ArrayList<>(xs.size());
    Vec h = h0, c = c0;
    for (Vec x : xs) {
      LstmStep s = cell.step(x, h, c);       // (h_t, c_t) = LSTM(x_t, h_{t-1}, c_{t-1})
      steps.add(s);
      h = s.h();
      c = s.c();
    }
    return new LstmTrace(steps, weights);
  }

  /** BPTT with the cell-state gradient as well: dCell.get(t) is the total ∂L/∂c_t. */
  public record LstmGradients(Gradients<LstmWeights> gradients, List<Vec> dCell) {}

  @Override
  public Gradients<LstmWeights> backward(Trace trace, List<Vec> dOutputs) {
    return backwardWithCell(trace, dOutputs).gradients();
  }

  /** BPTT: walks t = T … 1, adding ∂L/∂h_t from the output to the gradient arriving from step t+1. */
  public LstmGradients backwardWithCell(Trace trace, List<Vec> dOutputs) {
    if (!(trace instanceof LstmTrace lt)) {
      throw new IllegalArgumentException("LSTM backward: expected the trace of an LSTM forward pass, got "
          + (trace == null ? "null" : trace.getClass().getSimpleName()));
    }
    Sequences.recordedBy("LSTM backward", lt.weights(), weights);
    int steps = lt.steps().size();
    Sequences.outputGradients("LSTM backward", dOutputs, steps, outputSize());
    LstmCell cell = cell();
    double[] dW = new double[weights.count()];
    Vec[] dx = new Vec[steps];
    Vec[] dh = new Vec[steps];
    Vec[] dc = new Vec[steps];
    Vec dhNext = Vec.zeros(outputSize());                    // ∂L/∂h_t arriving from step t+1
    Vec dcNext = Vec.zeros(outputSize());                    // ∂L/∂c_t arriving from step t+1
    for (int t = steps - 1; t >= 0; t--) {
      dh[t] = dOutputs.get(t).plus(dhNext);                  // total ∂L/∂h_t = from the output + from the future
      dc[t] = dcNext;
      LstmCell.Grad g;
      try {
        g = cell.backward(lt.step(t), dh[t], dcNext);
      } catch (NonFiniteException e) {
        throw Sequences.overflowAt("LSTM backward", t, outputSize(), e);
      }
      Sequences.addInto("LSTM backward", dW, g.dWeights().toArray());     // shared weights: gradients add over time
      dx[t] = g.dx();
      dhNext = g.dhPrev();
      dcNext = g.dcPrev();
    }
    // dc[t] above is what arrives from the future; the total ∂L/∂c_t also includes the path through h_t.
    List<Vec> dCellTotal = new ArrayList<>();
    for (int t = 0; t < steps; t++) {
      LstmStep s = lt.step(t);
      Vec viaH = dh[t].hadamard(s.o()).hadamard(s.tanhC().map(v -> 1 - v * v));
      dCellTotal.add(dc[t].plus(viaH));
    }
    Gradients<LstmWeights> grads = new Gradients<>(weights.withArray(dW), Arrays.asList(dx), Arrays.asList(dh));
    return new LstmGradients(grads, dCellTotal);
  }
}
