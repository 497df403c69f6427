package gated.diagram;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.List;

/**
 * A stacked (deep) LSTM unrolled over a few steps: each layer is a row of LSTM cells with its own cell-state
 * belt C^{(l)}, which runs along its row and never leaves it; only the hidden state h^{(l)}_t goes up, as the
 * input of layer l + 1 (and, from the top layer, as the output).
 *
 * <pre>
 *   display(Diagrams.stacked());                                       // 2 layers, 3 steps
 *   display(StackedLstmDiagram.builder().layers(3).words(List.of("odd", "even", "odd")).build().image());
 * </pre>
 */
public final class StackedLstmDiagram implements Diagram {
  // ----- layout, in pixels at scale 1 -----
  static final int WIDTH = 920;
  /** At most this many layers and steps fit. */
  public static final int MAX_LAYERS = 3, MAX_STEPS = 5;
  private static final double TITLE_Y = 24, CAPTION_Y = 50;
  /** The bottom layer's row, and the distance between two layers' rows. */
  private static final double ROW_PITCH = 150, TOP_MARGIN = 96, BOTTOM_MARGIN = 108;
  private static final double LEFT = 128, RIGHT = 96, MARGIN = 14;
  private static final double BOX_W = 124, BOX_H = 80;
  /** The belt and the hidden line cross each cell this far above and below its centre. */
  private static final double BELT_DY = 22;
  /** The input enters a cell this far left of its centre, the output h leaves this far right of it. */
  private static final double OUT_DX = 30;

  private final int layers;
  private final int steps;
  private final List<String> words;
  private final String title;

  private StackedLstmDiagram(Builder b) {
    this.layers = b.layers;
    this.steps = b.words == null ? b.steps : b.words.size();
    this.words = b.words;
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
    return (int) (TOP_MARGIN + (layers - 1) * ROW_PITCH + BOX_H + BOTTOM_MARGIN);
  }

  public int layers() {
    return layers;
  }

  public int steps() {
    return steps;
  }

  /** The centre of layer l's row (l = 1 is the bottom layer). */
  private double rowY(int l) {
    return TOP_MARGIN + BOX_H / 2 + (layers - l) * ROW_PITCH;
  }

  @Override
  public void draw(Graphics2D g) {
    Sketch s = new Sketch(g, 6, 2);
    if (!title.isEmpty()) s.rich(title, 17f, MARGIN, TITLE_Y, -1, Palette.INK);
    s.rich("each layer keeps its own cell state $C^{(l)}$ along its row; only $h^{(l)}_t$ goes up, as the input of the "
        + "layer above", Sketch.NOTE_SIZE + 1, MARGIN, title.isEmpty() ? TITLE_Y : CAPTION_Y, -1, Palette.MUTED);
    double pitch = (WIDTH - LEFT - RIGHT) / steps;
    Color belt = Palette.CELL_STATE, h = Palette.HIDDEN;
    for (int l = 1; l <= layers; l++) {
      double y = rowY(l);
      String sup = "^{(" + l + ")}";
      s.text("layer " + l, Sketch.NOTE_SIZE + 1, Font.BOLD, MARGIN, y, -1, Palette.INK);
      for (int t = 1; t <= steps; t++) {
        double cx = LEFT + (t - 0.5) * pitch;
        double left = cx - BOX_W / 2, right = cx + BOX_W / 2;
        double from = t == 1 ? LEFT - 20 : cx - pitch + BOX_W / 2;
        s.body(left, y - BOX_H / 2, BOX_W, BOX_H, Palette.CELL_FILL, Palette.CELL_EDGE);
        s.text("LSTM", Sketch.NOTE_SIZE, Font.PLAIN, cx, y + 2, 0, Palette.MUTED);
        // The layer's own belt runs straight through its cells; h_{t-1} comes in on the left.
        s.arrow(belt, from, y - BELT_DY, left + 12, y - BELT_DY);
        s.wire(belt, left + 12, y - BELT_DY, right, y - BELT_DY);
        s.arrow(h, from, y + BELT_DY, left, y + BELT_DY);
        if (t == 1) {
          s.math("C" + sup + "_0", Sketch.NOTE_SIZE + 2, LEFT - 24, y - BELT_DY - 12, 1, belt);
          s.math("h" + sup + "_0", Sketch.NOTE_SIZE + 2, LEFT - 24, y + BELT_DY + 12, 1, h);
        }
        if (t == steps) {
          s.arrow(belt, right, y - BELT_DY, WIDTH - RIGHT + 30, y - BELT_DY);
          s.arrow(h, right, y + BELT_DY, WIDTH - RIGHT + 30, y + BELT_DY);
          s.math("C" + sup + "_" + t, Sketch.NOTE_SIZE + 2, WIDTH - RIGHT + 34, y - BELT_DY, -1, belt);
          s.math("h" + sup + "_" + t, Sketch.NOTE_SIZE + 2, WIDTH - RIGHT + 34, y + BELT_DY, -1, h);
        }
        // h^{(l)}_t leaves through the top right and goes up: into the left of the cell above, or out as y_t.
        double out = cx + OUT_DX, in = cx - OUT_DX;
        double boxTop = y - BOX_H / 2;
        if (l < layers) {
          double above = rowY(l + 1) + BOX_H / 2;
          double jog = (boxTop + above) / 2;
          s.arrow(h, out, boxTop, out, jog, in, jog, in, above);
          s.math("h" + sup + "_" + t, Sketch.NOTE_SIZE + 2, out + Sketch.LABEL_GAP, (boxTop + jog) / 2 + 2, -1, h);
        } else {
          s.arrow(h, out, boxTop, out, TOP_MARGIN - 24);
          s.math("y_" + t, Sketch.NOTE_SIZE + 2, out + Sketch.LABEL_GAP, TOP_MARGIN - 22, -1, h);
        }
        if (l == 1) {
          double bottom = y + BOX_H / 2;
          s.arrow(h, in, bottom + 44, in, bottom);
          s.math("x_" + t, Sketch.SYMBOL_SIZE, in, bottom + 60, 0, Palette.INK);
          if (words != null) {
            s.text("\u201c" + words.get(t - 1) + "\u201d", Sketch.NOTE_SIZE + 1, Font.PLAIN, in, bottom + 83, 0,
                Palette.MUTED);
          }
        }
      }
    }
  }

  /** Options for a {@link StackedLstmDiagram}. */
  public static final class Builder {
    private int layers = 2;
    private int steps = 3;
    private List<String> words;
    private String title = "";

    private Builder() {}

    /** Number of layers (1 to {@value #MAX_LAYERS}; 2 by default). */
    public Builder layers(int layers) {
      if (layers < 1 || layers > MAX_LAYERS) {
        throw new IllegalArgumentException("StackedLstmDiagram: layers must be between 1 and " + MAX_LAYERS + ", got "
            + layers);
      }
      this.layers = layers;
      return this;
    }

    /** Number of steps (1 to {@value #MAX_STEPS}; 3 by default). */
    public Builder steps(int steps) {
      this.steps = Sketch.stepsOption("StackedLstmDiagram", steps, MAX_STEPS, words);
      return this;
    }

    /** One word per step, written under x_t; sets the number of steps. */
    public Builder words(List<String> words) {
      this.words = Sketch.wordsOption("StackedLstmDiagram", words, MAX_STEPS);
      return this;
    }

    public Builder title(String title) {
      this.title = title == null ? "" : title;
      return this;
    }

    public StackedLstmDiagram build() {
      return new StackedLstmDiagram(this);
    }
  }
}
