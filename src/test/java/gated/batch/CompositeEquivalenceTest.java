package gated.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.Fixtures;
import gated.cell.GruWeights;
import gated.cell.LstmWeights;
import gated.cell.RnnWeights;
import gated.model.BiLstm;
import gated.model.BiLstmWeights;
import gated.model.MergeMode;
import gated.model.SequenceModel;
import gated.model.StackedLstm;
import gated.model.StackedLstmWeights;
import gated.tensor.Matrix;
import gated.tensor.Params;
import gated.tensor.Vec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stacked and bidirectional batched layers against the teaching path: the LSTM ones against
 * {@link StackedLstm} and {@link BiLstm} directly (every merge mode), the GRU and RNN ones against
 * their cells chained by hand, with an initial state and a gradient at the final state.
 */
class CompositeEquivalenceTest {

  @ParameterizedTest
  @EnumSource(Precision.class)
  void lstmStackEqualsStackedLstm(Precision p) {
    Random r = new Random(3);
    StackedLstmWeights w = StackedLstmWeights.random(3, 5, 4, r);
    w = w.withArray(RecurrentEquivalenceTest.perturbBiases(w.toArray(), r));
    compare(new StackedLstm(w), BatchStack.lstm(w, p), r, p, g -> StackWeights.toStackedLstm(g).toArray());
  }

  @ParameterizedTest
  @EnumSource(MergeMode.class)
  void lstmBidirectionalEqualsBiLstm(MergeMode mode) {
    for (Precision p : Precision.values()) {
      Random r = new Random(4);
      BiLstmWeights w = BiLstmWeights.random(3, 4, r);
      w = w.withArray(RecurrentEquivalenceTest.perturbBiases(w.toArray(), r));
      compare(new BiLstm(w, mode), BatchBidirectional.lstm(w, mode, p), r, p, g -> BiWeights.toBiLstm(g).toArray());
    }
  }

  /** Runs B sequences through the teaching model one by one and through the batched layer at once. */
  static <M extends Params<M>, W extends Params<W>> void compare(SequenceModel<M> plain, BatchLayer<W> batched,
      Random r, Precision p, java.util.function.Function<W, double[]> flatGradient) {
    int steps = 6, batch = 3;
    List<List<Vec>> xs = new ArrayList<>(), dOut = new ArrayList<>();
    for (int b = 0; b < batch; b++) {
      xs.add(Fixtures.sequence(steps, plain.inputSize(), r));
      dOut.add(Fixtures.sequence(steps, plain.outputSize(), r));
    }
    BatchTrace tr = batched.forward(SeqBatch.of(xs, p));
    BatchGradients<W> g = batched.backward(tr, SeqBatch.of(dOut, p));
    double tol = p == Precision.DOUBLE ? RecurrentEquivalenceTest.DOUBLE_TOLERANCE : RecurrentEquivalenceTest.FLOAT_TOLERANCE;
    RecurrentEquivalenceTest.Err out = new RecurrentEquivalenceTest.Err(), dx = new RecurrentEquivalenceTest.Err();
    double[] dW = new double[plain.weights().count()];
    for (int b = 0; b < batch; b++) {
      SequenceModel.Trace pt = plain.forward(xs.get(b));
      SequenceModel.Gradients<M> pg = plain.backward(pt, dOut.get(b));
      for (int t = 0; t < steps; t++) {
        out.add(pt.outputs().get(t), tr.outputs().vector(b, t));
        dx.add(pg.dInputs().get(t), g.dInputs().vector(b, t));
      }
      CellReference.add(dW, pg.dWeights().toArray());
    }
    RecurrentEquivalenceTest.Err dw = new RecurrentEquivalenceTest.Err();
    dw.add(Vec.of(dW), Vec.of(flatGradient.apply(g.dWeights())));
    assertTrue(out.relative() <= tol, "outputs: " + out.relative());
    assertTrue(dx.relative() <= tol, "∂L/∂x: " + dx.relative());
    assertTrue(dw.relative() <= tol, "∂L/∂W: " + dw.relative());
  }

  @ParameterizedTest
  @EnumSource(Precision.class)
  void gruAndRnnStacksEqualTheirCellsChained(Precision p) {
    Random r = new Random(5);
    GruWeights g1 = GruWeights.random(4, 3, r), g2 = GruWeights.random(5, 4, r);
    chained(BatchStack.of(List.of(BatchGru.of(g1, p), BatchGru.of(g2, p))),
        List.of(CellReference.gru(g1), CellReference.gru(g2)), r);
    RnnWeights r1 = RnnWeights.random(4, 3, 0.9, r), r2 = RnnWeights.random(2, 4, 0.9, r);
    chained(BatchStack.of(List.of(BatchRnn.of(r1, p), BatchRnn.of(r2, p))),
        List.of(CellReference.rnn(r1), CellReference.rnn(r2)), r);
  }

  @ParameterizedTest
  @EnumSource(Precision.class)
  void gruAndRnnBidirectionalEqualTheirCellsBothWays(Precision p) {
    Random r = new Random(6);
    GruWeights gf = GruWeights.random(4, 3, r), gb = GruWeights.random(4, 3, r);
    bothWays(BatchBidirectional.gru(new BiWeights<>(gf, gb), MergeMode.CONCAT, p), CellReference.gru(gf),
        CellReference.gru(gb), r);
    RnnWeights rf = RnnWeights.random(4, 3, 0.9, r), rb = RnnWeights.random(4, 3, 0.9, r);
    bothWays(BatchBidirectional.rnn(new BiWeights<>(rf, rb), MergeMode.CONCAT, p), CellReference.rnn(rf),
        CellReference.rnn(rb), r);
  }

  /** A stack against its layers' references applied one after the other, state and final gradient included. */
  static <W extends Params<W>> void chained(BatchStack<W> stack, List<CellReference<W>> refs,
      Random r) {
    int steps = 5, batch = 3, h = stack.outputSize();
    Precision p = stack.precision();
    double tol = p == Precision.DOUBLE ? RecurrentEquivalenceTest.DOUBLE_TOLERANCE : RecurrentEquivalenceTest.FLOAT_TOLERANCE;
    List<List<Vec>> xs = new ArrayList<>(), dOut = new ArrayList<>();
    for (int b = 0; b < batch; b++) {
      xs.add(Fixtures.sequence(steps, stack.inputSize(), r));
      dOut.add(Fixtures.sequence(steps, h, r));
    }
    List<Matrix> initParts = new ArrayList<>(), dFinParts = new ArrayList<>();
    for (BatchLayer<W> l : stack.layers()) {
      initParts.addAll(RecurrentEquivalenceTest.randomState(l.stateParts(), batch, l.outputSize(), r).parts());
      dFinParts.addAll(RecurrentEquivalenceTest.randomState(l.stateParts(), batch, l.outputSize(), r).parts());
    }
    State init = new State(initParts), dFin = new State(dFinParts);
    BatchTrace tr = stack.forward(SeqBatch.of(xs, p), init);
    BatchGradients<StackWeights<W>> g = stack.backward(tr, SeqBatch.of(dOut, p), dFin);
    RecurrentEquivalenceTest.Err out = new RecurrentEquivalenceTest.Err(), dx = new RecurrentEquivalenceTest.Err(),
        dInit = new RecurrentEquivalenceTest.Err(), dW = new RecurrentEquivalenceTest.Err();
    double[][] dWsum = new double[refs.size()][];
    for (int l = 0; l < refs.size(); l++) dWsum[l] = new double[refs.get(l).weights().count()];
    for (int b = 0; b < batch; b++) {
      List<CellReference.Run> runs = new ArrayList<>();
      List<Vec> in = xs.get(b);
      for (int l = 0; l < refs.size(); l++) {
        CellReference.Run run = refs.get(l).forward(in, List.of(init.part(l).row(b)));
        runs.add(run);
        in = run.outputs();
      }
      List<Vec> d = dOut.get(b);
      for (int l = refs.size() - 1; l >= 0; l--) {
        CellReference.Grad<W> rg = refs.get(l).backward(runs.get(l), d, List.of(dFin.part(l).row(b)));
        CellReference.add(dWsum[l], rg.dWeights().toArray());
        dInit.add(rg.dInitial().get(0), g.dInitial().part(l).row(b));
        d = rg.dInputs();
      }
      for (int t = 0; t < steps; t++) {
        out.add(runs.get(refs.size() - 1).outputs().get(t), tr.outputs().vector(b, t));
        dx.add(d.get(t), g.dInputs().vector(b, t));
      }
    }
    for (int l = 0; l < refs.size(); l++) dW.add(Vec.of(dWsum[l]), Vec.of(g.dWeights().layers().get(l).toArray()));
    for (RecurrentEquivalenceTest.Err e : List.of(out, dx, dInit, dW)) assertTrue(e.relative() <= tol, "error " + e.relative());
  }

  /** A concatenating bidirectional layer against a forward and a reversed reference. */
  static <W extends Params<W>> void bothWays(BatchBidirectional<W> bi, CellReference<W> f, CellReference<W> bk, Random r) {
    int steps = 4, batch = 2, h = bi.outputSize() / 2;
    Precision p = bi.precision();
    double tol = p == Precision.DOUBLE ? RecurrentEquivalenceTest.DOUBLE_TOLERANCE : RecurrentEquivalenceTest.FLOAT_TOLERANCE;
    List<List<Vec>> xs = new ArrayList<>(), dOut = new ArrayList<>();
    for (int b = 0; b < batch; b++) {
      xs.add(Fixtures.sequence(steps, bi.inputSize(), r));
      dOut.add(Fixtures.sequence(steps, 2 * h, r));
    }
    BatchTrace tr = bi.forward(SeqBatch.of(xs, p));
    BatchGradients<BiWeights<W>> g = bi.backward(tr, SeqBatch.of(dOut, p));
    RecurrentEquivalenceTest.Err out = new RecurrentEquivalenceTest.Err(), dx = new RecurrentEquivalenceTest.Err(),
        dW = new RecurrentEquivalenceTest.Err();
    double[] dWf = new double[f.weights().count()], dWb = new double[bk.weights().count()];
    Vec zero = Vec.zeros(h);
    for (int b = 0; b < batch; b++) {
      CellReference.Run rf = f.forward(xs.get(b), List.of(zero)), rb = bk.forwardReversed(xs.get(b), List.of(zero));
      List<Vec> dF = new ArrayList<>(), dB = new ArrayList<>();
      for (Vec d : dOut.get(b)) {
        dF.add(d.slice(0, h));
        dB.add(d.slice(h, 2 * h));
      }
      CellReference.Grad<W> gf = f.backward(rf, dF, List.of(zero)), gb = bk.backwardReversed(rb, dB, List.of(zero));
      for (int t = 0; t < steps; t++) {
        out.add(rf.outputs().get(t).concat(rb.outputs().get(t)), tr.outputs().vector(b, t));
        dx.add(gf.dInputs().get(t).plus(gb.dInputs().get(t)), g.dInputs().vector(b, t));
      }
      CellReference.add(dWf, gf.dWeights().toArray());
      CellReference.add(dWb, gb.dWeights().toArray());
    }
    dW.add(Vec.of(dWf), Vec.of(g.dWeights().forward().toArray()));
    dW.add(Vec.of(dWb), Vec.of(g.dWeights().backward().toArray()));
    assertEquals(2 * h, tr.outputs().features());
    for (RecurrentEquivalenceTest.Err e : List.of(out, dx, dW)) assertTrue(e.relative() <= tol, "error " + e.relative());
  }
}
