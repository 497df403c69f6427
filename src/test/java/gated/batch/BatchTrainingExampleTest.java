package gated.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.cell.LstmWeights;
import gated.model.DenseWeights;
import gated.train.Adam;
import gated.train.ClassifierWeights;
import gated.train.Clip;
import gated.train.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The training step of the package overview, run as written on a tiny periodic text: the loss falls. */
class BatchTrainingExampleTest {

  @Test
  void theOverviewsTrainingLoopLearnsAPeriodicText() {
    String text = "abcdabcdabcdabcd".repeat(40);
    int vocab = 4, hidden = 8, batch = 4, steps = 8, segments = 60;
    int[] ids = text.chars().map(c -> c - 'a').toArray();
    int stride = ids.length / batch;                 // sequence b reads the text from b·stride on
    Random rng = new Random(1);
    BatchLstm lstm = BatchLstm.of(LstmWeights.random(hidden, vocab, rng), Precision.DOUBLE);
    BatchDense head = BatchDense.of(DenseWeights.random(vocab, hidden, rng), Precision.DOUBLE);
    Adam adam = Adam.withLearningRate(0.02);
    State state = lstm.zeroState(batch);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Progress progress = Progress.of(segments).lossName("bits/char").to(new PrintStream(log, true, StandardCharsets.UTF_8));
    double first = 0, last = 0;
    for (int s = 0; s < segments; s++) {
      int[][] x = new int[batch][steps], y = new int[batch][steps];
      for (int b = 0; b < batch; b++) {
        for (int t = 0; t < steps; t++) {
          int at = (b * stride + s * steps + t) % (ids.length - 1);
          x[b][t] = ids[at];
          y[b][t] = ids[at + 1];
        }
      }
      BatchLstm.LstmTrace tr = lstm.forward(Tokens.of(x, vocab), state);
      BatchDense.Fit fit = head.softmaxCrossEntropy(tr.outputs(), Tokens.of(y, vocab));
      BatchGradients<LstmWeights> g = lstm.backward(tr, fit.dInputs());
      ClassifierWeights<LstmWeights> grad = Clip.byGlobalNorm(new ClassifierWeights<>(g.dWeights(), fit.dWeights()), 5);
      ClassifierWeights<LstmWeights> w = adam.step(new ClassifierWeights<>(lstm.weights(), head.weights()), grad);
      lstm = lstm.withWeights(w.encoder());
      head = head.withWeights(w.head());
      state = tr.finalState();
      progress.step(fit.bits());
      if (s == 0) first = fit.bits();
      last = fit.bits();
    }
    progress.finish();
    assertTrue(first > 1.5, "a fresh model is near 2 bits/char (4 symbols): " + first);
    assertTrue(last < 0.3, "the next letter of abcd… is certain once learned: " + last);
    assertEquals(segments, progress.steps());
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("60 updates in"), log.toString(StandardCharsets.UTF_8));
  }
}
