package gated.diagram;

import java.awt.Color;
import java.awt.Font;

/**
 * The colours and fonts of every diagram, in one place, so that a gate has the same colour in the cell
 * diagram, in a highlight and in the {@link GateExplorer}.
 *
 * <p>Value colours use the stops of {@link gated.plot.Heatmap}: a white-to-black grey scale for ranges
 * that start at 0 (gates) and a blue–white–red scale with white at 0 for ranges that include negative
 * numbers (c̃, c, h, x), so a strip in a diagram reads like a column of the course's heat maps.
 */
public final class Palette {
  private Palette() {}

  /** The forget gate f_t and everything on its path. */
  public static final Color FORGET = new Color(0xd95f02);
  /** The input gate i_t. */
  public static final Color INPUT = new Color(0x1b9e77);
  /** The candidate c̃_t (a tanh layer, not a gate); also the GRU's candidate H̃_t. */
  public static final Color CANDIDATE = new Color(0x7570b3);
  /** The output gate o_t. */
  public static final Color OUTPUT = new Color(0xc51b7d);
  /** The cell state c_t, the belt along the top of the LSTM cell. */
  public static final Color CELL_STATE = new Color(0x1f5f99);
  /** The hidden state h_t and the inputs [h_{t-1}; x_t]. */
  public static final Color HIDDEN = new Color(0x444444);
  /** The GRU's reset gate R_t. */
  public static final Color RESET = new Color(0x1b9e77);
  /** The GRU's update gate Z_t. */
  public static final Color UPDATE = new Color(0xd95f02);

  /**
   * A BiLSTM's forward direction, reading x_1 … x_T: the LSTM's colour in every plot of the course
   * ({@link gated.plot.Palette.Model#LSTM}), since it is an ordinary forward LSTM.
   */
  public static final Color FORWARD = gated.plot.Palette.Model.LSTM.color();
  /**
   * A BiLSTM's backward direction, reading x_T … x_1: the BiLSTM's colour in every plot
   * ({@link gated.plot.Palette.Model#BILSTM}), since it is what makes the model a BiLSTM.
   */
  public static final Color BACKWARD = gated.plot.Palette.Model.BILSTM.color();

  /** Outline of a cell, text and pointwise nodes. */
  static final Color INK = new Color(0x222222);
  /** Secondary text: legends, notes. */
  static final Color MUTED = new Color(0x666666);
  /** The fill of a cell's body. */
  static final Color CELL_FILL = new Color(0xf4f6f9);
  static final Color CELL_EDGE = new Color(0x9aa5b1);
  /** The fill of a pointwise node (⊙, +, tanh). */
  static final Color NODE_FILL = new Color(0xfde7ef);
  static final Color NODE_EDGE = new Color(0xb0476e);

  private static final Color[] SEQUENTIAL = {new Color(0xffffff), new Color(0xbdbdbd), new Color(0x636363),
      new Color(0x111111)};
  private static final Color[] DIVERGING = {new Color(0x2166ac), new Color(0x92c5de), new Color(0xf7f7f7),
      new Color(0xf4a582), new Color(0xb2182b)};

  /** Prose in legends and notes. */
  static final String SANS = Font.SANS_SERIF;
  /** Symbols such as h_{t-1}, drawn like maths. */
  static final String SERIF = Font.SERIF;

  /** A light version of a colour, for the fill of a box drawn in that colour. */
  static Color tint(Color c, double amount) {
    return new Color(mix(c.getRed(), 255, amount), mix(c.getGreen(), 255, amount), mix(c.getBlue(), 255, amount));
  }

  /**
   * The colour of value v on the scale [lo, hi]: sequential when lo ≥ 0, diverging (white at 0) otherwise.
   * Values outside the range take the colour of the nearest end.
   */
  public static Color value(double v, double lo, double hi) {
    if (!(lo < hi)) throw new IllegalArgumentException("Palette.value: needs lo < hi, got [" + lo + ", " + hi + "]");
    Color[] stops = lo < 0 ? DIVERGING : SEQUENTIAL;
    double u = Double.isNaN(v) ? 0.5 : Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
    double pos = u * (stops.length - 1);
    int k = Math.min(stops.length - 2, (int) Math.floor(pos));
    double w = pos - k;
    Color a = stops[k], b = stops[k + 1];
    return new Color(mix(a.getRed(), b.getRed(), w), mix(a.getGreen(), b.getGreen(), w), mix(a.getBlue(), b.getBlue(), w));
  }

  /** Black or white, whichever reads better on the given fill. */
  static Color textOn(Color fill) {
    double luminance = 0.299 * fill.getRed() + 0.587 * fill.getGreen() + 0.114 * fill.getBlue();
    return luminance < 140 ? Color.WHITE : INK;
  }

  /** The colour stops as CSS hex strings, sequential first, for the explorer's page. */
  static String[][] cssStops() {
    String[][] out = new String[2][];
    out[0] = hex(SEQUENTIAL);
    out[1] = hex(DIVERGING);
    return out;
  }

  /** A colour as CSS "#rrggbb". */
  static String css(Color c) {
    return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }

  private static String[] hex(Color[] cs) {
    String[] out = new String[cs.length];
    for (int k = 0; k < cs.length; k++) out[k] = css(cs[k]);
    return out;
  }

  private static int mix(int a, int b, double w) {
    return (int) Math.round(a + (b - a) * w);
  }
}
