package gated.text;

import gated.internal.Checks;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Text drawn as a picture, each character on a background coloured by one number (e.g. one unit's
 * c_t after reading that character): blue for low, white for the middle, red for high, on a fixed
 * scale. A picture, so that every kernel and every handout shows it the same way.
 */
public final class ColouredText {
  private static final Color[] DIVERGING = {new Color(0x2166ac), new Color(0x92c5de), new Color(0xf7f7f7),
      new Color(0xf4a582), new Color(0xb2182b)};

  private ColouredText() {}

  /**
   * The text line by line (line ends start a new row, shown as ⏎), at most {@code maxLines} rows,
   * coloured by {@code values} on the scale [−scale, scale], white at 0.
   */
  public static BufferedImage image(String title, String text, double[] values, double scale, int maxLines) {
    Checks.positive("coloured text", "scale", scale);
    return image(title, text, values, -scale, scale, maxLines);
  }

  /**
   * As {@link #image(String, String, double[], double, int)} on the scale [lo, hi]: blue at lo, white
   * halfway, red at hi. Use the smallest and largest value shown to see how a value that never changes
   * sign still rises and falls.
   */
  public static BufferedImage image(String title, String text, double[] values, double lo, double hi, int maxLines) {
    Checks.notNull("coloured text", "text", text);
    Checks.notNull("coloured text", "values", values);
    if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
      throw new IllegalArgumentException("coloured text: the scale needs finite lo < hi, got [" + lo + ", " + hi + "]");
    }
    double mid = (lo + hi) / 2, scale = (hi - lo) / 2;
    Checks.positive("coloured text", "lines", maxLines);
    if (values.length != text.length()) {
      throw new IllegalArgumentException("coloured text: " + text.length() + " characters but " + values.length + " values");
    }
    Font font = new Font(Font.MONOSPACED, Font.PLAIN, 13);
    Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    FontMetrics fm = probe.createGraphics().getFontMetrics(font);
    int cw = fm.charWidth('m'), lh = fm.getHeight() + 2;
    int cols = 1, lines = 1, col = 0;
    for (int k = 0; k < text.length() && lines <= maxLines; k++) {
      col++;
      cols = Math.max(cols, col);
      if (text.charAt(k) == '\n') {
        col = 0;
        lines++;
      }
    }
    lines = Math.min(lines, maxLines);
    int pad = 10, top = 30, legend = 34;
    int titleWidth = probe.createGraphics().getFontMetrics(titleFont).stringWidth(title == null ? "" : title);
    int width = Math.max(360, 2 * pad + Math.max(cols * cw, titleWidth)), height = top + lines * lh + legend + pad;
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
    g.setFont(titleFont);
    g.drawString(title == null ? "" : title, pad, 20);
    g.setFont(font);
    int line = 0;
    col = 0;
    for (int k = 0; k < text.length() && line < maxLines; k++) {
      char ch = text.charAt(k);
      int x = pad + col * cw, y = top + line * lh;
      g.setColor(colour(values[k] - mid, scale));
      g.fillRect(x, y, cw, lh);
      g.setColor(Color.BLACK);
      String shown = ch == '\n' ? "⏎" : String.valueOf(ch);
      g.drawString(shown, x, y + fm.getAscent() + 1);
      if (ch == '\n') {
        line++;
        col = 0;
      } else {
        col++;
      }
    }
    int ly = top + lines * lh + 10;                    // the colour scale
    int lw = Math.min(240, width - 2 * pad - 120);
    for (int x = 0; x < lw; x++) {
      g.setColor(colour(-scale + 2 * scale * x / (lw - 1.0), scale));   // lo … hi, shifted by mid
      g.fillRect(pad + x, ly, 1, 12);
    }
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawString(String.format("%+.2f", lo), pad, ly + 26);
    g.drawString(String.format("%+.2f", mid), pad + lw / 2 - 12, ly + 26);
    g.drawString(String.format("%+.2f", hi), pad + lw - 30, ly + 26);
    g.dispose();
    return img;
  }

  /** The colour of v on the diverging scale [−scale, scale]; values outside take the end colours. */
  static Color colour(double v, double scale) {
    double u = Double.isFinite(v) ? Math.max(0, Math.min(1, (v + scale) / (2 * scale))) : 0.5;
    double pos = u * (DIVERGING.length - 1);
    int i = Math.min(DIVERGING.length - 2, (int) Math.floor(pos));
    double f = pos - i;
    Color a = DIVERGING[i], b = DIVERGING[i + 1];
    return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
        (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
        (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
  }
}
