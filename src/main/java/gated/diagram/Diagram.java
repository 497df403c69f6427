package gated.diagram;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * A computed picture of a recurrent cell or network. Every diagram of {@link Diagrams} is one of these.
 *
 * <p>Three levels of use, as with the course's charts:
 * <ol>
 *   <li>{@code display(Diagrams.lstm(step));} — the quick call returns the picture;</li>
 *   <li>{@code LstmDiagram.builder().step(step).highlight(CellPath.FORGET).build()} — a builder for the options,
 *       returning the diagram itself;</li>
 *   <li>{@link #image()} for the picture, or {@link #draw} to draw it onto a {@code Graphics2D} of your own
 *       (another image, a larger canvas) at any scale.</li>
 * </ol>
 */
public interface Diagram {

  /** Width in pixels at scale 1. */
  int width();

  /** Height in pixels at scale 1. */
  int height();

  /** Draws the diagram onto g in its own coordinates: (0, 0) top left to (width, height). */
  void draw(Graphics2D g);

  /** The picture a notebook shows: {@code display(diagram.image());}. White background, width × height. */
  default BufferedImage image() {
    return image(1.0);
  }

  /** The picture drawn at a scale, e.g. 2 for a sharp print; the size is (width × scale) × (height × scale). */
  default BufferedImage image(double scale) {
    if (!(scale >= 0.25 && scale <= 4)) {
      throw new IllegalArgumentException("Diagram.image: scale must be between 0.25 and 4, got " + scale);
    }
    BufferedImage img = new BufferedImage((int) Math.round(width() * scale), (int) Math.round(height() * scale),
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, img.getWidth(), img.getHeight());
      g.scale(scale, scale);
      draw(g);
    } finally {
      g.dispose();
    }
    return img;
  }

  /** The picture as PNG bytes (scale 1), e.g. to save it or embed it in a page. */
  default byte[] png() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image(), "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Diagram.png: could not encode the picture", e);
    }
  }
}
