package gated.diagram;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Small PNGs for pictures that travel inside a page (the explorer's static picture): 256 colours, the most
 * frequent ones of the picture, every other colour mapped to the nearest of them, at the strongest
 * compression. A diagram has a few thousand colours, nearly all of them anti-aliasing shades, so it looks
 * the same and takes about half the bytes.
 */
final class Png {
  private Png() {}

  static byte[] compact(BufferedImage img) {
    return encode(indexed(img));
  }

  static BufferedImage indexed(BufferedImage img) {
    int w = img.getWidth(), h = img.getHeight();
    Map<Integer, Integer> counts = new HashMap<>();
    for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) counts.merge(img.getRGB(x, y) & 0xffffff, 1, Integer::sum);
    List<Map.Entry<Integer, Integer>> byCount = new ArrayList<>(counts.entrySet());
    byCount.sort((a, b) -> b.getValue() - a.getValue() != 0 ? b.getValue() - a.getValue() : a.getKey() - b.getKey());
    int n = Math.min(256, byCount.size());
    int[] palette = new int[n];
    byte[] r = new byte[n], g = new byte[n], b = new byte[n];
    for (int k = 0; k < n; k++) {
      int c = byCount.get(k).getKey();
      palette[k] = c;
      r[k] = (byte) (c >> 16);
      g[k] = (byte) (c >> 8);
      b[k] = (byte) c;
    }
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, n, r, g, b));
    WritableRaster raster = out.getRaster();
    Map<Integer, Integer> nearest = new HashMap<>();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int c = img.getRGB(x, y) & 0xffffff;
        raster.setSample(x, y, 0, nearest.computeIfAbsent(c, key -> closest(palette, key)));
      }
    }
    return out;
  }

  /** The palette entry nearest to c, by a distance that weighs green most, as the eye does. */
  private static int closest(int[] palette, int c) {
    int best = 0;
    long bestDistance = Long.MAX_VALUE;
    for (int k = 0; k < palette.length; k++) {
      int p = palette[k];
      long dr = ((p >> 16) & 255) - ((c >> 16) & 255), dg = ((p >> 8) & 255) - ((c >> 8) & 255), db = (p & 255) - (c & 255);
      long d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best;
  }

  static byte[] encode(BufferedImage img) {
    try {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
        writer.setOutput(stream);
        ImageWriteParam p = writer.getDefaultWriteParam();
        if (p.canWriteCompressed()) {
          p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
          p.setCompressionQuality(0f);
        }
        writer.write(null, new IIOImage(img, null, null), p);
      } finally {
        writer.dispose();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode a PNG", e);
    }
  }
}
