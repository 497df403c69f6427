package gated.table;

import gated.cell.GruStep;
import gated.cell.LstmStep;
import gated.cell.RnnStep;
import gated.model.Gru;
import gated.model.Lstm;
import gated.model.ParamCount;
import gated.model.Rnn;
import gated.table.Columns.Field;
import gated.tensor.Vec;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The numbers of a forward pass as tables, so a student can check one step by hand. Each column is one
 * quantity of the equations; every number prints to 4 decimals, and {@link #print} keeps every line within
 * {@link #WIDTH} characters.
 *
 * <pre>
 *   System.out.println(StepTables.print(StepTables.lstmByStep(trace, 0, words)));
 * </pre>
 */
public final class StepTables {
  /** LSTM columns in the order the step computes them (Hochreiter &amp; Schmidhuber 1997; Gers et al. 2000). */
  private static final List<Field<LstmStep>> LSTM = List.of(
      new Field<>("c_{t-1}", LstmStep::cPrev),
      new Field<>("z_f", LstmStep::zf), new Field<>("f", LstmStep::f),
      new Field<>("z_i", LstmStep::zi), new Field<>("i", LstmStep::i),
      new Field<>("z_g", LstmStep::zg), new Field<>("g=c̃", LstmStep::g),
      new Field<>("z_o", LstmStep::zo), new Field<>("o", LstmStep::o),
      new Field<>("c_t", LstmStep::c), new Field<>("tanh(c_t)", LstmStep::tanhC), new Field<>("h_t", LstmStep::h));

  /**
   * GRU columns in notebook 13's notation (Cho et al. 2014): H_t = Z_t ⊙ H_{t-1} + (1 − Z_t) ⊙ H̃_t. a_R, a_Z
   * and a_H̃ are the pre-activations, the arguments of σ in R_t and Z_t and of tanh in H̃_t.
   */
  private static final List<Field<GruStep>> GRU = List.of(
      new Field<>("H_{t-1}", GruStep::hPrev),
      new Field<>("a_R", GruStep::zr), new Field<>("R_t", GruStep::r),
      new Field<>("a_Z", GruStep::zz), new Field<>("Z_t", GruStep::z),
      new Field<>("a_H̃", GruStep::zh), new Field<>("H̃_t", GruStep::hTilde),
      new Field<>("H_t", GruStep::h));

  /** Plain RNN columns: a_t = W_x·x_t + W_h·h_{t-1} + b, h_t = tanh(a_t). */
  private static final List<Field<RnnStep>> RNN = List.of(
      new Field<>("h_{t-1}", RnnStep::hPrev), new Field<>("a_t", RnnStep::a), new Field<>("h_t", RnnStep::h));

  private StepTables() {}

  /** One LSTM step, one row per hidden unit k: unit, c_{t-1}, z_f, f, z_i, i, z_g, g=c̃, z_o, o, c_t, tanh(c_t), h_t. */
  public static Table lstmByUnit(LstmStep step) {
    return Columns.byUnit("LSTM step", step, LSTM);
  }

  /** One unit of an LSTM over time, one row per step t = 1 … T: t, then the columns of {@link #lstmByUnit}. */
  public static Table lstmByStep(Lstm.LstmTrace trace, int unit) {
    return Columns.byStep("LSTM steps", steps(trace).steps(), unit, null, LSTM);
  }

  /** As {@link #lstmByStep(Lstm.LstmTrace, int)} with a first column "word" holding one label per step. */
  public static Table lstmByStep(Lstm.LstmTrace trace, int unit, List<String> stepLabels) {
    return Columns.byStep("LSTM steps", steps(trace).steps(), unit, labels(stepLabels), LSTM);
  }

  /** One GRU step, one row per unit: unit, H_{t-1}, a_R, R_t, a_Z, Z_t, a_H̃, H̃_t, H_t. */
  public static Table gruByUnit(GruStep step) {
    return Columns.byUnit("GRU step", step, GRU);
  }

  /** One unit of a GRU over time, one row per step t = 1 … T. */
  public static Table gruByStep(Gru.GruTrace trace, int unit) {
    return Columns.byStep("GRU steps", steps(trace).steps(), unit, null, GRU);
  }

  /** One unit of a GRU over time, with a first column "word". */
  public static Table gruByStep(Gru.GruTrace trace, int unit, List<String> stepLabels) {
    return Columns.byStep("GRU steps", steps(trace).steps(), unit, labels(stepLabels), GRU);
  }

  /** One unit of a plain RNN over time: t, h_{t-1}, a_t, h_t. */
  public static Table rnnByStep(Rnn.RnnTrace trace, int unit) {
    return Columns.byStep("RNN steps", steps(trace).steps(), unit, null, RNN);
  }

  /** One unit of a plain RNN over time, with a first column "word". */
  public static Table rnnByStep(Rnn.RnnTrace trace, int unit, List<String> stepLabels) {
    return Columns.byStep("RNN steps", steps(trace).steps(), unit, labels(stepLabels), RNN);
  }

  /** Any vector over time, one row per step: t, name[0], name[1], … name[H−1]. */
  public static Table gateByStep(List<Vec> valuesOverTime, String name) {
    if (valuesOverTime == null || valuesOverTime.isEmpty()) {
      throw new IllegalArgumentException("gateByStep: needs at least one step");
    }
    if (name == null || name.isEmpty()) throw new IllegalArgumentException("gateByStep: needs a name");
    int units = valuesOverTime.get(0).size();
    List<Column<?>> cols = new ArrayList<>();
    cols.add(Columns.counting("t", 1, valuesOverTime.size()));
    for (int k = 0; k < units; k++) {
      double[] v = new double[valuesOverTime.size()];
      for (int t = 0; t < v.length; t++) {
        Vec x = valuesOverTime.get(t);
        if (x == null || x.size() != units) {
          throw new IllegalArgumentException("gateByStep: step 1 has " + units + " units but step " + (t + 1) + " has "
              + (x == null ? "none" : x.size()));
        }
        v[t] = x.get(k);
      }
      cols.add(Columns.doubles(name + "[" + k + "]", v));
    }
    return Table.create(name + " by step", cols.toArray(new Column<?>[0]));
  }

  /** A parameter count term by term (layer, part, shape, weights, biases, total), then a row "total". */
  public static Table breakdown(ParamCount.Breakdown breakdown) {
    if (breakdown == null) throw new IllegalArgumentException("breakdown: breakdown is null");
    StringColumn layer = StringColumn.create("layer");
    StringColumn part = StringColumn.create("part");
    StringColumn shape = StringColumn.create("shape");
    LongColumn weights = LongColumn.create("weights");
    LongColumn biases = LongColumn.create("biases");
    LongColumn total = LongColumn.create("total");
    for (ParamCount.Term t : breakdown.terms()) {
      layer.append(t.layer());
      part.append(t.part());
      shape.append(t.shape());
      weights.append(t.weights());
      biases.append(t.biases());
      total.append(t.total());
    }
    layer.append("total");
    part.append("");
    shape.append("");
    weights.append(breakdown.weights());
    biases.append(breakdown.biases());
    total.append(breakdown.total());
    return Table.create("parameters", layer, part, shape, weights, biases, total);
  }

  /** Widest line {@link #print(Table)} writes: a page of a handout, on screen or on paper. */
  public static final int WIDTH = 100;

  /**
   * The whole table as text, every row included, no line wider than {@link #WIDTH} characters:
   * {@code System.out.println(StepTables.print(t));}. A wider table (an LSTM step has 12 quantities) is
   * printed in parts of consecutive columns, each part repeating the word, t or unit column.
   */
  public static String print(Table table) {
    return print(table, WIDTH);
  }

  /** As {@link #print(Table)}, no line wider than {@code width} characters (at least 40). */
  public static String print(Table table, int width) {
    if (table == null) throw new IllegalArgumentException("print: table is null");
    if (width < 40) throw new IllegalArgumentException("print: width must be at least 40 characters, got " + width);
    return TextTable.print(table, width);
  }

  private static <T> T steps(T trace) {
    if (trace == null) throw new IllegalArgumentException("StepTables: trace is null");
    return trace;
  }

  private static List<String> labels(List<String> labels) {
    if (labels == null) throw new IllegalArgumentException("StepTables: step labels are null");
    return labels;
  }
}
