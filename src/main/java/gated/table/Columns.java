package gated.table;

import gated.tensor.Vec;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/** Builds tables from step records: each {@link Field} names one vector of the record. */
final class Columns {
  private Columns() {}

  /** One column: its heading and the vector of a step record it shows, e.g. ("f", LstmStep::f). */
  record Field<S>(String name, Function<S, Vec> value) {}

  /** A column printed to exactly 4 decimals with a '.' decimal point, whatever the machine's locale. */
  static DoubleColumn doubles(String name, double[] values) {
    DoubleColumn c = DoubleColumn.create(name, values);
    c.setPrintFormatter(new NumberColumnFormatter(new DecimalFormat("0.0000", DecimalFormatSymbols.getInstance(Locale.ROOT))));
    return c;
  }

  /** 0 … n−1 for units, 1 … n for time steps. */
  static IntColumn counting(String name, int from, int count) {
    int[] v = new int[count];
    for (int k = 0; k < count; k++) v[k] = from + k;
    return IntColumn.create(name, v);
  }

  /** One row per unit k of a single step: column f holds f[0] … f[H−1]. */
  static <S> Table byUnit(String title, S step, List<Field<S>> fields) {
    if (step == null) throw new IllegalArgumentException(title + ": step is null");
    int units = fields.get(0).value().apply(step).size();
    List<Column<?>> cols = new ArrayList<>();
    cols.add(counting("unit", 0, units));
    for (Field<S> f : fields) cols.add(doubles(f.name(), f.value().apply(step).toArray()));
    return Table.create(title, cols.toArray(new Column<?>[0]));
  }

  /** One row per time step t = 1 … T, for one unit k: column f holds f_1[k] … f_T[k]. */
  static <S> Table byStep(String title, List<S> steps, int unit, List<String> labels, List<Field<S>> fields) {
    if (steps == null || steps.isEmpty()) throw new IllegalArgumentException(title + ": needs at least one step");
    int units = fields.get(0).value().apply(steps.get(0)).size();
    if (unit < 0 || unit >= units) {
      throw new IllegalArgumentException(title + ": unit " + unit + " is outside 0.." + (units - 1));
    }
    List<Column<?>> cols = new ArrayList<>();
    if (labels != null) cols.add(labels("word", labels, steps.size(), title));
    cols.add(counting("t", 1, steps.size()));
    for (Field<S> f : fields) {
      double[] v = new double[steps.size()];
      for (int t = 0; t < v.length; t++) v[t] = f.value().apply(steps.get(t)).get(unit);
      cols.add(doubles(f.name(), v));
    }
    return Table.create(title + ", unit " + unit, cols.toArray(new Column<?>[0]));
  }

  static StringColumn labels(String name, List<String> labels, int steps, String title) {
    if (labels.size() != steps) {
      throw new IllegalArgumentException(title + ": needs one label per step (" + steps + "), got " + labels.size());
    }
    return StringColumn.create(name, labels);
  }
}
