package gated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.cell.LstmWeights;
import gated.model.Lstm;
import gated.model.Vocabulary;
import gated.train.Classifier;
import gated.train.Example;
import gated.train.GradientCheck;
import gated.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Kernel → Interrupt, as the notebook kernel delivers it: the thread running the cell is interrupted. */
class InterruptTest {
  static final Vocabulary V = Vocabulary.of("cat", "mat", "rat");
  static final Pattern EPOCH = Pattern.compile("^interrupted at epoch (\\d+) of 100000; the weights of (epoch (\\d+)|the model passed in) are kept$");

  @AfterEach
  void clearFlag() {
    Thread.interrupted();
  }

  static Classifier<LstmWeights> model() {
    Random r = new Random(0);
    return Classifier.of(new Lstm(LstmWeights.random(4, 3, r)), 2, r);
  }

  static List<Example> data() {
    List<Example> d = new ArrayList<>();
    for (String s : List.of("cat mat rat", "cat rat rat", "mat mat cat", "rat cat mat")) d.add(Example.labelled(V.encode(s), s.startsWith("cat") ? 0 : 1));
    return d;
  }

  static Trainer trainer(int epochs) {
    return Trainer.builder().epochs(epochs).batchSize(2).adam(0.05).seed(1).build();
  }

  @Test
  void nothingHappensUnlessTheThreadIsInterrupted() {
    Interrupt.check(() -> "never built");
    assertEquals(3, trainer(3).fit(model(), data(), List.of()).loss().size());
  }

  @Test
  void anInterruptBeforeTrainingKeepsTheModelPassedIn() {
    Thread.currentThread().interrupt();
    Interrupted e = assertThrows(Interrupted.class, () -> trainer(100000).fit(model(), data(), List.of()));
    assertEquals("interrupted at epoch 1 of 100000; the weights of the model passed in are kept", e.getMessage());
    Trainer.History<?> partial = (Trainer.History<?>) e.partial();
    assertEquals(0, partial.loss().size());
    assertArrayEquals(model().weights().toArray(), partial.model().weights().toArray());
    assertTrue(Thread.currentThread().isInterrupted(), "the flag stays set for loops further up");
  }

  @Test
  void anInterruptDuringTrainingKeepsExactlyTheWeightsOfTheLastFullEpoch() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread run = new Thread(() -> {
      try {
        trainer(100000).fit(model(), data(), List.of());
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    run.start();
    Thread.sleep(300);
    run.interrupt();
    run.join(10_000);
    Interrupted e = (Interrupted) thrown.get();
    Matcher m = EPOCH.matcher(e.getMessage());
    assertTrue(m.matches(), e.getMessage());
    int done = Integer.parseInt(m.group(1)) - 1;
    Trainer.History<?> partial = (Trainer.History<?>) e.partial();
    assertEquals(done, partial.loss().size());
    // The weights kept are those a run of exactly `done` epochs ends with (the trainer is seeded).
    double[] expected = done == 0 ? model().weights().toArray()
        : trainer(done).fit(model(), data(), List.of()).model().weights().toArray();
    assertArrayEquals(expected, partial.model().weights().toArray());
  }

  @Test
  void aGradientCheckStopsWithOneLine() {
    Classifier<LstmWeights> clf = model();
    Example ex = data().get(0);
    Thread.currentThread().interrupt();
    Interrupted e = assertThrows(Interrupted.class, () -> GradientCheck.check(clf.weights(),
        clf.lossAndGradient(ex).gradient(), w -> clf.withWeights(w).lossAndGradient(ex).loss()));
    assertTrue(e.getMessage().matches("interrupted at parameter 1 of \\d+ of the gradient check"), e.getMessage());
  }
}
