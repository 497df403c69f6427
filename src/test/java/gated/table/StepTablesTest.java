package gated.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gated.Fixtures;
import gated.cell.GateWeights;
import gated.cell.GruWeights;
import gated.cell.LstmGate;
import gated.cell.LstmStep;
import gated.cell.LstmWeights;
import gated.cell.RnnWeights;
import gated.model.Gru;
import gated.model.Lstm;
import gated.model.ParamCount;
import gated.model.Rnn;
import gated.tensor.Vec;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Tables hold exactly the step records' numbers, under the equations' names, printed to 4 decimals. */
class StepTablesTest {
  private static final int UNITS = 3;
  private static final int STEPS = 5;
  private static final List<Vec> XS = Fixtures.sequence(STEPS, 4, new Random(2));
  private static final Lstm.LstmTrace LSTM = new Lstm(LstmWeights.random(UNITS, 4, new Random(1))).forward(XS);
  private static final List<String> LSTM_COLUMNS = List.of("c_{t-1}", "z_f", "f", "z_i", "i", "z_g", "g=c̃", "z_o", "o",
      "c_t", "tanh(c_t)", "h_t");

  @Test
  void lstmByUnitHasOneRowPerUnitAndTheStepValues() {
    LstmStep s = LSTM.step(2);
    Table t = StepTables.lstmByUnit(s);
    assertEquals(concat("unit", LSTM_COLUMNS), t.columnNames());
    assertEquals(UNITS, t.rowCount());
    for (int k = 0; k < UNITS; k++) {
      assertEquals(k, t.intColumn("unit").getInt(k));
      assertEquals(s.cPrev().get(k), t.doubleColumn("c_{t-1}").getDouble(k));
      assertEquals(s.zf().get(k), t.doubleColumn("z_f").getDouble(k));
      assertEquals(s.f().get(k), t.doubleColumn("f").getDouble(k));
      assertEquals(s.g().get(k), t.doubleColumn("g=c̃").getDouble(k));
      assertEquals(s.o().get(k), t.doubleColumn("o").getDouble(k));
      assertEquals(s.c().get(k), t.doubleColumn("c_t").getDouble(k));
      assertEquals(s.tanhC().get(k), t.doubleColumn("tanh(c_t)").getDouble(k));
      assertEquals(s.h().get(k), t.doubleColumn("h_t").getDouble(k));
    }
  }

  @Test
  void everyDoubleColumnPrintsExactlyFourDecimals() {
    Table t = StepTables.lstmByUnit(LSTM.step(0));
    for (String name : LSTM_COLUMNS) {
      for (int r = 0; r < t.rowCount(); r++) {
        String cell = t.doubleColumn(name).getString(r);
        assertTrue(cell.matches("-?\\d+\\.\\d{4}"), name + " row " + r + " printed as '" + cell + "'");
      }
    }
    String f0 = t.doubleColumn("f").getString(0);
    assertEquals(String.format(java.util.Locale.ROOT, "%.4f", LSTM.step(0).f().get(0)), f0);
    assertTrue(StepTables.print(t).contains(f0));
  }

  @Test
  void lstmByStepHasOneRowPerStepForOneUnit() {
    Table t = StepTables.lstmByStep(LSTM, 1);
    assertEquals(concat("t", LSTM_COLUMNS), t.columnNames());
    assertEquals(STEPS, t.rowCount());
    for (int r = 0; r < STEPS; r++) {
      assertEquals(r + 1, t.intColumn("t").getInt(r));
      assertEquals(LSTM.step(r).i().get(1), t.doubleColumn("i").getDouble(r));
      assertEquals(LSTM.step(r).zo().get(1), t.doubleColumn("z_o").getDouble(r));
      assertEquals(LSTM.step(r).cPrev().get(1), t.doubleColumn("c_{t-1}").getDouble(r));
    }
  }

  @Test
  void wordsComeFirst() {
    List<String> words = List.of("a", "b", "c", "d", "e");
    Table t = StepTables.lstmByStep(LSTM, 0, words);
    assertEquals("word", t.columnNames().get(0));
    assertEquals("t", t.columnNames().get(1));
    assertEquals("c", t.stringColumn("word").get(2));
    assertThrows(IllegalArgumentException.class, () -> StepTables.lstmByStep(LSTM, 0, List.of("a")));
    assertThrows(IllegalArgumentException.class, () -> StepTables.lstmByStep(LSTM, UNITS));
  }

  @Test
  void gruTables() {
    Gru.GruTrace trace = new Gru(GruWeights.random(UNITS, 4, new Random(1))).forward(XS);
    List<String> cols = List.of("H_{t-1}", "a_R", "R_t", "a_Z", "Z_t", "a_H̃", "H̃_t", "H_t");
    Table byUnit = StepTables.gruByUnit(trace.step(1));
    assertEquals(concat("unit", cols), byUnit.columnNames());
    assertEquals(UNITS, byUnit.rowCount());
    assertEquals(trace.step(1).hTilde().get(2), byUnit.doubleColumn("H̃_t").getDouble(2));
    Table byStep = StepTables.gruByStep(trace, 2);
    assertEquals(concat("t", cols), byStep.columnNames());
    assertEquals(STEPS, byStep.rowCount());
    for (int r = 0; r < STEPS; r++) {
      assertEquals(trace.step(r).z().get(2), byStep.doubleColumn("Z_t").getDouble(r));
      assertEquals(trace.step(r).r().get(2), byStep.doubleColumn("R_t").getDouble(r));
      assertEquals(trace.step(r).h().get(2), byStep.doubleColumn("H_t").getDouble(r));
    }
  }

  @Test
  void rnnByStep() {
    Rnn.RnnTrace trace = new Rnn(RnnWeights.random(UNITS, 4, new Random(1))).forward(XS);
    Table t = StepTables.rnnByStep(trace, 0);
    assertEquals(List.of("t", "h_{t-1}", "a_t", "h_t"), t.columnNames());
    assertEquals(STEPS, t.rowCount());
    for (int r = 0; r < STEPS; r++) {
      assertEquals(trace.step(r).a().get(0), t.doubleColumn("a_t").getDouble(r));
      assertEquals(trace.step(r).h().get(0), t.doubleColumn("h_t").getDouble(r));
    }
  }

  @Test
  void gateByStepHasOneColumnPerUnit() {
    Table t = StepTables.gateByStep(LSTM.gate(LstmGate.FORGET), "f");
    assertEquals(List.of("t", "f[0]", "f[1]", "f[2]"), t.columnNames());
    assertEquals(STEPS, t.rowCount());
    for (int r = 0; r < STEPS; r++) {
      for (int k = 0; k < UNITS; k++) assertEquals(LSTM.step(r).f().get(k), t.doubleColumn("f[" + k + "]").getDouble(r));
    }
    assertTrue(t.doubleColumn("f[1]").getString(3).matches("-?\\d+\\.\\d{4}"));
  }

  @Test
  void breakdownHasEveryTermAndATotalRow() {
    ParamCount.Breakdown b = ParamCount.lstm(4, 3, ParamCount.Bias.ONE);
    Table t = StepTables.breakdown(b);
    assertEquals(List.of("layer", "part", "shape", "weights", "biases", "total"), t.columnNames());
    assertEquals(b.terms().size() + 1, t.rowCount());
    int last = t.rowCount() - 1;
    assertEquals("total", t.stringColumn("layer").get(last));
    assertEquals(84L, t.longColumn("weights").getLong(last));
    assertEquals(12L, t.longColumn("biases").getLong(last));
    assertEquals(96L, t.longColumn("total").getLong(last));
    assertEquals("W_f", t.stringColumn("part").get(0));
    assertEquals("3×7", t.stringColumn("shape").get(0));
  }

  @Test
  void printKeepsEveryLineWithinAPageAndEveryNumberInIt() {
    // the widest case in the course: long words, pre-activations of ±1000 (gates pinned by a bias of 1000)
    LstmWeights w = LstmWeights.random(UNITS, 4, new Random(3));
    GateWeights pinned = new GateWeights(gated.tensor.Matrix.zeros(UNITS, UNITS + 4), Vec.fill(UNITS, 1000));
    Lstm.LstmTrace trace = new Lstm(w.withGate(LstmGate.FORGET, pinned)).forward(XS);
    List<String> words = List.of("single-handedly", "contributions", "a", "b", "c");
    Table t = StepTables.lstmByStep(trace, 0, words);
    String text = StepTables.print(t);
    for (String line : text.split("\n")) {
      assertTrue(line.length() <= StepTables.WIDTH, "line of " + line.length() + " characters: " + line);
    }
    assertTrue(text.contains("LSTM steps, unit 0 (part 1 of 2)"), text);
    assertTrue(text.contains("LSTM steps, unit 0 (part 2 of 2)"), text);
    for (String name : t.columnNames()) assertTrue(text.contains(name), name + " missing:\n" + text);
    for (int r = 0; r < t.rowCount(); r++) {
      for (String name : LSTM_COLUMNS) {
        assertTrue(text.contains(t.doubleColumn(name).getString(r)), name + " row " + r + " missing");
      }
    }
    // every part repeats the word and t columns, so each row is readable on its own
    assertEquals(2, text.split("single-handedly", -1).length - 1);
    assertTrue(text.contains("1000.0000"));
    // a pre-activation stays next to its activation: no part starts with an activation
    for (String part : text.split("\n\n")) {
      String header = part.split("\n")[1];
      assertTrue(header.matches("word\\s+t\\s+(c_\\{t-1\\}|z_).*"), header);
    }
  }

  @Test
  void printAlignsColumnsAndLeavesNarrowTablesWhole() {
    Table t = StepTables.breakdown(ParamCount.lstm(4, 3, ParamCount.Bias.ONE));
    String text = StepTables.print(t);
    String[] lines = text.split("\n");
    assertEquals("parameters", lines[0]);
    assertTrue(lines[1].startsWith("layer"), lines[1]);
    assertEquals(lines[1].indexOf("total") + "total".length(), lines[lines.length - 1].length(),
        "numbers are right-aligned under their heading:\n" + text);
    assertTrue(lines[lines.length - 1].endsWith("96"), text);
    assertTrue(!text.contains("part 1"), text);
    // the tilde of c̃ takes no room: the header lines up with the numbers below it
    String byUnit = StepTables.print(StepTables.lstmByUnit(LSTM.step(0)), 60);
    for (String line : byUnit.split("\n")) assertTrue(TextTable.displayWidth(line) <= 60, line);
    assertThrows(IllegalArgumentException.class, () -> StepTables.print(t, 10));
    assertThrows(IllegalArgumentException.class, () -> StepTables.print(null));
  }

  private static List<String> concat(String first, List<String> rest) {
    var all = new java.util.ArrayList<String>();
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
