package gated.diagram;

import gated.cell.GruStep;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The GRU cell (Cho et al. 2014) in the course's convention (that of {@link gated.cell.GruCell}):
 *
 * <pre>
 *   R_t = σ(X_t·W_xr + H_{t-1}·W_hr + b_r)              reset gate
 *   Z_t = σ(X_t·W_xz + H_{t-1}·W_hz + b_z)              update gate
 *   H̃_t = tanh(X_t·W_xh + (R_t ⊙ H_{t-1})·W_hh + b_h)   candidate
 *   H_t = Z_t ⊙ H_{t-1} + (1 − Z_t) ⊙ H̃_t               one state, no output gate
 * </pre>
 *
 * The state H runs along the top like the LSTM's belt: Z_t keeps part of H_{t-1} (⊙), 1 − Z_t lets the
 * candidate in (⊙), and the two are added. The reset gate only acts inside the candidate.
 *
 * <pre>
 *   display(Diagrams.gru());
 *   display(Diagrams.gru(step));    // with the numbers of a GruStep on the wires
 * </pre>
 */
public final class GruDiagram implements Diagram {
  // ----- layout, in pixels at scale 1 -----
  static final int WIDTH = 920;
  static final int HEIGHT = 726;
  private static final double TITLE_Y = 24, CAPTION_Y = 50;
  private static final double CELL_LEFT = 150, CELL_RIGHT = 740, CELL_TOP = 82, CELL_BOTTOM = 576;
  /** The state line H_{t-1} → H_t along the top, and the rail carrying [H_{t-1}; X_t] to the two gates. */
  private static final double TOP_Y = 130, RAIL_Y = 492;
  private static final double IN_LEFT = 14, OUT_RIGHT = 906;
  /** H_{t-1} is copied down at X_SPLIT; X_t joins the rail at X_CONCAT, coming up from X_ENTRY_Y. */
  private static final double X_SPLIT = 178, X_CONCAT = 218, X_ENTRY_Y = 700, X_VEC_Y = 642;
  /** The three layers. */
  private static final double X_R = 290, X_Z = 410, X_C = 630;
  private static final double GATE_Y = 420, GATE_W = 80, GATE_H = 54;
  private static final double GATE_TOP = GATE_Y - GATE_H / 2, GATE_BOTTOM = GATE_Y + GATE_H / 2;
  /** Z_t branches at (X_Z, NEW_Y) to the 1 − node, whose output meets H̃_t at the ⊙ below the +. */
  private static final double NEW_Y = 208, X_ONE_MINUS = 520;
  /** R_t ⊙ H_{t-1} is formed at (X_R, RESET_Y) and goes down at X_RH to join X_t on the candidate's own rail. */
  private static final double RESET_Y = 268, X_RH = 560, CAND_RAIL_Y = 546;
  private static final double X_IN_VEC = 82, X_OUT_VEC = 822;
  private static final double LEGEND_X1 = 290, LEGEND_X2 = 620, LEGEND_Y = 606, LEGEND_ROW = 28;
  private static final double R = Sketch.NODE_RADIUS;

  private final GruStep step;
  private final String title;
  private final int listed;
  private final int decimals;
  private final boolean legend;
  private final List<Annotation> annotations;

  private GruDiagram(Builder b) {
    this.step = b.step;
    this.title = b.title;
    this.listed = b.listed;
    this.decimals = b.decimals;
    this.legend = b.legend;
    this.annotations = step == null ? List.of() : annotationsOf(step);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The six vectors of a step: X_t, H_{t-1}, R_t, Z_t, H̃_t, H_t. */
  static List<Annotation> annotationsOf(GruStep s) {
    List<Annotation> a = new ArrayList<>();
    a.add(Annotation.unbounded("x", "X_t", s.x()));
    a.add(Annotation.signed("hPrev", "H_{t-1}", s.hPrev()));
    a.add(Annotation.gate("r", "R_t", s.r()));
    a.add(Annotation.gate("z", "Z_t", s.z()));
    a.add(Annotation.signed("hTilde", "H~_t", s.hTilde()));
    a.add(Annotation.signed("h", "H_t", s.h()));
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

  public Optional<GruStep> step() {
    return Optional.ofNullable(step);
  }

  /** Every vector drawn on a wire, exactly as drawn; empty without a step. */
  public List<Annotation> annotations() {
    return annotations;
  }

  /** One annotation by key ("x", "hPrev", "r", "z", "hTilde", "h"). */
  public Annotation annotation(String key) {
    return Annotation.find(annotations, key, "GruDiagram");
  }

  /** The vector with this key and its symbol, or the symbol alone when there is no step. */
  private void labelled(Sketch s, String key, String symbol, double x, double y, Sketch.Side side) {
    s.labelled(step == null ? null : annotation(key), symbol, x, y, side);
  }

  @Override
  public void draw(Graphics2D g) {
    Sketch s = new Sketch(g, listed, decimals);
    if (!title.isEmpty()) s.rich(title, 17f, IN_LEFT, TITLE_Y, -1, Palette.INK);
    s.rich("$H_t = Z_t ⊙ H_{t-1} + (1 − Z_t) ⊙ H~_t$: $Z_t$ near 1 keeps the old state, near 0 takes the candidate",
        Sketch.NOTE_SIZE + 1, IN_LEFT, title.isEmpty() ? TITLE_Y : CAPTION_Y, -1, Palette.MUTED);
    s.body(CELL_LEFT, CELL_TOP, CELL_RIGHT - CELL_LEFT, CELL_BOTTOM - CELL_TOP, Palette.CELL_FILL, Palette.CELL_EDGE);
    Color h = Palette.HIDDEN;

    // The state along the top: H_{t-1} → ⊙ Z_t → + (1 − Z_t) ⊙ H̃_t → H_t.
    s.arrow(h, IN_LEFT, TOP_Y, X_Z - R, TOP_Y);
    s.arrow(h, X_Z + R, TOP_Y, X_C - R, TOP_Y);
    s.arrow(h, X_C + R, TOP_Y, OUT_RIGHT, TOP_Y);
    s.op(X_Z, TOP_Y, "*");
    s.op(X_C, TOP_Y, "+");
    labelled(s, "hPrev", "H_{t-1}", X_IN_VEC, TOP_Y, Sketch.Side.ABOVE);
    labelled(s, "h", "H_t", X_OUT_VEC, TOP_Y, Sketch.Side.ABOVE);

    // H_{t-1} copied down: to the reset ⊙ and to the rail, where X_t joins it: [H_{t-1}; X_t].
    s.dot(h, X_SPLIT, TOP_Y);
    s.arrow(h, X_SPLIT, TOP_Y, X_SPLIT, RAIL_Y, X_Z, RAIL_Y, X_Z, GATE_BOTTOM);
    s.dot(h, X_SPLIT, RESET_Y);
    s.arrow(h, X_SPLIT, RESET_Y, X_R - R, RESET_Y);
    s.arrow(h, X_CONCAT, X_ENTRY_Y, X_CONCAT, RAIL_Y + Sketch.DOT_RADIUS);
    s.dot(h, X_CONCAT, RAIL_Y);
    s.dot(h, X_R, RAIL_Y);
    s.arrow(h, X_R, RAIL_Y, X_R, GATE_BOTTOM);
    labelled(s, "x", "X_t", X_CONCAT, X_VEC_Y, Sketch.Side.LEFT);

    // Reset gate: R_t ⊙ H_{t-1}, which goes (hopping over Z_t's wire) down to join X_t for the candidate.
    s.arrow(Palette.RESET, X_R, GATE_TOP, X_R, RESET_Y + R);
    s.op(X_R, RESET_Y, "*");
    s.hop(h, X_R + R, RESET_Y, X_Z, X_RH, false);
    s.arrow(h, X_RH, RESET_Y, X_RH, CAND_RAIL_Y - Sketch.DOT_RADIUS);
    s.rich("$R_t ⊙ H_{t-1}$", Sketch.NOTE_SIZE, X_RH - 8, RESET_Y + 18, 1, Palette.MUTED);
    s.dot(h, X_CONCAT, CAND_RAIL_Y);
    s.wire(h, X_CONCAT, CAND_RAIL_Y, X_C, CAND_RAIL_Y);
    s.dot(h, X_RH, CAND_RAIL_Y);
    s.arrow(h, X_C, CAND_RAIL_Y, X_C, GATE_BOTTOM);
    s.layer(X_R, GATE_Y, GATE_W, GATE_H, "σ", "reset", Palette.RESET);
    labelled(s, "r", "R_t", X_R, (GATE_TOP + RESET_Y + R) / 2, Sketch.Side.LEFT);

    // Update gate: Z_t up to the ⊙ on the state line; 1 − Z_t to the ⊙ with the candidate.
    s.arrow(Palette.UPDATE, X_Z, GATE_TOP, X_Z, TOP_Y + R);
    s.dot(Palette.UPDATE, X_Z, NEW_Y);
    s.arrow(Palette.UPDATE, X_Z, NEW_Y, X_ONE_MINUS - R, NEW_Y);
    s.op(X_ONE_MINUS, NEW_Y, "1−");
    s.arrow(Palette.UPDATE, X_ONE_MINUS + R, NEW_Y, X_C - R, NEW_Y);
    s.layer(X_Z, GATE_Y, GATE_W, GATE_H, "σ", "update", Palette.UPDATE);
    labelled(s, "z", "Z_t", X_Z, (GATE_TOP + RESET_Y + Sketch.HOP) / 2 + 2, Sketch.Side.LEFT);

    // Candidate: tanh → H̃_t, times (1 − Z_t), added to the state.
    s.arrow(Palette.CANDIDATE, X_C, GATE_TOP, X_C, NEW_Y + R);
    s.op(X_C, NEW_Y, "*");
    s.arrow(Palette.INK, X_C, NEW_Y - R, X_C, TOP_Y + R);
    s.layer(X_C, GATE_Y, GATE_W, GATE_H, "tanh", "candidate", Palette.CANDIDATE);
    labelled(s, "hTilde", "H~_t", X_C, (GATE_TOP + NEW_Y + R) / 2, Sketch.Side.RIGHT);

    if (legend) {
      double r = LEGEND_ROW;
      s.key(Sketch.Key.LAYER, LEGEND_X1, LEGEND_Y, "layer: σ or tanh of $X_t·W_x + H·W_h + b$");
      s.key(Sketch.Key.JOIN, LEGEND_X1, LEGEND_Y + r, "lines join: both vectors go in");
      s.key(Sketch.Key.SPLIT, LEGEND_X1, LEGEND_Y + 2 * r, "a line splits: the same vector, copied");
      s.key(Sketch.Key.PRODUCT, LEGEND_X2, LEGEND_Y, "pointwise product ⊙");
      s.key(Sketch.Key.SUM, LEGEND_X2, LEGEND_Y + r, "pointwise sum");
      s.key(Sketch.Key.ONE_MINUS, LEGEND_X2, LEGEND_Y + 2 * r, "1 − each entry");
      if (step != null) {
        Annotation xs = annotation("x");
        s.scales(List.of(new Sketch.Scale(0, 1, "$R$, $Z$"), new Sketch.Scale(-1, 1, "$H$, $H~$"),
            new Sketch.Scale(xs.lo(), xs.hi(), "$X$")), "entry 0 on top", LEGEND_X1, LEGEND_Y + 3 * r, WIDTH - 8, 22);
      }
    }
    s.lit(true);
  }

  /** Options for a {@link GruDiagram}. */
  public static final class Builder {
    private GruStep step;
    private String title = "";
    private int listed = 6;
    private int decimals = 2;
    private boolean legend = true;

    private Builder() {}

    /** Draw this step's numbers on the wires (e.g. {@code trace.step(t - 1)} for step t). */
    public Builder step(GruStep step) {
      if (step == null) throw new IllegalArgumentException("GruDiagram: step is null (leave it out for the bare cell)");
      this.step = step;
      return this;
    }

    public Builder title(String title) {
      this.title = title == null ? "" : title;
      return this;
    }

    /** Vectors with up to this many entries (0 to 6) are written out, longer ones become colour strips. */
    public Builder listed(int entries) {
      this.listed = Sketch.listedOption("GruDiagram", entries);
      return this;
    }

    public Builder decimals(int decimals) {
      this.decimals = Sketch.decimalsOption("GruDiagram", decimals);
      return this;
    }

    public Builder legend(boolean legend) {
      this.legend = legend;
      return this;
    }

    public GruDiagram build() {
      return new GruDiagram(this);
    }
  }
}
