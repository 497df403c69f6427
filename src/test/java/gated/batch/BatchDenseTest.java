package gated.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.Fixtures;
import gated.cell.LstmWeights;
import gated.model.DenseWeights;
import gated.tensor.Vec;
import gated.train.ClassifierWeights;
import gated.train.GradientCheck;
import gated.train.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The batched output layer and loss against DenseWeights and Loss one row at a time, and a whole language-model loss against finite differences. */
class BatchDenseTest {

  @ParameterizedTest
  @EnumSource(Precision.class)
  void equalsDenseAndLossRowByRow(Precision p) {
    Random r = new Random(8);
    int steps = 4, batch = 3, h = 5, classes = 6;
    DenseWeights w = DenseWeights.random(classes, h, r);
    w = w.withArray(RecurrentEquivalenceTest.perturbBiases(w.toArray(), r));
    List<List<Vec>> hs = new ArrayList<>();
    int[][] y = new int[batch][steps];
    for (int b = 0; b < batch; b++) {
      hs.add(Fixtures.sequence(steps, h, r));
      for (int t = 0; t < steps; t++) y[b][t] = r.nextInt(classes);
    }
    BatchDense dense = BatchDense.of(w, p);
    SeqBatch in = SeqBatch.of(hs, p);
    Tokens targets = Tokens.of(y, classes);
    BatchDense.Fit fit = dense.softmaxCrossEntropy(in, targets);
    double n = steps * batch, loss = 0;
    DenseWeights dW = w.zerosLike();
    RecurrentEquivalenceTest.Err dh = new RecurrentEquivalenceTest.Err();
    for (int b = 0; b < batch; b++) {
      for (int t = 0; t < steps; t++) {
        Loss.Value l = Loss.softmaxCrossEntropy(w.apply(hs.get(b).get(t)), y[b][t]);
        loss += l.value() / n;
        DenseWeights.Grad g = w.backward(hs.get(b).get(t), l.gradient().scale(1 / n));
        dW = dW.plusScaled(g.dWeights(), 1);
        dh.add(g.dh(), fit.dInputs().vector(b, t));
      }
    }
    double tol = p == Precision.DOUBLE ? RecurrentEquivalenceTest.DOUBLE_TOLERANCE : RecurrentEquivalenceTest.FLOAT_TOLERANCE;
    assertEquals(loss, fit.loss(), tol * Math.max(1, loss));
    assertEquals(loss, dense.meanCrossEntropy(in, targets), tol * Math.max(1, loss));
    assertEquals(fit.loss() / Math.log(2), fit.bits(), 1e-12);
    assertEquals(12, fit.predictions());
    RecurrentEquivalenceTest.Err dw = new RecurrentEquivalenceTest.Err();
    dw.add(Vec.of(dW.toArray()), Vec.of(fit.dWeights().toArray()));
    assertTrue(dw.relative() <= tol, "∂L/∂W_y: " + dw.relative());
    assertTrue(dh.relative() <= tol, "∂L/∂h: " + dh.relative());
    SeqBatch logits = dense.logits(in);
    assertTrue(logits.vector(1, 2).closeTo(w.apply(hs.get(1).get(2)), tol * 10));
  }

  /** Tokens → LSTM → output layer → mean cross-entropy: every weight's gradient against finite differences. */
  @Test
  void languageModelLossMatchesFiniteDifferences() {
    Random r = new Random(9);
    int vocab = 5, h = 3, steps = 4, batch = 2;
    ClassifierWeights<LstmWeights> w = new ClassifierWeights<>(LstmWeights.random(h, vocab, r),
        DenseWeights.random(vocab, h, r));
    int[][] x = new int[batch][steps], y = new int[batch][steps];
    for (int b = 0; b < batch; b++) {
      for (int t = 0; t < steps; t++) {
        x[b][t] = r.nextInt(vocab);
        y[b][t] = r.nextInt(vocab);
      }
    }
    Tokens in = Tokens.of(x, vocab), targets = Tokens.of(y, vocab);
    State init = RecurrentEquivalenceTest.randomState(2, batch, h, r);
    BatchLstm lstm = BatchLstm.of(w.encoder(), Precision.DOUBLE);
    BatchDense head = BatchDense.of(w.head(), Precision.DOUBLE);
    BatchLstm.LstmTrace tr = lstm.forward(in, init);
    BatchDense.Fit fit = head.softmaxCrossEntropy(tr.outputs(), targets);
    BatchGradients<LstmWeights> g = lstm.backward(tr, fit.dInputs());
    ClassifierWeights<LstmWeights> analytic = new ClassifierWeights<>(g.dWeights(), fit.dWeights());
    GradientCheck.Result res = GradientCheck.check(w, analytic, v -> BatchDense.of(v.head(), Precision.DOUBLE)
        .meanCrossEntropy(BatchLstm.of(v.encoder(), Precision.DOUBLE).forward(in, init).outputs(), targets));
    assertTrue(res.passed(), res.toString());
    assertEquals(w.count(), res.checked());
  }

  @Test
  void shapeErrorsNameTheShapes() {
    Random r = new Random(1);
    BatchDense dense = BatchDense.of(DenseWeights.random(4, 3, r), Precision.DOUBLE);
    SeqBatch wrong = SeqBatch.zeros(2, 2, 5, Precision.DOUBLE);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dense.logits(wrong));
    assertTrue(e.getMessage().contains("T=2 × B=2 × F=5") && e.getMessage().contains("4×3"), e.getMessage());
    SeqBatch ok = SeqBatch.zeros(2, 2, 3, Precision.DOUBLE);
    e = assertThrows(IllegalArgumentException.class, () -> dense.softmaxCrossEntropy(ok, Tokens.of(new int[][] {{1, 2, 3}, {0, 0, 0}}, 4)));
    assertTrue(e.getMessage().contains("B=2 × T=3"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> dense.softmaxCrossEntropy(ok, Tokens.of(new int[][] {{1, 2}, {0, 0}}, 7)));
    assertTrue(e.getMessage().contains("7 classes"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> dense.logits(SeqBatch.zeros(2, 2, 3, Precision.FLOAT)));
    assertTrue(e.getMessage().contains("FLOAT"), e.getMessage());
  }
}
