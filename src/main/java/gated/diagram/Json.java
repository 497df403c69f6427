package gated.diagram;

import gated.tensor.Matrix;
import gated.tensor.Vec;
import java.util.List;
import java.util.Locale;

/**
 * Just enough JSON for the explorer's data, written so that it is safe inside an HTML
 * {@code <script type="application/json">}: "&lt;", "&gt;" and "&amp;" are escaped in strings, so no word of a
 * sentence can close the script.
 */
final class Json {
  private final StringBuilder out = new StringBuilder();
  private boolean first = true;

  Json open() {
    comma();
    out.append('{');
    first = true;
    return this;
  }

  Json close() {
    out.append('}');
    first = false;
    return this;
  }

  Json openArray() {
    comma();
    out.append('[');
    first = true;
    return this;
  }

  Json closeArray() {
    out.append(']');
    first = false;
    return this;
  }

  Json key(String name) {
    comma();
    string(name);
    out.append(':');
    first = true;
    return this;
  }

  Json value(String s) {
    comma();
    string(s);
    first = false;
    return this;
  }

  Json value(boolean b) {
    comma();
    out.append(b);
    first = false;
    return this;
  }

  Json value(int n) {
    comma();
    out.append(n);
    first = false;
    return this;
  }

  /** An exact number: parsing it back (Java or JavaScript) gives the same double. */
  Json value(double v) {
    comma();
    exact(v);
    first = false;
    return this;
  }

  /** A vector, each entry exact. */
  Json value(Vec v) {
    comma();
    out.append('[');
    for (int k = 0; k < v.size(); k++) {
      if (k > 0) out.append(',');
      exact(v.get(k));
    }
    out.append(']');
    first = false;
    return this;
  }

  /** A matrix as an array of rows, each entry exact. */
  Json value(Matrix m) {
    openArray();
    for (int r = 0; r < m.rows(); r++) value(m.row(r));
    return closeArray();
  }

  /** A list of vectors as an array of arrays, each entry exact. */
  Json vectors(List<Vec> vs) {
    openArray();
    for (Vec v : vs) value(v);
    return closeArray();
  }

  /** Values over time rounded to a number of decimals (for checking what a page shows, not for computing). */
  Json rounded(List<Vec> steps, int decimals) {
    comma();
    out.append('[');
    for (int t = 0; t < steps.size(); t++) {
      out.append(t > 0 ? ",[" : "[");
      Vec v = steps.get(t);
      for (int k = 0; k < v.size(); k++) {
        if (k > 0) out.append(',');
        out.append(String.format(Locale.ROOT, "%." + decimals + "f", v.get(k)));
      }
      out.append(']');
    }
    out.append(']');
    first = false;
    return this;
  }

  Json strings(List<String> items) {
    openArray();
    for (String s : items) value(s);
    return closeArray();
  }

  Json strings(String[] items) {
    return strings(List.of(items));
  }

  private void exact(double v) {
    if (!Double.isFinite(v)) throw new IllegalArgumentException("JSON: cannot write " + v);
    if (v == Math.rint(v) && Math.abs(v) < 1e15) out.append((long) v);
    else out.append(Double.toString(v));
  }

  private void comma() {
    if (!first) out.append(',');
  }

  private void string(String s) {
    out.append('"');
    for (int k = 0; k < s.length(); k++) {
      char ch = s.charAt(k);
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) ch));
        default -> {
          if (ch < 0x20) out.append(String.format("\\u%04x", (int) ch));
          else out.append(ch);
        }
      }
    }
    out.append('"');
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
