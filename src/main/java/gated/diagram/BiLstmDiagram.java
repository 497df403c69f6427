package gated.diagram;

import gated.model.MergeMode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.List;

/**
 * A bidirectional LSTM over a short sentence: the forward LSTM reads x_1 … x_T (left to right), the backward
 * LSTM reads x_T … x_1 (right to left), and at every step a merge node combines →h_t and ←h_t into the
 * merged output m_t with a {@link MergeMode}. Every m_t therefore depends on the whole sentence. (m, not y:
 * y is kept for what an output layer makes of m_t.)
 *
 * <pre>
 *   display(Diagrams.biLstm(List.of("Apple", "makes", "phones"), MergeMode.CONCAT));
 * </pre>
 */
public final class BiLstmDiagram implements Diagram {
  // ----- layout, in pixels at scale 1 -----
  static final int WIDTH = 920;
  static final int HEIGHT = 500;
  /** At most this many words fit side by side. */
  public static final int MAX_WORDS = 4;
  private static final double TITLE_Y = 24, CAPTION_Y = 50;
  /** Rows, top to bottom: the outputs, the merge nodes, the backward LSTM, the forward LSTM, the words. */
  private static final double OUT_TOP = 74, MERGE_Y = 128, BWD_Y = 226, FWD_Y = 326;
  private static final double X_ENTRY_Y = 426, X_LABEL_Y = 444, WORD_Y = 468;
  /** Where x_t splits to reach the backward LSTM. */
  private static final double X_SPLIT_Y = 380;
  private static final double LEFT = 130, RIGHT = 130, MARGIN = 14;
  private static final double BOX_W = 92, BOX_H = 44;
  /** Horizontal offsets, from a column's centre: x_t's wire, and the two detours around the boxes. */
  private static final double X_WIRE = -20, DETOUR = 64;
  private static final double MERGE_R = 19;

  private final List<String> words;
  private final MergeMode mode;
  private final String title;

  private BiLstmDiagram(Builder b) {
    this.words = b.words;
    this.mode = b.mode;
    this.title = b.title;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public int width() {
    return WIDTH;
  }

  @Override
  public int height() {
    return HEIGHT;
  }

  public List<String> words() {
    return words;
  }

  public MergeMode mode() {
    return mode;
  }

  /** The merge, in symbols, e.g. "m_t = [→h_t; ←h_t]" for CONCAT. */
  static String mergeFormula(MergeMode mode) {
    return switch (mode) {
      case CONCAT -> "m_t = [→h_t; ←h_t]";
      case SUM -> "m_t = →h_t + ←h_t";
      case AVERAGE -> "m_t = (→h_t + ←h_t) / 2";
      case MULTIPLY -> "m_t = →h_t ⊙ ←h_t";
    };
  }

  @Override
  public void draw(Graphics2D g) {
    Sketch s = new Sketch(g, 6, 2);
    if (!title.isEmpty()) s.rich(title, 17f, 14, TITLE_Y, -1, Palette.INK);
    s.rich("merge: $" + mergeFormula(mode) + "$ (" + mode.name().toLowerCase() + "; output size "
        + (mode == MergeMode.CONCAT ? "2H" : "H") + ")", Sketch.NOTE_SIZE + 1, 14, title.isEmpty() ? TITLE_Y : CAPTION_Y,
        -1, Palette.MUTED);
    int n = words.size();
    double pitch = (WIDTH - LEFT - RIGHT) / n;
    Color fw = Palette.FORWARD, bw = Palette.BACKWARD, h = Palette.HIDDEN;

    // The two chains. The forward chain hops over x_t's climb to the backward LSTM (left of each box);
    // the backward chain hops over →h_t's climb to the merge (right of each box).
    for (int t = 1; t <= n; t++) {
      double cx = LEFT + (t - 0.5) * pitch;
      double fromLeft = t == 1 ? MARGIN : cx - pitch + BOX_W / 2;
      s.hop(fw, fromLeft, FWD_Y, cx - DETOUR, cx - BOX_W / 2, true);
      double fromRight = t == n ? WIDTH - MARGIN : cx + pitch - BOX_W / 2;
      hopLeft(s, bw, fromRight, BWD_Y, cx + DETOUR, cx + BOX_W / 2);
    }
    s.math("→h_0 = →C_0 = 0", Sketch.NOTE_SIZE + 1, MARGIN, FWD_Y + 20, -1, fw);
    s.math("←h_" + (n + 1) + " = ←C_" + (n + 1) + " = 0", Sketch.NOTE_SIZE + 1, WIDTH - MARGIN, BWD_Y + 20, 1, bw);
    s.text("reads left to right", Sketch.NOTE_SIZE, Font.PLAIN, MARGIN, FWD_Y - 16, -1, fw);
    s.text("reads right to left", Sketch.NOTE_SIZE, Font.PLAIN, WIDTH - MARGIN, BWD_Y - 16, 1, bw);

    for (int t = 1; t <= n; t++) {
      double cx = LEFT + (t - 0.5) * pitch;
      double xw = cx + X_WIRE;
      // x_t goes into the forward LSTM, and round its left side up into the backward LSTM.
      s.arrow(h, xw, X_ENTRY_Y, xw, FWD_Y + BOX_H / 2);
      s.dot(h, xw, X_SPLIT_Y);
      s.arrow(h, xw, X_SPLIT_Y, cx - DETOUR, X_SPLIT_Y, cx - DETOUR, (FWD_Y + BWD_Y) / 2, xw, (FWD_Y + BWD_Y) / 2,
          xw, BWD_Y + BOX_H / 2);
      // →h_t leaves the forward chain on the right and climbs to the merge; ←h_t goes straight up.
      s.dot(fw, cx + DETOUR, FWD_Y);
      s.arrow(fw, cx + DETOUR, FWD_Y, cx + DETOUR, MERGE_Y, cx + MERGE_R, MERGE_Y);
      s.arrow(bw, cx, BWD_Y - BOX_H / 2, cx, MERGE_Y + MERGE_R);
      s.layer(cx, FWD_Y, BOX_W, BOX_H, "LSTM →", null, fw);
      s.layer(cx, BWD_Y, BOX_W, BOX_H, "LSTM ←", null, bw);
      mergeNode(s, cx, MERGE_Y);
      s.arrow(h, cx, MERGE_Y - MERGE_R, cx, OUT_TOP);
      s.math("m_" + t, Sketch.SYMBOL_SIZE, cx + 8, OUT_TOP + 6, -1, Palette.INK);
      s.math("→h_" + t, Sketch.NOTE_SIZE + 2, cx + DETOUR + 6, MERGE_Y + 32, -1, fw);
      s.math("←h_" + t, Sketch.NOTE_SIZE + 2, cx - 6, BWD_Y - BOX_H / 2 - 18, 1, bw);
      s.math("x_" + t, Sketch.SYMBOL_SIZE, xw, X_LABEL_Y, 0, Palette.INK);
      s.text("\u201c" + words.get(t - 1) + "\u201d", Sketch.NOTE_SIZE + 1, Font.PLAIN, xw, WORD_Y, 0, Palette.MUTED);
    }
  }

  /** A right-to-left arrow at height y from x0 to x1 (x1 &lt; x0) that hops over a vertical wire at hopX. */
  private static void hopLeft(Sketch s, Color c, double x0, double y, double hopX, double x1) {
    s.wire(c, x0, y, hopX + Sketch.HOP, y);
    Graphics2D g = s.graphics();
    g.setColor(c);
    g.setStroke(new BasicStroke(Sketch.WIRE_WIDTH));
    g.draw(new java.awt.geom.Arc2D.Double(hopX - Sketch.HOP, y - Sketch.HOP, 2 * Sketch.HOP, 2 * Sketch.HOP, 0, 180,
        java.awt.geom.Arc2D.OPEN));
    s.arrow(c, hopX - Sketch.HOP, y, x1, y);
  }

  private void mergeNode(Sketch s, double cx, double cy) {
    Graphics2D g = s.graphics();
    var e = new java.awt.geom.Ellipse2D.Double(cx - MERGE_R, cy - MERGE_R, 2 * MERGE_R, 2 * MERGE_R);
    g.setColor(Palette.NODE_FILL);
    g.fill(e);
    g.setColor(Palette.NODE_EDGE);
    g.setStroke(new BasicStroke(Sketch.EDGE_WIDTH));
    g.draw(e);
    switch (mode) {
      case CONCAT -> s.text("[ ; ]", Sketch.NOTE_SIZE, Font.BOLD, cx, cy, 0, Palette.INK);
      case SUM -> s.op(cx, cy, "+");
      case AVERAGE -> s.text("avg", Sketch.NOTE_SIZE, Font.BOLD, cx, cy, 0, Palette.INK);
      case MULTIPLY -> s.op(cx, cy, "*");
    }
  }

  /** Options for a {@link BiLstmDiagram}. */
  public static final class Builder {
    private List<String> words = List.of("Apple", "makes", "phones");
    private MergeMode mode = MergeMode.CONCAT;
    private String title = "";

    private Builder() {}

    /** The sentence, one word per step (1 to {@value #MAX_WORDS} words). */
    public Builder words(List<String> words) {
      this.words = Sketch.wordsOption("BiLstmDiagram", words, MAX_WORDS);
      return this;
    }

    /** How →h_t and ←h_t are combined (CONCAT by default). */
    public Builder merge(MergeMode mode) {
      if (mode == null) throw new IllegalArgumentException("BiLstmDiagram: merge mode is null");
      this.mode = mode;
      return this;
    }

    public Builder title(String title) {
      this.title = title == null ? "" : title;
      return this;
    }

    public BiLstmDiagram build() {
      return new BiLstmDiagram(this);
    }
  }
}
