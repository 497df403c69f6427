package gated.batch;

import gated.cell.GruCell;
import gated.cell.GruStep;
import gated.cell.GruWeights;
import gated.cell.LstmCell;
import gated.cell.LstmStep;
import gated.cell.LstmWeights;
import gated.cell.RnnCell;
import gated.cell.RnnStep;
import gated.cell.RnnWeights;
import gated.model.Sequences;
import gated.tensor.Params;
import gated.tensor.Vec;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference every batched layer is tested against: one sequence at a time through the teaching
 * cells ({@code LstmCell}, {@code GruCell}, {@code RnnCell}), step by step, with BPTT written out as
 * in {@code gated.model} but also taking a gradient at the final state and returning the one at the
 * initial state.
 */
abstract class CellReference<W extends Params<W>> {

  /** The result of one sequence. */
  record Run(List<Vec> outputs, List<Vec> finalState, Object steps) {}

  /** Gradients of one sequence. */
  record Grad<W>(W dWeights, List<Vec> dInputs, List<Vec> dInitial) {}

  abstract W weights();

  abstract int stateParts();

  /** From an initial state (parts as in {@link State}), reading xs in order. */
  abstract Run forward(List<Vec> xs, List<Vec> initial);

  abstract Grad<W> backward(Run run, List<Vec> dOutputs, List<Vec> dFinal);

  /** Same, reading the sequence right to left with outputs aligned to the inputs. */
  Run forwardReversed(List<Vec> xs, List<Vec> initial) {
    Run r = forward(Sequences.reversed(xs), initial);
    return new Run(Sequences.reversed(r.outputs()), r.finalState(), r.steps());
  }

  Grad<W> backwardReversed(Run run, List<Vec> dOutputs, List<Vec> dFinal) {
    Run inOrder = new Run(Sequences.reversed(run.outputs()), run.finalState(), run.steps());
    Grad<W> g = backward(inOrder, Sequences.reversed(dOutputs), dFinal);
    return new Grad<>(g.dWeights(), Sequences.reversed(g.dInputs()), g.dInitial());
  }

  static CellReference<LstmWeights> lstm(LstmWeights w) {
    LstmCell cell = LstmCell.of(w);
    return new CellReference<>() {
      LstmWeights weights() {
        return w;
      }

      int stateParts() {
        return 2;
      }

      Run forward(List<Vec> xs, List<Vec> init) {
        Vec h = init.get(0), c = init.get(1);
        List<LstmStep> steps = new ArrayList<>();
        List<Vec> out = new ArrayList<>();
        for (Vec x : xs) {
          LstmStep s = cell.step(x, h, c);
          steps.add(s);
          out.add(s.h());
          h = s.h();
          c = s.c();
        }
        return new Run(out, List.of(h, c), steps);
      }

      @SuppressWarnings("unchecked")
      Grad<LstmWeights> backward(Run run, List<Vec> dOut, List<Vec> dFinal) {
        List<LstmStep> steps = (List<LstmStep>) run.steps();
        double[] dW = new double[w.count()];
        Vec[] dx = new Vec[steps.size()];
        Vec dh = dFinal.get(0), dc = dFinal.get(1);
        for (int t = steps.size() - 1; t >= 0; t--) {
          LstmCell.Grad g = cell.backward(steps.get(t), dOut.get(t).plus(dh), dc);
          add(dW, g.dWeights().toArray());
          dx[t] = g.dx();
          dh = g.dhPrev();
          dc = g.dcPrev();
        }
        return new Grad<>(w.withArray(dW), List.of(dx), List.of(dh, dc));
      }
    };
  }

  static CellReference<GruWeights> gru(GruWeights w) {
    GruCell cell = GruCell.of(w);
    return new CellReference<>() {
      GruWeights weights() {
        return w;
      }

      int stateParts() {
        return 1;
      }

      Run forward(List<Vec> xs, List<Vec> init) {
        Vec h = init.get(0);
        List<GruStep> steps = new ArrayList<>();
        List<Vec> out = new ArrayList<>();
        for (Vec x : xs) {
          GruStep s = cell.step(x, h);
          steps.add(s);
          out.add(s.h());
          h = s.h();
        }
        return new Run(out, List.of(h), steps);
      }

      @SuppressWarnings("unchecked")
      Grad<GruWeights> backward(Run run, List<Vec> dOut, List<Vec> dFinal) {
        List<GruStep> steps = (List<GruStep>) run.steps();
        double[] dW = new double[w.count()];
        Vec[] dx = new Vec[steps.size()];
        Vec dh = dFinal.get(0);
        for (int t = steps.size() - 1; t >= 0; t--) {
          GruCell.Grad g = cell.backward(steps.get(t), dOut.get(t).plus(dh));
          add(dW, g.dWeights().toArray());
          dx[t] = g.dx();
          dh = g.dhPrev();
        }
        return new Grad<>(w.withArray(dW), List.of(dx), List.of(dh));
      }
    };
  }

  static CellReference<RnnWeights> rnn(RnnWeights w) {
    RnnCell cell = RnnCell.of(w);
    return new CellReference<>() {
      RnnWeights weights() {
        return w;
      }

      int stateParts() {
        return 1;
      }

      Run forward(List<Vec> xs, List<Vec> init) {
        Vec h = init.get(0);
        List<RnnStep> steps = new ArrayList<>();
        List<Vec> out = new ArrayList<>();
        for (Vec x : xs) {
          RnnStep s = cell.step(x, h);
          steps.add(s);
          out.add(s.h());
          h = s.h();
        }
        return new Run(out, List.of(h), steps);
      }

      @SuppressWarnings("unchecked")
      Grad<RnnWeights> backward(Run run, List<Vec> dOut, List<Vec> dFinal) {
        List<RnnStep> steps = (List<RnnStep>) run.steps();
        double[] dW = new double[w.count()];
        Vec[] dx = new Vec[steps.size()];
        Vec dh = dFinal.get(0);
        for (int t = steps.size() - 1; t >= 0; t--) {
          RnnCell.Grad g = cell.backward(steps.get(t), dOut.get(t).plus(dh));
          add(dW, g.dWeights().toArray());
          dx[t] = g.dx();
          dh = g.dhPrev();
        }
        return new Grad<>(w.withArray(dW), List.of(dx), List.of(dh));
      }
    };
  }

  static void add(double[] into, double[] values) {
    for (int k = 0; k < into.length; k++) into[k] += values[k];
  }
}
