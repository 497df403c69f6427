package gated.diagram;

import gated.tensor.Format;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;

/**
 * The drawing vocabulary shared by every diagram: wires with arrow heads, layer boxes (σ, tanh), pointwise
 * nodes (⊙, +, 1−, tanh), junction dots, maths labels and vectors written on their wires. A diagram says
 * what to draw and where; this class knows how it looks.
 *
 * <p>Highlighting: {@link #lit(boolean)} switches between full colour and a faded version, so a diagram
 * draws every element once and only says whether it is on the highlighted path.
 */
final class Sketch {
  /** Opacity of the elements off the highlighted path. */
  static final float DIM_ALPHA = 0.16f;
  static final float WIRE_WIDTH = 2.2f;
  static final float EDGE_WIDTH = 1.6f;
  static final double ARROW_LENGTH = 10;
  static final double ARROW_HALF_WIDTH = 4.5;
  static final double DOT_RADIUS = 3.8;
  /** Radius of a pointwise node (⊙, +, 1−). */
  static final double NODE_RADIUS = 14;
  /** Text sizes in pixels. */
  static final float SYMBOL_SIZE = 17f;
  static final float LAYER_SIZE = 17f;
  static final float NOTE_SIZE = 13f;
  static final float VALUE_SIZE = 12f;
  /** A vector entry written out: height of its cell and the padding around its number. */
  static final double VALUE_CELL_HEIGHT = 17;
  static final double VALUE_CELL_PAD = 5;
  static final double VALUE_CELL_MIN_WIDTH = 34;
  /** A vector drawn as a strip: cell width and the strip's greatest height. */
  static final double STRIP_WIDTH = 14;
  static final double STRIP_MAX_HEIGHT = 96;
  static final double STRIP_CELL_MAX = 12;

  private final Graphics2D g;
  private final Composite normal;
  private final Composite faded;
  /** Vectors with up to this many entries are written out, longer ones become strips. */
  private final int listed;
  private final int decimals;
  private boolean lit = true;

  Sketch(Graphics2D g, int listed, int decimals) {
    this.g = g;
    this.listed = listed;
    this.decimals = decimals;
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    normal = g.getComposite();
    faded = AlphaComposite.getInstance(AlphaComposite.SRC_OVER, DIM_ALPHA);
  }

  Graphics2D graphics() {
    return g;
  }

  /** Everything drawn from here on is in full colour (true) or faded (false). */
  Sketch lit(boolean lit) {
    this.lit = lit;
    g.setComposite(lit ? normal : faded);
    return this;
  }

  // ---------------------------------------------------------------- wires --

  /** A polyline through (x0, y0), (x1, y1), … with no arrow head. */
  void wire(Color c, double... xy) {
    g.setColor(c);
    g.setStroke(new BasicStroke(WIRE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
    Path2D p = new Path2D.Double();
    p.moveTo(xy[0], xy[1]);
    for (int k = 2; k < xy.length; k += 2) p.lineTo(xy[k], xy[k + 1]);
    g.draw(p);
  }

  /** A polyline whose last point is the tip of an arrow head. */
  void arrow(Color c, double... xy) {
    int n = xy.length;
    double x1 = xy[n - 2], y1 = xy[n - 1], x0 = xy[n - 4], y0 = xy[n - 3];
    double len = Math.hypot(x1 - x0, y1 - y0);
    double ux = (x1 - x0) / len, uy = (y1 - y0) / len;
    double[] shortened = xy.clone();
    shortened[n - 2] = x1 - ux * ARROW_LENGTH * 0.8;     // the line stops inside the head, the tip stays sharp
    shortened[n - 1] = y1 - uy * ARROW_LENGTH * 0.8;
    wire(c, shortened);
    Path2D head = new Path2D.Double();
    head.moveTo(x1, y1);
    head.lineTo(x1 - ux * ARROW_LENGTH - uy * ARROW_HALF_WIDTH, y1 - uy * ARROW_LENGTH + ux * ARROW_HALF_WIDTH);
    head.lineTo(x1 - ux * ARROW_LENGTH + uy * ARROW_HALF_WIDTH, y1 - uy * ARROW_LENGTH - ux * ARROW_HALF_WIDTH);
    head.closePath();
    g.fill(head);
  }

  /** Half the width of the bump a horizontal wire makes where it hops over a vertical one. */
  static final double HOP = 7;

  /**
   * A horizontal wire from x0 to x1 at height y that hops over a vertical wire at hopX (a small arc, so
   * the two are clearly not joined). Ends in an arrow head when arrow is true.
   */
  void hop(Color c, double x0, double y, double hopX, double x1, boolean arrow) {
    wire(c, x0, y, hopX - HOP, y);
    g.draw(new java.awt.geom.Arc2D.Double(hopX - HOP, y - HOP, 2 * HOP, 2 * HOP, 0, 180, java.awt.geom.Arc2D.OPEN));
    if (arrow) arrow(c, hopX + HOP, y, x1, y);
    else wire(c, hopX + HOP, y, x1, y);
  }

  /** A junction: two wires join (concatenation) or one splits (copy). */
  void dot(Color c, double x, double y) {
    g.setColor(c);
    g.fill(new Ellipse2D.Double(x - DOT_RADIUS, y - DOT_RADIUS, 2 * DOT_RADIUS, 2 * DOT_RADIUS));
  }

  // ---------------------------------------------------------------- boxes --

  /** The body of a cell: a rounded rectangle. */
  void body(double x, double y, double w, double h, Color fill, Color edge) {
    RoundRectangle2D r = new RoundRectangle2D.Double(x, y, w, h, 26, 26);
    g.setColor(fill);
    g.fill(r);
    g.setColor(edge);
    g.setStroke(new BasicStroke(EDGE_WIDTH));
    g.draw(r);
  }

  /**
   * A neural-network layer (σ or tanh of W·[…] + b), centred on (cx, cy), in the colour of its gate, with
   * its name (e.g. "forget") in small type under the symbol, or no name when null.
   */
  void layer(double cx, double cy, double w, double h, String symbol, String name, Color c) {
    RoundRectangle2D r = new RoundRectangle2D.Double(cx - w / 2, cy - h / 2, w, h, 10, 10);
    g.setColor(Palette.tint(c, 0.8));
    g.fill(r);
    g.setColor(c);
    g.setStroke(new BasicStroke(2f));
    g.draw(r);
    double sy = name == null ? cy : cy - h * 0.16;
    if (symbol.equals("σ")) math("σ", LAYER_SIZE + 2, cx, sy, 0, Palette.INK);
    else text(symbol, LAYER_SIZE, Font.PLAIN, cx, sy, 0, Palette.INK);
    if (name != null) text(name, NOTE_SIZE - 1, Font.PLAIN, cx, cy + h * 0.27, 0, c.darker());
  }

  /** A pointwise node: "*" is ⊙ (element-wise product), "+" the element-wise sum, any other text is written in. */
  void op(double cx, double cy, String symbol) {
    double r = NODE_RADIUS;
    Ellipse2D e = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
    g.setColor(Palette.NODE_FILL);
    g.fill(e);
    g.setColor(Palette.NODE_EDGE);
    g.setStroke(new BasicStroke(EDGE_WIDTH));
    g.draw(e);
    g.setColor(Palette.INK);
    g.setStroke(new BasicStroke(2f));
    double a = r * 0.5;
    switch (symbol) {
      case "*" -> {   // ⊙: a ring with a dot, drawn rather than typed so it never depends on a font
        g.draw(new Ellipse2D.Double(cx - a, cy - a, 2 * a, 2 * a));
        g.fill(new Ellipse2D.Double(cx - 2.2, cy - 2.2, 4.4, 4.4));
      }
      case "+" -> {
        g.draw(new Line2D.Double(cx - a, cy, cx + a, cy));
        g.draw(new Line2D.Double(cx, cy - a, cx, cy + a));
      }
      default -> text(symbol, NOTE_SIZE, Font.BOLD, cx, cy, 0, Palette.INK);
    }
  }

  /** A pointwise function (tanh applied entry by entry): an ellipse w wide. */
  void opEllipse(double cx, double cy, double w, double h, String text) {
    Ellipse2D e = new Ellipse2D.Double(cx - w / 2, cy - h / 2, w, h);
    g.setColor(Palette.NODE_FILL);
    g.fill(e);
    g.setColor(Palette.NODE_EDGE);
    g.setStroke(new BasicStroke(EDGE_WIDTH));
    g.draw(e);
    text(text, NOTE_SIZE + 1, Font.PLAIN, cx, cy, 0, Palette.INK);
  }

  // ----------------------------------------------------------------- text --

  /**
   * Plain text with its visual middle at y; align −1 starts at x, 0 centres on x, +1 ends at x.
   * Returns the width.
   */
  double text(String s, float size, int style, double x, double y, int align, Color c) {
    Font f = new Font(Palette.SANS, style, 1).deriveFont(size);
    g.setFont(f);
    g.setColor(c);
    double w = f.getStringBounds(s, g.getFontRenderContext()).getWidth();
    g.drawString(s, (float) (x - (align + 1) * w / 2), (float) (y + size * 0.36));
    return w;
  }

  /** A symbol in maths notation ({@link MathText}), placed like {@link #text}. Returns the width. */
  double math(String tex, float size, double x, double y, int align, Color c) {
    MathText m = MathText.of(tex, size);
    double w = m.width(g.getFontRenderContext());
    g.setColor(c);
    m.draw(g, x - (align + 1) * w / 2, y + size * 0.33);
    return w;
  }

  /**
   * Prose with maths between dollar signs, e.g. "keeps $f_t ⊙ c_{t-1}$", placed like {@link #text}.
   * Returns the width.
   */
  double rich(String s, float size, double x, double y, int align, Color c) {
    String[] parts = s.split("\\$", -1);
    double w = richWidth(s, size);
    double at = x - (align + 1) * w / 2;
    for (int k = 0; k < parts.length; k++) {
      if (parts[k].isEmpty()) continue;
      at += k % 2 == 0 ? text(parts[k], size, Font.PLAIN, at, y, -1, c) : math(parts[k], size, at, y, -1, c);
    }
    return w;
  }

  double richWidth(String s, float size) {
    String[] parts = s.split("\\$", -1);
    double w = 0;
    for (int k = 0; k < parts.length; k++) {
      if (parts[k].isEmpty()) continue;
      w += k % 2 == 0 ? textWidth(parts[k], size, Font.PLAIN) : mathWidth(parts[k], size);
    }
    return w;
  }

  double mathWidth(String tex, float size) {
    return MathText.of(tex, size).width(g.getFontRenderContext());
  }

  double textWidth(String s, float size, int style) {
    return new Font(Palette.SANS, style, 1).deriveFont(size).getStringBounds(s, g.getFontRenderContext()).getWidth();
  }

  // -------------------------------------------------------------- vectors --

  /** The number as written in a diagram's cell. */
  String number(double v) {
    return minus(Format.number(v, decimals));
  }

  /** A typographic minus sign instead of the hyphen. */
  static String minus(String s) {
    return s.replace('-', '\u2212');
  }

  /** True when the vector is written out entry by entry, false when it becomes a colour strip. */
  boolean listed(Annotation a) {
    return a.values().size() <= listed;
  }

  /** The size (width, height) the vector of {@link #vector} takes. */
  double[] vectorSize(Annotation a) {
    int n = a.values().size();
    if (listed(a)) {
      double w = VALUE_CELL_MIN_WIDTH;
      for (int k = 0; k < n; k++) w = Math.max(w, textWidth(number(a.values().get(k)), VALUE_SIZE, Font.PLAIN) + 2 * VALUE_CELL_PAD);
      return new double[] {w, n * VALUE_CELL_HEIGHT};
    }
    double cell = Math.min(STRIP_CELL_MAX, STRIP_MAX_HEIGHT / n);
    return new double[] {STRIP_WIDTH, cell * n};
  }

  /**
   * A vector as a column, centred on (cx, cy): one cell per entry, entry 0 at the top, coloured by value on
   * the annotation's scale, with the number written in when the vector is short enough.
   * Returns its bounds.
   */
  Rectangle2D vector(Annotation a, double cx, double cy) {
    double[] size = vectorSize(a);
    double w = size[0], h = size[1];
    int n = a.values().size();
    double cell = h / n;
    double x = cx - w / 2, y = cy - h / 2;
    g.setColor(Color.WHITE);
    g.fill(new Rectangle2D.Double(x, y, w, h));
    for (int k = 0; k < n; k++) {
      double v = a.values().get(k);
      Color fill = Palette.value(v, a.lo(), a.hi());
      g.setColor(fill);
      double top = Math.round(y + k * cell), bottom = Math.round(y + (k + 1) * cell);   // no seams between cells
      g.fill(new Rectangle2D.Double(x, top, w, bottom - top));
      // A faded cell is pale whatever its colour, so its number is always dark.
      Color ink = lit ? Palette.textOn(fill) : Palette.INK;
      if (listed(a)) text(number(v), VALUE_SIZE, Font.PLAIN, cx, y + (k + 0.5) * cell, 0, ink);
    }
    g.setColor(Palette.INK);
    g.setStroke(new BasicStroke(1f));
    if (listed(a)) for (int k = 1; k < n; k++) g.draw(new Line2D.Double(x, y + k * cell, x + w, y + k * cell));
    g.draw(new Rectangle2D.Double(x, y, w, h));
    return new Rectangle2D.Double(x, y, w, h);
  }

  /** Where a symbol goes relative to its vector (or, without one, to its wire). */
  enum Side { LEFT, RIGHT, ABOVE, BELOW }

  /** Gap between a vector and its symbol. */
  static final double LABEL_GAP = 7;

  /**
   * With an annotation: its vector centred on (x, y) and its symbol beside it. Without (null): the symbol
   * alone, beside the wire that passes through (x, y).
   */
  void labelled(Annotation a, String symbol, double x, double y, Side side) {
    Rectangle2D box = a == null ? new Rectangle2D.Double(x, y, 0, 0) : vector(a, x, y);
    double gap = a == null ? LABEL_GAP + 3 : LABEL_GAP;
    switch (side) {
      case LEFT -> math(symbol, SYMBOL_SIZE, box.getMinX() - gap, y, 1, Palette.INK);
      case RIGHT -> math(symbol, SYMBOL_SIZE, box.getMaxX() + gap, y, -1, Palette.INK);
      case ABOVE -> math(symbol, SYMBOL_SIZE, x, box.getMinY() - gap - 8, 0, Palette.INK);
      case BELOW -> math(symbol, SYMBOL_SIZE, x, box.getMaxY() + gap + 8, 0, Palette.INK);
    }
  }

  /** Checks a builder's "listed" option: vectors of up to 6 entries fit on a wire. */
  static int listedOption(String who, int entries) {
    if (entries < 0 || entries > 6) {
      throw new IllegalArgumentException(who + ": listed must be between 0 and 6 (more do not fit on a wire), got " + entries);
    }
    return entries;
  }

  /** Checks a builder's words: 1 to {@code max} of them, none null; an immutable copy. */
  static List<String> wordsOption(String who, List<String> words, int max) {
    boolean aNull = words != null && words.stream().anyMatch(w -> w == null);
    if (words == null || words.isEmpty() || words.size() > max || aNull) {
      throw new IllegalArgumentException(who + ": needs 1 to " + max + " words (none null), got "
          + (words == null ? "null" : words.size() + (aNull ? " with a null" : "")));
    }
    return List.copyOf(words);
  }

  /** Checks a builder's number of steps: 1 to {@code max}, and as many as its words if it has any. */
  static int stepsOption(String who, int steps, int max, List<String> words) {
    if (steps < 1 || steps > max) {
      throw new IllegalArgumentException(who + ": steps must be between 1 and " + max + ", got " + steps);
    }
    if (words != null && words.size() != steps) {
      throw new IllegalArgumentException(who + ": " + steps + " steps but " + words.size() + " words");
    }
    return steps;
  }

  /** Checks a builder's "decimals" option. */
  static int decimalsOption(String who, int decimals) {
    if (decimals < 0 || decimals > 4) throw new IllegalArgumentException(who + ": decimals must be between 0 and 4, got " + decimals);
    return decimals;
  }

  /** One colour bar of a legend: the scale from lo to hi and what uses it (maths in $…$). */
  record Scale(double lo, double hi, String caption) {}

  static final double SCALE_BAR = 56, SCALE_BAR_HEIGHT = 10, SCALE_GAP = 22;

  /** Draws one colour bar starting at x (lo, the bar, hi, the caption), centred on y; returns its width. */
  double scale(Scale sc, double x, double y, boolean draw) {
    float size = NOTE_SIZE - 1;
    String lo = minus(Format.number(sc.lo(), 0)), hi = minus(Format.number(sc.hi(), 0));
    double lw = textWidth(lo, size, Font.PLAIN), rw = textWidth(hi, size, Font.PLAIN);
    double cw = richWidth(sc.caption(), NOTE_SIZE);
    if (draw) {
      text(lo, size, Font.PLAIN, x, y, -1, Palette.MUTED);
      double bx = x + lw + 4, by = y - SCALE_BAR_HEIGHT / 2;
      int steps = 40;
      for (int k = 0; k < steps; k++) {
        g.setColor(Palette.value(sc.lo() + (sc.hi() - sc.lo()) * (k + 0.5) / steps, sc.lo(), sc.hi()));
        g.fill(new Rectangle2D.Double(bx + SCALE_BAR * k / steps, by, SCALE_BAR / steps + 0.5, SCALE_BAR_HEIGHT));
      }
      g.setColor(Palette.MUTED);
      g.setStroke(new BasicStroke(1f));
      g.draw(new Rectangle2D.Double(bx, by, SCALE_BAR, SCALE_BAR_HEIGHT));
      text(hi, size, Font.PLAIN, bx + SCALE_BAR + 4, y, -1, Palette.MUTED);
      rich(sc.caption(), NOTE_SIZE, bx + SCALE_BAR + 8 + rw, y, -1, Palette.MUTED);
    }
    return lw + 4 + SCALE_BAR + 8 + rw + cw;
  }

  /**
   * Colour bars side by side from x0, then a note; whatever would pass maxX goes to a new row rowGap
   * lower, starting again at x0.
   */
  void scales(List<Scale> scales, String note, double x0, double y, double maxX, double rowGap) {
    double x = x0;
    for (Scale sc : scales) {
      double w = scale(sc, x, y, false);
      if (x > x0 && x + w > maxX) {
        x = x0;
        y += rowGap;
      }
      x += scale(sc, x, y, true) + SCALE_GAP;
    }
    double nw = textWidth(note, NOTE_SIZE, Font.PLAIN);
    if (x > x0 && x + nw > maxX) {
      x = x0;
      y += rowGap;
    }
    text(note, NOTE_SIZE, Font.PLAIN, x, y, -1, Palette.MUTED);
  }

  // --------------------------------------------------------------- legend --

  /** Room for a legend icon before its text. */
  static final double LEGEND_ICON = 40;

  /** The legend entries shared by the cell diagrams: an icon at x, its text after it, centred on y. */
  enum Key { LAYER, JOIN, SPLIT, PRODUCT, SUM, TANH, ONE_MINUS }

  void key(Key k, double x, double y, String text) {
    Color c = Palette.HIDDEN;
    switch (k) {
      case LAYER -> layer(x + 14, y, 28, 20, "", null, c);
      case JOIN -> {
        arrow(c, x, y, x + 30, y);
        wire(c, x + 14, y + 11, x + 14, y);
        dot(c, x + 14, y);
      }
      case SPLIT -> {
        arrow(c, x, y, x + 30, y);
        arrow(c, x + 14, y, x + 14, y - 12);
        dot(c, x + 14, y);
      }
      case PRODUCT -> op(x + 14, y, "*");
      case SUM -> op(x + 14, y, "+");
      case ONE_MINUS -> op(x + 14, y, "1−");
      case TANH -> opEllipse(x + 14, y, 30, 18, "");
    }
    rich(text, NOTE_SIZE, x + LEGEND_ICON, y, -1, Palette.MUTED);
  }
}
