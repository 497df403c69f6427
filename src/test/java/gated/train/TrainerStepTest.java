package gated.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gated.cell.RnnWeights;
import gated.model.Rnn;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrainerStepTest {
  @Test
  @SuppressWarnings("unchecked")
  void theWatcherSeesEveryStepBeforeItIsTaken() {
    Random r = new Random(31);
    Classifier<RnnWeights> start = Classifier.of(Rnn.of(RnnWeights.random(3, 3, 1.0, r)), 2, r);
    List<Example> data = new ArrayList<>(TrainerTest.seed000());
    data.addAll(TrainerTest.seed000());                           // 6 examples: batches of 4 and 2
    List<Trainer.Step<?>> seen = new ArrayList<>();
    Trainer.History<RnnWeights> h = Trainer.builder().epochs(3).batchSize(4).seed(5).sgd(0.3).clipByNorm(0.5)
        .onStep(seen::add).build().fit(start, data, List.of());

    assertEquals(6, seen.size(), "3 epochs × 2 minibatches");
    for (int k = 0; k < seen.size(); k++) {
      assertEquals(k / 2 + 1, seen.get(k).epoch());
      assertEquals(k % 2 + 1, seen.get(k).batch());
      assertEquals(k % 2 == 0 ? 4 : 2, seen.get(k).examples().size());
    }
    assertEquals(start, seen.get(0).before(), "the first step starts from the model passed in");
    Sgd sgd = Sgd.withLearningRate(0.3);
    for (int k = 0; k < seen.size(); k++) {
      Trainer.Step<RnnWeights> s = (Trainer.Step<RnnWeights>) seen.get(k);
      ClassifierWeights<RnnWeights> mean = null;                   // the mean gradient, recomputed
      for (Example ex : s.examples()) {
        ClassifierWeights<RnnWeights> g = s.before().lossAndGradient(ex).gradient();
        mean = mean == null ? g : mean.plusScaled(g, 1);
      }
      mean = mean.scale(1.0 / s.examples().size());
      assertArrayEquals(mean.toArray(), s.gradient().toArray(), 1e-15);
      ClassifierWeights<RnnWeights> after = sgd.step(s.before().weights(), Clip.byGlobalNorm(s.gradient(), 0.5));
      ClassifierWeights<RnnWeights> next = k + 1 < seen.size()
          ? ((Trainer.Step<RnnWeights>) seen.get(k + 1)).before().weights() : h.model().weights();
      assertArrayEquals(after.toArray(), next.toArray(), 1e-15, "step " + k + " leads to the next step's model");
    }
    for (int e = 0; e < 3; e++) {
      double largest = Math.max(seen.get(2 * e).gradient().norm(), seen.get(2 * e + 1).gradient().norm());
      assertEquals(h.gradientNorm().get(e), largest, 0, "History.gradientNorm is the largest step norm of the epoch");
    }
  }

  @Test
  void anSgdStepOnAnOverflowedGradientNamesTheLossL() {
    gated.model.DenseWeights w = new gated.model.DenseWeights(gated.tensor.Matrix.of(1, 1, 3.0), gated.tensor.Vec.of(4.0));
    gated.model.DenseWeights g = new gated.model.DenseWeights(gated.tensor.Matrix.of(1, 1, Double.POSITIVE_INFINITY),
        gated.tensor.Vec.of(0.0));
    NonFiniteException e = assertThrows(NonFiniteException.class, () -> Sgd.withLearningRate(0.1).step(w, g));
    assertEquals(true, e.getMessage().startsWith("SGD step θ − α·∇L: the gradient ∇L holds Infinity"), e.getMessage());
  }

  @Test
  void aMissingWatcherIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trainer.builder().onStep(null));
    assertEquals(true, e.getMessage().contains("step watcher"), e.getMessage());
  }
}
