package gated.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.Fixtures;
import gated.cell.GruWeights;
import gated.cell.LstmWeights;
import gated.cell.RnnWeights;
import gated.model.OneHot;
import gated.tensor.Matrix;
import gated.tensor.Params;
import gated.tensor.Vec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value and gradient of the batched LSTM, GRU and RNN (either direction, dense or token
 * inputs, a given initial state and a gradient at the final state) against the teaching cells run
 * one sequence at a time: within {@link #DOUBLE_TOLERANCE} in double and {@link #FLOAT_TOLERANCE}
 * in float, both relative to max(1, largest reference magnitude) of each compared quantity. Every
 * case runs with OpenBLAS, some with the plain-Java kernel too. Sizes include T = 1 and B = 1.
 */
class RecurrentEquivalenceTest {
  /** Double: products are summed in another order than the teaching path's, nothing else differs. */
  static final double DOUBLE_TOLERANCE = 1e-9;
  /**
   * Float: storage and products in 32 bits (about 7 significant digits), accumulated over T steps and
   * summed over B·T rows for the weight gradients. Errors seen on these sizes stay below 1e-5.
   */
  static final double FLOAT_TOLERANCE = 1e-4;

  static final int[][] SIZES = {{1, 1, 4, 3}, {20, 1, 4, 3}, {6, 4, 5, 7}, {1, 5, 3, 2}, {9, 8, 16, 32}}; // T, B, X, H

  @AfterEach
  void automaticKernel() {
    Gemm.force(null);
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String cell : new String[] {"LSTM", "GRU", "RNN"}) {
      for (boolean reverse : new boolean[] {false, true}) {
        for (Precision p : Precision.values()) {
          for (Gemm.Kernel k : Gemm.Kernel.values()) {
            for (boolean tokens : new boolean[] {false, true}) {
              for (int[] s : SIZES) {
                if (tokens && s[1] == 1 && s[0] == 20) continue;
                // the plain-Java kernel (the fallback where OpenBLAS does not load): dense inputs, two sizes
                if (k == Gemm.Kernel.JAVA && (tokens || (s[0] != 6 && s[0] != 1))) continue;
                out.add(Arguments.of(cell, reverse, p, k, tokens, s[0], s[1], s[2], s[3]));
              }
            }
          }
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} reverse={1} {2} {3} tokens={4} T={5} B={6} X={7} H={8}")
  @MethodSource("cases")
  void equalsTheTeachingCells(String cell, boolean reverse, Precision precision, Gemm.Kernel kernel, boolean tokens,
      int steps, int batch, int x, int h) {
    Gemm.force(kernel);
    Random r = new Random(31 * steps + 7 * batch + h);
    switch (cell) {
      case "LSTM" -> {
        LstmWeights w = LstmWeights.random(h, x, r);
        w = w.withArray(perturbBiases(w.toArray(), r));
        check(reverse ? BatchLstm.reversed(w, precision) : BatchLstm.of(w, precision), CellReference.lstm(w), reverse,
            tokens, steps, batch, r);
      }
      case "GRU" -> {
        GruWeights w = GruWeights.random(h, x, r);
        w = w.withArray(perturbBiases(w.toArray(), r));
        check(reverse ? BatchGru.reversed(w, precision) : BatchGru.of(w, precision), CellReference.gru(w), reverse,
            tokens, steps, batch, r);
      }
      default -> {
        RnnWeights w = RnnWeights.random(h, x, 0.9, r);
        w = w.withArray(perturbBiases(w.toArray(), r));
        check(reverse ? BatchRnn.reversed(w, precision) : BatchRnn.of(w, precision), CellReference.rnn(w), reverse,
            tokens, steps, batch, r);
      }
    }
  }

  /** Random weights have zero biases; give every number some value so a misplaced bias shows. */
  static double[] perturbBiases(double[] flat, Random r) {
    for (int k = 0; k < flat.length; k++) if (flat[k] == 0) flat[k] = 0.3 * r.nextGaussian();
    return flat;
  }

  static <W extends Params<W>> void check(BatchLayer<W> layer, CellReference<W> ref, boolean reverse, boolean tokens,
      int steps, int batch, Random r) {
    int x = layer.inputSize(), h = layer.outputSize();
    double tol = layer.precision() == Precision.DOUBLE ? DOUBLE_TOLERANCE : FLOAT_TOLERANCE;
    // inputs, as dense vectors for the reference
    List<List<Vec>> xs = new ArrayList<>();
    int[][] ids = new int[batch][steps];
    for (int b = 0; b < batch; b++) {
      List<Vec> seq = new ArrayList<>();
      for (int t = 0; t < steps; t++) {
        ids[b][t] = r.nextInt(x);
        seq.add(tokens ? OneHot.encode(ids[b][t], x) : Fixtures.randomVec(x, r));
      }
      xs.add(seq);
    }
    BatchInput in = tokens ? Tokens.of(ids, x) : SeqBatch.of(xs, layer.precision());
    State init = randomState(ref.stateParts(), batch, h, r);
    State dFinal = randomState(ref.stateParts(), batch, h, r);
    List<List<Vec>> dOut = new ArrayList<>();
    for (int b = 0; b < batch; b++) dOut.add(Fixtures.sequence(steps, h, r));

    BatchTrace trace = layer.forward(in, init);
    BatchGradients<W> g = layer.backward(trace, SeqBatch.of(dOut, layer.precision()), dFinal);

    Err outErr = new Err(), finErr = new Err(), dxErr = new Err(), initErr = new Err();
    double[] dW = new double[ref.weights().count()];
    for (int b = 0; b < batch; b++) {
      List<Vec> initB = rows(init, b), dFinalB = rows(dFinal, b);
      CellReference.Run run = reverse ? ref.forwardReversed(xs.get(b), initB) : ref.forward(xs.get(b), initB);
      CellReference.Grad<W> rg = reverse ? ref.backwardReversed(run, dOut.get(b), dFinalB)
          : ref.backward(run, dOut.get(b), dFinalB);
      for (int t = 0; t < steps; t++) {
        outErr.add(run.outputs().get(t), trace.outputs().vector(b, t));
        if (!tokens) dxErr.add(rg.dInputs().get(t), g.dInputs().vector(b, t));
      }
      for (int k = 0; k < ref.stateParts(); k++) {
        finErr.add(run.finalState().get(k), trace.finalState().part(k).row(b));
        initErr.add(rg.dInitial().get(k), g.dInitial().part(k).row(b));
      }
      CellReference.add(dW, rg.dWeights().toArray());
    }
    Err dwErr = new Err();
    dwErr.add(Vec.of(dW), Vec.of(g.dWeights().toArray()));
    if (tokens) assertNull(g.dInputs(), "no input gradient for tokens");
    for (Object[] e : new Object[][] {{"outputs h_t", outErr}, {"final state", finErr}, {"∂L/∂x_t", dxErr},
        {"∂L/∂(initial state)", initErr}, {"∂L/∂W", dwErr}}) {
      double err = ((Err) e[1]).relative();
      assertTrue(err <= tol, e[0] + ": relative error " + err + " above " + tol);
    }
  }

  static State randomState(int parts, int batch, int h, Random r) {
    List<Matrix> ms = new ArrayList<>();
    for (int k = 0; k < parts; k++) ms.add(Matrix.uniform(batch, h, 0.8, r));
    return new State(ms);
  }

  static List<Vec> rows(State s, int b) {
    List<Vec> out = new ArrayList<>();
    for (Matrix m : s.parts()) out.add(m.row(b));
    return out;
  }

  /** max |ref − got| / max(1, max |ref|) over everything added. */
  static final class Err {
    double diff;
    double scale = 1;

    void add(Vec ref, Vec got) {
      assertEquals(ref.size(), got.size());
      for (int k = 0; k < ref.size(); k++) {
        diff = Math.max(diff, Math.abs(ref.get(k) - got.get(k)));
        scale = Math.max(scale, Math.abs(ref.get(k)));
      }
    }

    double relative() {
      return diff / scale;
    }
  }
}
