package gated.diagram;

import gated.model.Rnn;
import gated.train.GradientFlow;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain RNN unrolled over time: the same module, a single tanh layer, copied once per step. At step t
 * the module joins h_{t-1} (from the left) and x_t (from below), applies
 * h_t = tanh(W_x·x_t + W_h·h_{t-1} + b), and sends h_t both up (the output) and right (to step t+1).
 *
 * <pre>
 *   display(Diagrams.rnnChain(List.of("the", "cat", "sat")));
 *   display(RnnChainDiagram.builder().words(words).trace(trace).build().image());   // h_t written on the outputs
 *   display(RnnChainDiagram.builder().steps(6).gradients(profile).build().image());  // BPTT: ‖∂L/∂h_t‖ flowing back
 * </pre>
 */
public final class RnnChainDiagram implements Diagram {
  // ----- layout, in pixels at scale 1 -----
  static final int WIDTH = 920;
  static final int HEIGHT = 436;
  /** At most this many steps fit side by side. */
  public static final int MAX_STEPS = 6;
  private static final double TITLE_Y = 22;
  /** The hidden line that runs through every module. */
  private static final double H_Y = 250;
  private static final double MODULE_HALF_HEIGHT = 52;
  /** Margins left and right of the chain (room for h_0 and h_T). */
  private static final double LEFT = 72, RIGHT = 72;
  /** The space between two modules: wider when there are few. */
  private static final double GAP_FEW = 46, GAP_MANY = 28;
  /** Where the output arrows end at the top, and where x_t's wire starts at the bottom. */
  private static final double OUT_TOP = 44, X_ENTRY_Y = 346;
  private static final double X_LABEL_Y = 362, WORD_Y = 385, CAPTION_Y = 418;
  /** Inside a module: the join with x_t this far from its left edge, the split this far from its right edge. */
  private static final double JOIN_DX = 18, SPLIT_DX = 16;
  /** The tanh layer, centred between the two, at most this wide, and at least this far from each of them. */
  private static final double LAYER_W = 58, LAYER_H = 36, LAYER_MARGIN = 14;
  /** The layer's colour. */
  static final Color LAYER = new Color(0x4c72b0);
  /** The backward pass: its arrow under the modules, and ‖∂L/∂h_t‖ written under each module on it. */
  private static final double BACK_Y = 318, BACK_LABEL_Y = 334;
  static final Color GRADIENT = new Color(0xc0392b);

  private final int steps;
  private final List<String> words;
  private final Rnn.RnnTrace trace;
  private final String title;
  private final int listed;
  private final int decimals;
  private final List<Annotation> annotations;
  private final GradientFlow.Profile gradients;

  private RnnChainDiagram(Builder b) {
    this.gradients = b.gradients;
    this.steps = b.steps;
    this.words = b.words;
    this.trace = b.trace;
    this.title = b.title;
    this.listed = b.listed;
    this.decimals = b.decimals;
    List<Annotation> a = new ArrayList<>();
    if (trace != null) {
      for (int t = 1; t <= steps; t++) a.add(Annotation.signed("h" + t, "h_" + t, trace.step(t - 1).h()));
    }
    this.annotations = List.copyOf(a);
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

  /** Number of steps drawn. */
  public int steps() {
    return steps;
  }

  /** ‖∂L/∂h_t‖ written under step t (1 … T), as given; NaN without gradients. */
  public double gradientNorm(int t) {
    if (t < 1 || t > steps) throw new IllegalArgumentException("RnnChainDiagram: step " + t + " is not in 1.." + steps);
    return gradients == null ? Double.NaN : gradients.at(steps - t);
  }

  /** The h_t written on the outputs (keys "h1", "h2", …), exactly as drawn; empty without a trace. */
  public List<Annotation> annotations() {
    return annotations;
  }

  @Override
  public void draw(Graphics2D g) {
    Sketch s = new Sketch(g, listed, decimals);
    if (!title.isEmpty()) s.rich(title, 17f, 14, TITLE_Y, -1, Palette.INK);
    double gap = steps > 4 ? GAP_MANY : GAP_FEW;
    double pitch = (WIDTH - LEFT - RIGHT) / steps;
    double w = pitch - gap;
    double layerW = Math.min(LAYER_W, w - JOIN_DX - SPLIT_DX - 2 * LAYER_MARGIN);
    Color h = Palette.HIDDEN;
    s.math("h_0", Sketch.SYMBOL_SIZE, LEFT - gap / 2 - 4, H_Y - 16, 0, Palette.INK);
    for (int t = 1; t <= steps; t++) {
      double mx = LEFT + (t - 1) * pitch + gap / 2;
      double join = mx + JOIN_DX, split = mx + w - SPLIT_DX, layer = (join + split) / 2;
      s.body(mx, H_Y - MODULE_HALF_HEIGHT, w, 2 * MODULE_HALF_HEIGHT, Palette.CELL_FILL, Palette.CELL_EDGE);
      // h_{t-1} arrives from the left: h_0 for the first module, the previous module's split otherwise.
      if (t == 1) s.wire(h, LEFT - gap / 2 - 24, H_Y, join, H_Y);
      s.arrow(h, join, H_Y, layer - layerW / 2, H_Y);
      s.arrow(h, join, X_ENTRY_Y, join, H_Y + Sketch.DOT_RADIUS);
      s.dot(h, join, H_Y);
      s.layer(layer, H_Y, layerW, LAYER_H, "tanh", null, LAYER);
      s.wire(h, layer + layerW / 2, H_Y, split, H_Y);
      s.dot(h, split, H_Y);
      s.arrow(h, split, H_Y, split, OUT_TOP);
      double next = t < steps ? mx + pitch + JOIN_DX : WIDTH - 14;
      if (t < steps) s.wire(h, split, H_Y, next, H_Y);
      else s.arrow(h, split, H_Y, next, H_Y);
      // labels: x_t and its word below, h_t (or its numbers) on the output
      s.math("x_" + t, Sketch.SYMBOL_SIZE, join, X_LABEL_Y, 0, Palette.INK);
      if (words != null) s.text("\u201c" + words.get(t - 1) + "\u201d", Sketch.NOTE_SIZE + 1, Font.PLAIN, join, WORD_Y, 0, Palette.MUTED);
      String sym = "h_" + t;
      if (trace == null) {
        s.math(sym, Sketch.SYMBOL_SIZE, split - Sketch.LABEL_GAP, (OUT_TOP + H_Y - MODULE_HALF_HEIGHT) / 2, 1, Palette.INK);
      } else {
        Rectangle2D box = s.vector(annotations.get(t - 1), split, (OUT_TOP + H_Y - MODULE_HALF_HEIGHT) / 2 + 4);
        s.math(sym, Sketch.SYMBOL_SIZE, box.getMinX() - Sketch.LABEL_GAP, box.getCenterY(), 1, Palette.INK);
      }
    }
    if (gradients != null) backward(s, pitch, gap, w);
    String caption = gradients == null
        ? "the same module (the same $W_x$, $W_h$, $b$) at every step: $h_t = tanh(W_x·x_t + W_h·h_{t-1} + b)$"
        : "back-propagation through time: the gradient of a loss on $h_T$ reaches $h_t$ through every later module";
    s.rich(caption, Sketch.NOTE_SIZE + 1, WIDTH / 2.0, CAPTION_Y, 0, Palette.MUTED);
  }

  /** The backward pass: one arrow from right to left under the modules, ‖∂L/∂h_t‖ under each module on it. */
  private void backward(Sketch s, double pitch, double gap, double w) {
    s.arrow(GRADIENT, WIDTH - 14, BACK_Y, LEFT - gap / 2 - 24, BACK_Y);
    for (int t = 1; t <= steps; t++) {
      double centre = LEFT + (t - 1) * pitch + gap / 2 + w / 2 + JOIN_DX / 2;
      s.text(String.format("%.2g", gradients.at(steps - t)), Sketch.NOTE_SIZE, Font.PLAIN, centre, BACK_LABEL_Y, 0, GRADIENT);
    }
    s.rich("$‖∂L/∂h_t‖$", Sketch.NOTE_SIZE, 12, BACK_LABEL_Y, -1, GRADIENT);
  }

  /** Options for an {@link RnnChainDiagram}. */
  public static final class Builder {
    private int steps = 3;
    private List<String> words;
    private Rnn.RnnTrace trace;
    private String title = "";
    private int listed = 6;
    private int decimals = 2;
    private GradientFlow.Profile gradients;

    private Builder() {}

    /** Number of steps to draw (1 to {@value #MAX_STEPS}; 3 by default). */
    public Builder steps(int steps) {
      this.steps = Sketch.stepsOption("RnnChainDiagram", steps, MAX_STEPS, words);
      return this;
    }

    /** One word per step, written under x_t; sets the number of steps. */
    public Builder words(List<String> words) {
      this.words = Sketch.wordsOption("RnnChainDiagram", words, MAX_STEPS);
      this.steps = this.words.size();
      return this;
    }

    /** Write each h_t of this trace on its output; the trace must have as many steps as the diagram. */
    public Builder trace(Rnn.RnnTrace trace) {
      if (trace == null) throw new IllegalArgumentException("RnnChainDiagram: trace is null");
      int n = trace.steps().size();
      if (n < 1 || n > MAX_STEPS) {
        throw new IllegalArgumentException("RnnChainDiagram: the trace has " + n + " steps; at most " + MAX_STEPS + " fit");
      }
      if (words != null && words.size() != n) {
        throw new IllegalArgumentException("RnnChainDiagram: the trace has " + n + " steps but there are " + words.size()
            + " words");
      }
      this.trace = trace;
      this.steps = n;
      return this;
    }

    public Builder title(String title) {
      this.title = title == null ? "" : title;
      return this;
    }

    /**
     * Draw the backward pass: an arrow from the last step to the first, with ‖∂L/∂h_t‖ of this profile (as from
     * {@link GradientFlow#hiddenGradientNorms}, one value per distance d = T − t) written under step t. The profile
     * must have one value per step of the diagram; set the steps (or words, or trace) first.
     */
    public Builder gradients(GradientFlow.Profile profile) {
      if (profile == null) throw new IllegalArgumentException("RnnChainDiagram: the gradient profile is null");
      if (profile.values().size() != steps) {
        throw new IllegalArgumentException("RnnChainDiagram: the gradient profile has " + profile.values().size()
            + " values but the diagram has " + steps + " steps");
      }
      this.gradients = profile;
      return this;
    }

    /** Vectors with up to this many entries (0 to 6) are written out, longer ones become colour strips. */
    public Builder listed(int entries) {
      this.listed = Sketch.listedOption("RnnChainDiagram", entries);
      return this;
    }

    public Builder decimals(int decimals) {
      this.decimals = Sketch.decimalsOption("RnnChainDiagram", decimals);
      return this;
    }

    public RnnChainDiagram build() {
      return new RnnChainDiagram(this);
    }
  }
}
