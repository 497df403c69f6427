package gated.plot;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The course's colours, defined once. Every figure draws a model in the same colour, so a reader who has
 * learned "blue is the LSTM" can trust it in the next notebook:
 *
 * <pre>
 *   RNN  vermillion     LSTM  blue     GRU  bluish green     BiLSTM  reddish purple     stacked LSTM  orange
 * </pre>
 *
 * (the Okabe–Ito colours, which stay distinct for the common forms of colour blindness). A series is
 * recognised as a model by its name, see {@link #modelOf(String)}; "chance", a "baseline" and other reference
 * levels are grey; every other series (a unit of a state, "weights", "biases", a clipping threshold) takes a colour that
 * no model uses, so a colour never changes meaning between figures.
 */
public final class Palette {
  /** The five architectures of the course, each with its own colour. */
  public enum Model {
    RNN(new Color(0xD55E00)),
    LSTM(new Color(0x0072B2)),
    GRU(new Color(0x009E73)),
    BILSTM(new Color(0xCC79A7)),
    STACKED(new Color(0xE69F00));

    private final Color color;

    Model(Color color) {
      this.color = color;
    }

    /** The colour of this model in every figure of the course. */
    public Color color() {
      return color;
    }
  }

  /** Grey, for reference levels such as chance. */
  public static final Color REFERENCE = new Color(0x888888);

  /** Colours for series that are not a model, none of them close to a model's colour. */
  private static final List<Color> OTHER = List.of(new Color(0x000000), new Color(0x8C564B), new Color(0x7A7A00),
      new Color(0x56B4E9), new Color(0x882255), new Color(0x5E5E5E));

  /** Bar colours for series that are not a model ("weights", "biases", …): greys and one brown. */
  private static final List<Color> OTHER_BARS = List.of(new Color(0x5E5E5E), new Color(0xBDBDBD),
      new Color(0x8C564B), new Color(0x56B4E9));

  private static final Pattern BILSTM = Pattern.compile("\\bBiLSTM\\b");
  private static final Pattern STACKED = Pattern.compile("(?i)\\bstacked\\b|\\b([2-9]|\\d{2,}) layers\\b");
  private static final Pattern GRU = Pattern.compile("\\bGRU\\b");
  private static final Pattern LSTM = Pattern.compile("\\bLSTM\\b");
  private static final Pattern RNN = Pattern.compile("\\bRNN\\b");
  private static final Pattern CHANCE = Pattern.compile("(?i)\\bchance\\b|\\bbaseline\\b");

  private Palette() {}

  /**
   * The model a series name speaks of, tried in this order: "BiLSTM"; "stacked" or "2 layers", "3 layers", …;
   * "GRU"; "LSTM"; "RNN" (whole words, upper case as written in the course). So "forward LSTM" and
   * "LSTM, b_f = 1" are the LSTM, "LSTM, 2 layers" is the stacked LSTM, "Π Z (GRU)" is the GRU, and
   * "unit 0" is no model.
   */
  public static Optional<Model> modelOf(String seriesName) {
    if (seriesName == null) return Optional.empty();
    if (BILSTM.matcher(seriesName).find()) return Optional.of(Model.BILSTM);
    if (STACKED.matcher(seriesName).find()) return Optional.of(Model.STACKED);
    if (GRU.matcher(seriesName).find()) return Optional.of(Model.GRU);
    if (LSTM.matcher(seriesName).find()) return Optional.of(Model.LSTM);
    if (RNN.matcher(seriesName).find()) return Optional.of(Model.RNN);
    return Optional.empty();
  }

  /**
   * Whether a series is a reference level rather than a measurement: its name contains the word "chance" or
   * "baseline" (e.g. "bigram baseline").
   */
  public static boolean isReference(String seriesName) {
    return seriesName != null && CHANCE.matcher(seriesName.toLowerCase(Locale.ROOT)).find();
  }

  /** The k-th colour for lines that are not a model (k ≥ 0; cycles). */
  static Color other(int k) {
    return OTHER.get(Math.floorMod(k, OTHER.size()));
  }

  /** The k-th colour for bars that are not a model (k ≥ 0; cycles). */
  static Color otherBar(int k) {
    return OTHER_BARS.get(Math.floorMod(k, OTHER_BARS.size()));
  }
}
