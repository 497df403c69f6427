package gated.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.cell.LstmWeights;
import gated.train.ClassifierWeights;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CharTrainerTest {
  private static final String TINY_TEXT = "abc abd abe abf\n".repeat(40);
  private static final CharVocabulary TINY_VOCABULARY = CharVocabulary.of(TINY_TEXT);
  private static final int[] TINY = TINY_VOCABULARY.encode(TINY_TEXT);

  @Test
  void aSmallLstmBeatsTheBigramOnHeldOutKingJamesText() {
    TextCorpus c = TextCorpus.kjvNewTestament();
    TextCorpus.Split s = c.split(10_000, 10);
    CharVocabulary v = CharVocabulary.of(c.text());
    int[] train = v.encode(s.train());
    BpttBatches held = BpttBatches.of(v.encode(s.heldOut().substring(0, 4 * 64 * 8 + 1)), 4, 64);
    double bigram = Evaluation.bitsPerChar(NGramBaseline.bigram(train, v.size(), 1), held);
    CharTrainer.History<ClassifierWeights<LstmWeights>> h = CharTrainer.builder().streams(16).steps(32).adam(0.02)
        .maxUpdates(300).maxSeconds(600).evaluations(3).build()
        .fit(BatchCharModel.of(RecurrentCharModel.lstm(v.size(), 32, new Random(42)), gated.batch.Precision.DOUBLE), train, held);
    assertEquals(300, h.totalUpdates());
    assertEquals(4, h.heldOutBits().size());                   // before training and 3 evaluations
    assertTrue(h.finalHeldOutBits() < bigram - 0.2, "LSTM " + h.finalHeldOutBits() + " vs bigram " + bigram);
    assertTrue(h.heldOutBits().get(0) > Bits.uniform(v.size()) - 0.5, "an untrained model is near uniform");
    assertEquals(300L * 16 * 32, h.characters());
  }

  @Test
  void sameSeedSameRun() {
    CharVocabulary v = TINY_VOCABULARY;
    int[] ids = TINY;
    BpttBatches held = BpttBatches.of(ids, 2, 8);
    CharTrainer t = CharTrainer.builder().streams(4).steps(8).maxUpdates(20).evaluations(2).build();
    double a = t.fit(RecurrentCharModel.gru(v.size(), 6, new Random(1)), ids, held).finalHeldOutBits();
    double b = t.fit(RecurrentCharModel.gru(v.size(), 6, new Random(1)), ids, held).finalHeldOutBits();
    assertEquals(a, b, 0);
    CharTrainer reset = CharTrainer.builder().streams(4).steps(8).maxUpdates(20).evaluations(2).carryState(false).build();
    double r = reset.fit(RecurrentCharModel.gru(v.size(), 6, new Random(1)), ids, held).finalHeldOutBits();
    assertTrue(Double.isFinite(r) && r != a, "resetting the state changes the run");
  }

  @Test
  void progressIsTheCoursesOneLineWithTheHeldOutScore() {
    CharVocabulary v = TINY_VOCABULARY;
    int[] ids = TINY;
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    CharTrainer.History<?> h = CharTrainer.builder().streams(4).steps(8).maxUpdates(20).evaluations(2)
        .progress(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8)).build()
        .fit(RecurrentCharModel.gru(v.size(), 6, new Random(1)), ids, BpttBatches.of(ids, 2, 8));
    String out = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(1, out.chars().filter(c -> c == '\n').count(), "one line, rewritten in place: " + out);
    String last = out.substring(out.lastIndexOf('\r') + 1).strip();
    assertTrue(last.startsWith("GRU, H = 6  20 updates in "), last);
    assertTrue(last.endsWith(String.format("held-out %.3f", h.finalHeldOutBits())), last);
  }

  @Test
  void logSpacedEvaluationsDoubleAndKeepTheirModels() {
    CharVocabulary v = TINY_VOCABULARY;
    int[] ids = TINY;
    BpttBatches held = BpttBatches.of(ids, 2, 8);
    CharTrainer.History<?> h = CharTrainer.builder().streams(4).steps(8).maxUpdates(80).maxSeconds(600)
        .logSpacedEvaluations(4).build().fit(RecurrentCharModel.gru(v.size(), 6, new Random(1)), ids, held);
    assertEquals(java.util.List.of(0, 10, 20, 40, 80), h.updates());
    assertEquals(5, h.models().size());
    for (int k = 0; k < 5; k++) {                               // each kept model scores what was recorded for it
      assertEquals(h.heldOutBits().get(k), Evaluation.bitsPerChar(h.models().get(k), held), 1e-12);
    }
    CharTrainer.History<?> dense = CharTrainer.builder().streams(4).steps(8).maxUpdates(3).maxSeconds(600)
        .logSpacedEvaluations(6).build().fit(RecurrentCharModel.gru(v.size(), 6, new Random(1)), ids, held);
    assertEquals(java.util.List.of(0, 1, 2, 3), dense.updates(), "never two evaluations of one update");
  }

  @Test
  void aRunCutByItsTimeBudgetSaysSo() {
    CharVocabulary v = TINY_VOCABULARY;
    int[] ids = TINY;
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    CharTrainer.History<?> h = CharTrainer.builder().streams(4).steps(8).maxUpdates(1_000_000).maxSeconds(0.05)
        .progress(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8)).build()
        .fit(RecurrentCharModel.gru(v.size(), 6, new Random(1)), ids, BpttBatches.of(ids, 2, 8));
    String out = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(out.contains("stopped by the time budget of 0.05 s (CPU) after " + h.totalUpdates() + " of 1000000 updates"), out);
  }

  @Test
  void anInterruptStopsBetweenUpdatesAndKeepsTheModelSoFar() {
    CharVocabulary v = TINY_VOCABULARY;
    int[] ids = TINY;
    BpttBatches held = BpttBatches.of(ids, 2, 8);
    Thread.currentThread().interrupt();                        // as Kernel → Interrupt does
    try {
      gated.Interrupted e = org.junit.jupiter.api.Assertions.assertThrows(gated.Interrupted.class, () -> CharTrainer
          .builder().streams(4).steps(8).maxUpdates(20).build().fit(RecurrentCharModel.gru(v.size(), 6, new Random(1)),
              ids, held));
      assertTrue(e.getMessage().startsWith("interrupted after update 0"), e.getMessage());
      CharTrainer.History<?> partial = (CharTrainer.History<?>) e.partial();
      assertEquals(0, partial.totalUpdates());
    } finally {
      Thread.interrupted();                                    // clear the flag for the other tests
    }
  }
}
