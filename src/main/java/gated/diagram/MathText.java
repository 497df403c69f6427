package gated.diagram;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.geom.GeneralPath;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A symbol written the way the equations write it, e.g. {@code h_{t-1}}, {@code c~_t} (c̃_t),
 * {@code W_f} or {@code c^{(2)}_t}: letters in italic serif, digits and operators upright, subscripts and
 * superscripts smaller and shifted, "~" after a letter puts a tilde over it, "-" in a subscript is a minus
 * sign. Nothing else is interpreted, so a plain word draws as itself.
 */
final class MathText {
  /** Subscripts and superscripts are this much smaller than the base text. */
  private static final double SCRIPT_SCALE = 0.72;
  /** How far below the baseline a subscript sits, as a fraction of the base size. */
  private static final double SUB_DROP = 0.30;
  /** How far above the baseline a superscript sits, as a fraction of the base size. */
  private static final double SUP_RISE = 0.42;

  /** Function names written upright, as in the equations. */
  private static final String[] UPRIGHT = {"tanh", "softmax", "exp"};

  /**
   * One character (or function name). {@code group} numbers the script groups; a group with
   * {@code stacked} set is drawn under (or over) the script group just before it, as in h^{(1)}_t.
   */
  private record Glyph(String text, int level, boolean tilde, boolean upright, int group, boolean stacked) {
    Glyph with(boolean tilde) {
      return new Glyph(text, level, tilde, upright, group, stacked);
    }
  }

  private final List<Glyph> glyphs;
  private final float size;

  private MathText(List<Glyph> glyphs, float size) {
    this.glyphs = glyphs;
    this.size = size;
  }

  static MathText of(String tex, float size) {
    List<Glyph> out = new ArrayList<>();
    parse(tex, 0, 0, false, new int[] {0}, out);
    return new MathText(out, size);
  }

  /** Appends the glyphs of s at this level; {@code groups} counts script groups across the whole text. */
  private static void parse(String s, int level, int group, boolean stacked, int[] groups, List<Glyph> out) {
    int k = 0;
    int lastScriptEnd = -1;   // where the last script group ended in s, to spot h^{a}_{b}
    int lastScriptLevel = 0;
    while (k < s.length()) {
      char ch = s.charAt(k);
      if ((ch == '_' || ch == '^') && k + 1 < s.length()) {
        int sub = ch == '_' ? -1 : 1;
        int start = k;
        String body;
        if (s.charAt(k + 1) == '{') {
          int close = matching(s, k + 1);
          body = s.substring(k + 2, close);
          k = close + 1;
        } else {
          body = s.substring(k + 1, k + 2);
          k += 2;
        }
        boolean stack = level == 0 && lastScriptEnd == start && lastScriptLevel == -sub;
        parse(body, sub, ++groups[0], stack, groups, out);
        lastScriptEnd = k;
        lastScriptLevel = sub;
      } else if (ch == '~' && !out.isEmpty()) {
        out.add(out.remove(out.size() - 1).with(true));
        k++;
      } else if (upright(s, k) != null) {
        String name = upright(s, k);
        out.add(new Glyph(name, level, false, true, group, stacked));
        k += name.length();
      } else {
        String text = ch == '-' && level != 0 ? "\u2212" : String.valueOf(ch);
        out.add(new Glyph(text, level, false, false, group, stacked));
        k++;
      }
    }
  }

  private static String upright(String s, int k) {
    for (String name : UPRIGHT) if (s.startsWith(name, k)) return name;
    return null;
  }

  private static int matching(String s, int open) {
    int depth = 0;
    for (int k = open; k < s.length(); k++) {
      if (s.charAt(k) == '{') depth++;
      if (s.charAt(k) == '}' && --depth == 0) return k;
    }
    throw new IllegalArgumentException("MathText: unbalanced braces in " + s);
  }

  private Font font(Glyph g) {
    boolean letter = Character.isLetter(g.text().codePointAt(0)) && g.text().codePointAt(0) < 0x2100;
    float s = g.level() == 0 ? size : (float) (size * SCRIPT_SCALE);
    int style = letter && !g.upright() ? Font.ITALIC : Font.PLAIN;
    return new Font(letter ? Palette.SERIF : Palette.SANS, style, 1).deriveFont(s);
  }

  /** The width in pixels when drawn with this rendering context. */
  double width(FontRenderContext frc) {
    return layout(frc, null, 0, 0);
  }

  /** Draws with the baseline at y, starting at x; returns the width. */
  double draw(Graphics2D g2, double x, double y) {
    return layout(g2.getFontRenderContext(), g2, x, y);
  }

  /**
   * Places every glyph (drawing it when g2 is not null); returns the width. Glyphs come in runs of one
   * group; a stacked script run starts where the script run before it started, so h^{(1)}_t puts the
   * subscript under the superscript, and whatever follows starts after the longer of the two.
   */
  private double layout(FontRenderContext frc, Graphics2D g2, double x, double y) {
    double at = x;
    double scriptStart = x, scriptEnd = x;   // the last script run
    int k = 0;
    while (k < glyphs.size()) {
      Glyph first = glyphs.get(k);
      int end = k;
      while (end < glyphs.size() && glyphs.get(end).group() == first.group()) end++;
      boolean script = first.level() != 0;
      double start = script && first.stacked() ? scriptStart : at;
      double cur = start;
      for (int j = k; j < end; j++) {
        Glyph g = glyphs.get(j);
        Font f = font(g);
        double w = f.getStringBounds(g.text(), frc).getWidth();
        if (g2 != null) {
          double dy = g.level() < 0 ? SUB_DROP * size : g.level() > 0 ? -SUP_RISE * size : 0;
          g2.setFont(f);
          g2.drawString(g.text(), (float) cur, (float) (y + dy));
          if (g.tilde()) tilde(g2, f, g.text(), cur, y + dy, w);
        }
        cur += w;
      }
      if (script) {
        double runEnd = first.stacked() ? Math.max(cur, scriptEnd) : cur;
        scriptStart = start;
        scriptEnd = runEnd;
        at = runEnd;
      } else {
        at = cur;
      }
      k = end;
    }
    return at - x;
  }

  /** A small wave just above the glyph's ink. */
  private static void tilde(Graphics2D g2, Font f, String text, double x, double baseline, double w) {
    Rectangle2D ink = f.createGlyphVector(g2.getFontRenderContext(), text).getVisualBounds();
    double top = baseline + ink.getY() - f.getSize2D() * 0.12;
    double left = x + ink.getX() + ink.getWidth() * 0.1 + f.getSize2D() * 0.06;
    double span = Math.max(ink.getWidth() * 0.85, f.getSize2D() * 0.4);
    double amp = f.getSize2D() * 0.07;
    GeneralPath p = new GeneralPath();
    p.moveTo(left, top);
    p.curveTo(left + span * 0.3, top - 2.2 * amp, left + span * 0.6, top + 2.2 * amp, left + span, top - amp);
    var old = g2.getStroke();
    g2.setStroke(new java.awt.BasicStroke((float) Math.max(1.0, f.getSize2D() / 14)));
    g2.draw(p);
    g2.setStroke(old);
  }
}
