package gated.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.cell.LstmGate;
import gated.cell.LstmWeights;
import gated.tensor.Matrix;
import gated.tensor.Vec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-wired weights equal the same weights written with index arithmetic, column H + k for word k. */
class HandWiredLstmTest {
  private static final Vocabulary VOCAB = Vocabulary.of("Bob", "is", "nice", "Dan", "evil");

  /** The Bob/Dan network written the long way, as the forget-gate lesson used to. */
  private static LstmWeights byIndexArithmetic() {
    int h = 2;
    int v = VOCAB.size();
    double[][] wF = new double[h][h + v];
    double[][] wI = new double[h][h + v];
    double[][] wG = new double[h][h + v];
    double[][] wO = new double[h][h + v];
    for (String name : List.of("Bob", "Dan")) {
      wF[0][h + VOCAB.indexOf(name)] = -16;
      wF[1][h + VOCAB.indexOf(name)] = -16;
      wI[0][h + VOCAB.indexOf(name)] = 16;
    }
    wG[0][h + VOCAB.indexOf("Bob")] = 3;
    wG[0][h + VOCAB.indexOf("Dan")] = -3;
    for (String trait : List.of("nice", "evil")) wI[1][h + VOCAB.indexOf(trait)] = 16;
    wG[1][h + VOCAB.indexOf("nice")] = 3;
    wG[1][h + VOCAB.indexOf("evil")] = -3;
    return LstmWeights.builder()
        .forget(Matrix.of(wF), Vec.of(8, 8)).input(Matrix.of(wI), Vec.of(-8, -8))
        .candidate(Matrix.of(wG), Vec.of(0, 0)).output(Matrix.of(wO), Vec.of(8, 8)).build();
  }

  private static HandWiredLstm bobDan() {
    return HandWiredLstm.over(VOCAB, 2)
        .bias(LstmGate.FORGET, 8).bias(LstmGate.INPUT, -8).bias(LstmGate.OUTPUT, 8)
        .on("Bob").forget(0, -16).forget(1, -16).input(0, 16).candidate(0, 3)
        .on("Dan").forget(0, -16).forget(1, -16).input(0, 16).candidate(0, -3)
        .on("nice").input(1, 16).candidate(1, 3)
        .on("evil").input(1, 16).candidate(1, -3);
  }

  @Test
  void byWordAndUnitEqualsIndexArithmetic() {
    LstmWeights built = bobDan().build();
    assertArrayEquals(byIndexArithmetic().toArray(), built.toArray(), 0);
    assertEquals(2, built.hiddenSize());
    assertEquals(VOCAB.size(), built.inputSize());
    // the recurrent block (columns 0..H-1, on h_{t-1}) stays zero in every gate
    for (LstmGate g : LstmGate.values()) {
      for (double v : built.gate(g).hiddenBlock().toArray()) assertEquals(0, v, 0, g.title());
    }
  }

  @Test
  void theSameRunGivesTheSameStates() {
    List<Vec> xs = VOCAB.encode("Bob is nice Dan is evil");
    Lstm.LstmTrace a = new Lstm(byIndexArithmetic()).forward(xs);
    Lstm.LstmTrace b = new Lstm(bobDan().build()).forward(xs);
    for (int t = 0; t < xs.size(); t++) assertTrue(a.step(t).c().closeTo(b.step(t).c(), 0));
  }

  @Test
  void isImmutableAndKeepsTheLastValue() {
    HandWiredLstm base = bobDan();
    LstmWeights varied = base.on("Dan").candidate(0, -1).build();
    assertEquals(-3, base.build().candidate().w().get(0, 2 + VOCAB.indexOf("Dan")), 0);
    assertEquals(-1, varied.candidate().w().get(0, 2 + VOCAB.indexOf("Dan")), 0);
    assertEquals(5, HandWiredLstm.over(VOCAB, 2).bias(LstmGate.OUTPUT, 1, 5).build().output().b().get(1), 0);
    assertEquals(0, HandWiredLstm.over(VOCAB, 2).bias(LstmGate.OUTPUT, 1, 5).build().output().b().get(0), 0);
  }

  @Test
  void badInputIsNamed() {
    HandWiredLstm w = HandWiredLstm.over(VOCAB, 2);
    String m = assertThrows(IllegalArgumentException.class, () -> w.forget(0, 1)).getMessage();
    assertTrue(m.contains("say which word") && m.contains(".on(\"Bob\")"), m);
    m = assertThrows(IllegalArgumentException.class, () -> w.on("Carol")).getMessage();
    assertTrue(m.contains("\"Carol\" is not in the vocabulary"), m);
    m = assertThrows(IllegalArgumentException.class, () -> w.on("Bob").input(2, 1)).getMessage();
    assertTrue(m.contains("unit 2 is outside 0..1"), m);
    m = assertThrows(IllegalArgumentException.class, () -> w.on("Bob").output(0, Double.NaN)).getMessage();
    assertTrue(m.contains("weight from \"Bob\" to the output gate, unit 0 is NaN"), m);
    assertThrows(IllegalArgumentException.class, () -> w.bias(LstmGate.FORGET, Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> w.bias(null, 1));
    assertThrows(IllegalArgumentException.class, () -> HandWiredLstm.over(VOCAB, 0));
    assertThrows(IllegalArgumentException.class, () -> HandWiredLstm.over(null, 2));
  }
}
