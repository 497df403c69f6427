package gated.diagram;

import gated.cell.LstmStep;
import gated.tensor.Vec;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The LSTM cell in the familiar layout: the cell-state belt c_{t-1} → c_t along the top, touched only by a
 * ⊙ (the forget gate) and a + (the input gate's write); below it the three σ gates and the tanh candidate,
 * all fed by [h_{t-1}; x_t]; on the right o_t ⊙ tanh(c_t) = h_t.
 *
 * <pre>
 *   display(Diagrams.lstm());                                        // the bare cell
 *   display(Diagrams.lstm(step));                                    // with the numbers of a real step
 *   display(LstmDiagram.builder().step(step).highlight(CellPath.FORGET).title("…").build().image());
 * </pre>
 *
 * <p>With a step, the nine vectors x_t, h_{t-1}, c_{t-1}, f_t, i_t, c̃_t, o_t, c_t and h_t are drawn on their
 * wires, entry 0 at the top: written out when they have up to {@link Builder#listed} entries (6 by default),
 * as a colour strip otherwise. {@link #annotations()} returns exactly what is drawn.
 *
 * <p>For the backward pass, {@link Builder#gradients} adds δC_t (right) and the δC_{t-1} it passes straight back
 * along the belt (left), written under the belt; {@link CellPath#BACKWARD_BELT} highlights the belt and the forget
 * gate's wire, the only two things those gradients meet:
 * <pre>
 *   LstmDiagram.builder().step(s).gradients(dc, dcPrev).highlight(CellPath.BACKWARD_BELT).build()
 * </pre>
 */
public final class LstmDiagram implements Diagram {
  // ----- layout, in pixels at scale 1 -----
  static final int WIDTH = 920;
  static final int HEIGHT = 700;
  private static final double TITLE_Y = 24;
  private static final double CAPTION_Y = 50;
  /** The cell's body. */
  private static final double CELL_LEFT = 150, CELL_RIGHT = 740, CELL_TOP = 68, CELL_BOTTOM = 540;
  /** The cell-state belt (top) and the rail carrying [h_{t-1}; x_t] to the gates (bottom). */
  private static final double BELT_Y = 114, RAIL_Y = 492;
  /** Where the wires enter on the left and the arrow tips leave on the right. */
  private static final double IN_LEFT = 14, OUT_RIGHT = 906;
  /** Where x_t joins h_{t-1} on the rail (concatenation), and where its wire starts below the cell. */
  private static final double X_CONCAT = 196, X_ENTRY_Y = 668;
  /** Centre of x_t's vector on its wire. */
  private static final double X_VEC_Y = 604;
  /** The four layers: one column each, all at the same height. */
  private static final double X_F = 256, X_I = 366, X_G = 476, X_O = 596;
  private static final double GATE_Y = 420, GATE_W = 80, GATE_H = 54;
  private static final double GATE_TOP = GATE_Y - GATE_H / 2, GATE_BOTTOM = GATE_Y + GATE_H / 2;
  /** i_t ⊙ c̃_t, halfway between the input gate and the candidate; the + above it sits on the belt. */
  private static final double X_MIX = (X_I + X_G) / 2, MIX_Y = 232;
  /** The copy of c_t that goes down through tanh to meet o_t at the output ⊙. */
  private static final double X_TANH = 684, TANH_Y = 180, TANH_W = 60, TANH_H = 30, OUT_MUL_Y = 266;
  /** Centres of the input vectors (left) and output vectors (right). */
  private static final double X_IN_VEC = 82, X_OUT_VEC = 822;
  /** Gap between a vector and its symbol. */
  /** The legend: two columns of three rows, beside x_t's wire. */
  private static final double LEGEND_X1 = 290, LEGEND_X2 = 620, LEGEND_Y = 584, LEGEND_ROW = 28, SCALE_ROW = 22;
  private static final double R = Sketch.NODE_RADIUS;
  /** Height of the centres of δC_t and δC_{t-1}, under the belt on either side of the cell. */
  private static final double GRADIENT_Y = 236;

  private final LstmStep step;
  private final CellPath highlight;
  private final String title;
  private final int listed;
  private final int decimals;
  private final boolean legend;
  private final Vec deltaC;
  private final Vec deltaCPrev;
  private final List<Annotation> annotations;

  private LstmDiagram(Builder b) {
    this.step = b.step;
    this.highlight = b.highlight;
    this.title = b.title;
    this.listed = b.listed;
    this.decimals = b.decimals;
    this.legend = b.legend;
    this.deltaC = b.deltaC;
    this.deltaCPrev = b.deltaCPrev;
    if (deltaC != null) {
      if (step == null) {
        throw new IllegalArgumentException("LstmDiagram: gradients δC_t and δC_{t-1} need the step they belong to; "
            + "give it with builder().step(step)");
      }
      int h = step.c().size();
      if (deltaC.size() != h || deltaCPrev.size() != h) {
        throw new IllegalArgumentException("LstmDiagram: δC_t has " + deltaC.size() + " entries and δC_{t-1} has "
            + deltaCPrev.size() + ", but the step's C_t has " + h);
      }
    }
    List<Annotation> all = step == null ? new ArrayList<>() : new ArrayList<>(annotationsOf(step));
    if (deltaC != null) {
      all.add(Annotation.unbounded("dc", "δC_t", deltaC, deltaCPrev));
      all.add(Annotation.unbounded("dcPrev", "δC_{t-1}", deltaCPrev, deltaC));
    }
    this.annotations = List.copyOf(all);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The nine vectors of a step, in the order x, h_{t-1}, c_{t-1}, f, i, c̃, o, c, h. */
  static List<Annotation> annotationsOf(LstmStep s) {
    List<Annotation> a = new ArrayList<>();
    a.add(Annotation.unbounded("x", "x_t", s.x()));
    a.add(Annotation.signed("hPrev", "h_{t-1}", s.hPrev()));
    a.add(Annotation.unbounded("cPrev", "C_{t-1}", s.cPrev(), s.c()));
    a.add(Annotation.gate("f", "f_t", s.f()));
    a.add(Annotation.gate("i", "i_t", s.i()));
    a.add(Annotation.signed("g", "C~_t", s.g()));
    a.add(Annotation.gate("o", "o_t", s.o()));
    a.add(Annotation.unbounded("c", "C_t", s.c(), s.cPrev()));
    a.add(Annotation.signed("h", "h_t", s.h()));
    return List.copyOf(a);
  }

  @Override
  public int width() {
    return WIDTH;
  }

  @Override
  public int height() {
    return HEIGHT;
  }

  /** The step whose numbers are drawn, if any. */
  public Optional<LstmStep> step() {
    return Optional.ofNullable(step);
  }

  /** The highlighted path, if any. */
  public Optional<CellPath> highlight() {
    return Optional.ofNullable(highlight);
  }

  /** Every vector drawn on a wire, exactly as drawn; empty without a step. */
  public List<Annotation> annotations() {
    return annotations;
  }

  /** One annotation by key ("x", "hPrev", "cPrev", "f", "i", "g", "o", "c", "h"; with gradients "dc", "dcPrev"). */
  public Annotation annotation(String key) {
    return Annotation.find(annotations, key, "LstmDiagram");
  }

  /** True when nothing is highlighted or the element belongs to one of these paths. */
  private boolean on(CellPath... paths) {
    if (highlight == null) return true;
    for (CellPath p : paths) {
      if (p == highlight) return true;
      if (highlight == CellPath.BACKWARD_BELT && (p == CellPath.CELL_STATE || p == CellPath.FORGET)) return true;
    }
    return false;
  }

  /** The vector with this key and its symbol, or the symbol alone when there is no step. */
  private void labelled(Sketch s, String key, String symbol, double x, double y, Sketch.Side side) {
    s.labelled(step == null ? null : annotation(key), symbol, x, y, side);
  }

  @Override
  public void draw(Graphics2D g) {
    Sketch s = new Sketch(g, listed, decimals);
    heading(s);
    s.lit(true).body(CELL_LEFT, CELL_TOP, CELL_RIGHT - CELL_LEFT, CELL_BOTTOM - CELL_TOP, Palette.CELL_FILL,
        Palette.CELL_EDGE);
    inputs(s);
    belt(s);
    forget(s);
    inputGate(s);
    output(s);
    gradients(s);
    if (legend) legend(s);
    s.lit(true);
  }

  private void heading(Sketch s) {
    if (!title.isEmpty()) s.rich(title, 17f, IN_LEFT, TITLE_Y, -1, Palette.INK);
    if (highlight != null) {
      s.rich(highlight.title() + ": " + highlight.caption(), Sketch.NOTE_SIZE + 1, IN_LEFT,
          title.isEmpty() ? TITLE_Y : CAPTION_Y, -1, colourOf(highlight));
    }
  }

  private static Color colourOf(CellPath p) {
    return switch (p) {
      case FORGET -> Palette.FORGET;
      case INPUT -> Palette.INPUT;
      case OUTPUT -> Palette.OUTPUT;
      case CELL_STATE, BACKWARD_BELT -> Palette.CELL_STATE;
    };
  }

  /** h_{t-1} from the left and x_t from below join into [h_{t-1}; x_t], which runs to every layer. */
  private void inputs(Sketch s) {
    Color c = Palette.HIDDEN;
    s.lit(on(CellPath.FORGET, CellPath.INPUT, CellPath.OUTPUT));
    s.wire(c, IN_LEFT, RAIL_Y, X_F, RAIL_Y);
    s.arrow(c, X_CONCAT, X_ENTRY_Y, X_CONCAT, RAIL_Y + Sketch.DOT_RADIUS);
    s.dot(c, X_CONCAT, RAIL_Y);
    s.dot(c, X_F, RAIL_Y);
    labelled(s, "hPrev", "h_{t-1}", X_IN_VEC, RAIL_Y, Sketch.Side.ABOVE);
    labelled(s, "x", "x_t", X_CONCAT, X_VEC_Y, Sketch.Side.LEFT);
    s.lit(on(CellPath.INPUT, CellPath.OUTPUT)).wire(c, X_F, RAIL_Y, X_G, RAIL_Y);
    s.dot(c, X_I, RAIL_Y);
    s.dot(c, X_G, RAIL_Y);
    s.lit(on(CellPath.OUTPUT)).arrow(c, X_G, RAIL_Y, X_O, RAIL_Y, X_O, GATE_BOTTOM);
    s.lit(on(CellPath.FORGET)).arrow(c, X_F, RAIL_Y, X_F, GATE_BOTTOM);
    s.lit(on(CellPath.INPUT)).arrow(c, X_I, RAIL_Y, X_I, GATE_BOTTOM);
    s.arrow(c, X_G, RAIL_Y, X_G, GATE_BOTTOM);
  }

  /** c_{t-1} → ⊙ f_t → + i_t ⊙ c̃_t → c_t along the top. */
  private void belt(Sketch s) {
    Color c = Palette.CELL_STATE;
    s.lit(on(CellPath.CELL_STATE, CellPath.FORGET)).arrow(c, IN_LEFT, BELT_Y, X_F - R, BELT_Y);
    labelled(s, "cPrev", "C_{t-1}", X_IN_VEC, BELT_Y, Sketch.Side.ABOVE);
    s.lit(on(CellPath.CELL_STATE)).arrow(c, X_F + R, BELT_Y, X_MIX - R, BELT_Y);
    s.lit(on(CellPath.CELL_STATE, CellPath.INPUT, CellPath.OUTPUT)).wire(c, X_MIX + R, BELT_Y, X_TANH, BELT_Y);
    s.lit(on(CellPath.CELL_STATE, CellPath.INPUT)).arrow(c, X_TANH, BELT_Y, OUT_RIGHT, BELT_Y);
    s.lit(on(CellPath.CELL_STATE, CellPath.INPUT, CellPath.OUTPUT));
    labelled(s, "c", "C_t", X_OUT_VEC, BELT_Y, Sketch.Side.ABOVE);
    s.lit(on(CellPath.CELL_STATE, CellPath.FORGET)).op(X_F, BELT_Y, "*");
    s.lit(on(CellPath.CELL_STATE, CellPath.INPUT)).op(X_MIX, BELT_Y, "+");
  }

  /** σ → f_t, up into the ⊙ on the belt. */
  private void forget(Sketch s) {
    s.lit(on(CellPath.FORGET));
    s.arrow(Palette.FORGET, X_F, GATE_TOP, X_F, BELT_Y + R);
    s.layer(X_F, GATE_Y, GATE_W, GATE_H, "σ", "forget", Palette.FORGET);
    labelled(s, "f", "f_t", X_F, (GATE_TOP + BELT_Y + R) / 2, Sketch.Side.LEFT);
  }

  /** σ → i_t and tanh → c̃_t meet at a ⊙, whose product goes up into the + on the belt. */
  private void inputGate(Sketch s) {
    s.lit(on(CellPath.INPUT));
    s.arrow(Palette.INPUT, X_I, GATE_TOP, X_I, MIX_Y, X_MIX - R, MIX_Y);
    s.arrow(Palette.CANDIDATE, X_G, GATE_TOP, X_G, MIX_Y, X_MIX + R, MIX_Y);
    s.arrow(Palette.INK, X_MIX, MIX_Y - R, X_MIX, BELT_Y + R);
    s.op(X_MIX, MIX_Y, "*");
    s.layer(X_I, GATE_Y, GATE_W, GATE_H, "σ", "input", Palette.INPUT);
    s.layer(X_G, GATE_Y, GATE_W, GATE_H, "tanh", "candidate", Palette.CANDIDATE);
    double mid = (GATE_TOP + MIX_Y) / 2;
    labelled(s, "i", "i_t", X_I, mid, Sketch.Side.LEFT);
    labelled(s, "g", "C~_t", X_G, mid, Sketch.Side.RIGHT);
  }

  /** A copy of c_t goes down through tanh and meets o_t at a ⊙; the product is h_t. */
  private void output(Sketch s) {
    s.lit(on(CellPath.OUTPUT));
    s.dot(Palette.CELL_STATE, X_TANH, BELT_Y);
    s.arrow(Palette.CELL_STATE, X_TANH, BELT_Y, X_TANH, TANH_Y - TANH_H / 2);
    s.arrow(Palette.INK, X_TANH, TANH_Y + TANH_H / 2, X_TANH, OUT_MUL_Y - R);
    s.opEllipse(X_TANH, TANH_Y, TANH_W, TANH_H, "tanh");
    s.arrow(Palette.OUTPUT, X_O, GATE_TOP, X_O, OUT_MUL_Y, X_TANH - R, OUT_MUL_Y);
    s.layer(X_O, GATE_Y, GATE_W, GATE_H, "σ", "output", Palette.OUTPUT);
    s.op(X_TANH, OUT_MUL_Y, "*");
    s.arrow(Palette.HIDDEN, X_TANH, OUT_MUL_Y + R, X_TANH, RAIL_Y, OUT_RIGHT, RAIL_Y);
    labelled(s, "o", "o_t", X_O, (GATE_TOP + OUT_MUL_Y) / 2, Sketch.Side.LEFT);
    labelled(s, "h", "h_t", X_OUT_VEC, RAIL_Y, Sketch.Side.ABOVE);
  }

  /** δC_t under the belt on the right, δC_{t-1} (the part passed straight back along the belt) on the left. */
  private void gradients(Sketch s) {
    if (deltaC == null) return;
    s.lit(true);
    s.labelled(annotation("dc"), "δC_t", X_OUT_VEC, GRADIENT_Y, Sketch.Side.BELOW);
    s.labelled(annotation("dcPrev"), "δC_{t-1}", X_IN_VEC, GRADIENT_Y, Sketch.Side.BELOW);
  }

  private void legend(Sketch s) {
    s.lit(true);
    double r = LEGEND_ROW;
    s.key(Sketch.Key.LAYER, LEGEND_X1, LEGEND_Y, "layer: σ or tanh of $W·[h_{t-1}; x_t] + b$");
    s.key(Sketch.Key.JOIN, LEGEND_X1, LEGEND_Y + r, "lines join: concatenation $[h_{t-1}; x_t]$");
    s.key(Sketch.Key.SPLIT, LEGEND_X1, LEGEND_Y + 2 * r, "a line splits: the same vector, copied");
    s.key(Sketch.Key.PRODUCT, LEGEND_X2, LEGEND_Y, "pointwise product ⊙");
    s.key(Sketch.Key.SUM, LEGEND_X2, LEGEND_Y + r, "pointwise sum");
    s.key(Sketch.Key.TANH, LEGEND_X2, LEGEND_Y + 2 * r, "tanh of each entry");
    if (step != null) scales(s);
  }

  /** One colour bar per distinct range, captioned with the vectors that use it, then "entry 0 on top". */
  private void scales(Sketch s) {
    Map<String, String> byRange = new LinkedHashMap<>();
    Map<String, double[]> ranges = new HashMap<>();
    for (String key : List.of("f", "i", "o", "g", "h", "hPrev", "c", "cPrev", "x")) {
      Annotation a = annotation(key);
      String range = a.lo() + ":" + a.hi();
      String name = switch (key) {
        case "g" -> "$C~$";
        case "c" -> "$C$";
        case "hPrev", "cPrev" -> null;
        default -> "$" + key + "$";
      };
      ranges.put(range, new double[] {a.lo(), a.hi()});
      if (name != null) byRange.merge(range, name, (p, q) -> p + ", " + q);
      else byRange.putIfAbsent(range, "");
    }
    List<Sketch.Scale> bars = new ArrayList<>();
    for (var e : byRange.entrySet()) bars.add(new Sketch.Scale(ranges.get(e.getKey())[0], ranges.get(e.getKey())[1], e.getValue()));
    s.scales(bars, "entry 0 on top", LEGEND_X1, LEGEND_Y + 3 * LEGEND_ROW, WIDTH - 8, SCALE_ROW);
  }

  /** Options for an {@link LstmDiagram}; every setter returns the builder. */
  public static final class Builder {
    private LstmStep step;
    private CellPath highlight;
    private String title = "";
    private int listed = 6;
    private int decimals = 2;
    private boolean legend = true;
    private Vec deltaC;
    private Vec deltaCPrev;

    private Builder() {}

    /**
     * Write two gradients of the step's backward pass under the belt: δC_t = ∂L/∂C_t on the right and, on the left,
     * the part of ∂L/∂C_{t-1} that comes straight back along the belt, δC_t ⊙ f_t ({@code LstmCell.Grad.dcPrev()}).
     * Both must have the step's hidden size; the builder needs the step too.
     */
    public Builder gradients(Vec deltaC, Vec deltaCPrev) {
      if (deltaC == null || deltaCPrev == null) {
        throw new IllegalArgumentException("LstmDiagram: gradients δC_t and δC_{t-1} must not be null");
      }
      this.deltaC = deltaC;
      this.deltaCPrev = deltaCPrev;
      return this;
    }

    /** Draw this step's numbers on the wires (e.g. {@code trace.step(t - 1)} for step t). */
    public Builder step(LstmStep step) {
      if (step == null) throw new IllegalArgumentException("LstmDiagram: step is null (leave it out for the bare cell)");
      this.step = step;
      return this;
    }

    /** Fade everything except this path. */
    public Builder highlight(CellPath path) {
      if (path == null) throw new IllegalArgumentException("LstmDiagram: highlight path is null (leave it out for none)");
      this.highlight = path;
      return this;
    }

    /** A title at the top left; maths between dollar signs, e.g. "step $t = 3$: \"Dan\"". */
    public Builder title(String title) {
      this.title = title == null ? "" : title;
      return this;
    }

    /** Vectors with up to this many entries (0 to 6) are written out; longer ones become colour strips. */
    public Builder listed(int entries) {
      this.listed = Sketch.listedOption("LstmDiagram", entries);
      return this;
    }

    /** Decimals of the numbers written on the wires (0 to 4; 2 by default). */
    public Builder decimals(int decimals) {
      this.decimals = Sketch.decimalsOption("LstmDiagram", decimals);
      return this;
    }

    /** Show the legend (on by default). */
    public Builder legend(boolean legend) {
      this.legend = legend;
      return this;
    }

    public LstmDiagram build() {
      return new LstmDiagram(this);
    }
  }
}
