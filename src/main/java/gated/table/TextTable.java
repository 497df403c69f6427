package gated.table;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Prints a table as plain text no wider than a page: columns separated by two spaces, numbers right-aligned,
 * labels left-aligned. A table wider than the limit is split into parts of consecutive columns, each part
 * repeating the leading label columns (word, t, unit), so every row can still be read on its own.
 */
final class TextTable {
  private static final String GAP = "  ";

  private TextTable() {}

  static String print(Table table, int maxWidth) {
    List<Column<?>> cols = table.columns();
    int keys = 0;                       // leading label columns: strings and whole numbers (word, t, unit)
    while (keys < cols.size() && !(cols.get(keys).type().name().equals("DOUBLE"))) keys++;
    if (keys == cols.size()) keys = 0;  // a table of labels only (e.g. a parameter breakdown): no repetition
    int[] widths = new int[cols.size()];
    for (int c = 0; c < cols.size(); c++) widths[c] = width(cols.get(c));
    int keyWidth = 0;
    for (int c = 0; c < keys; c++) keyWidth += widths[c] + GAP.length();

    boolean[] noCutBefore = new boolean[cols.size()];   // a pre-activation z_… stays with the activation after it
    for (int c = 1; c < cols.size(); c++) noCutBefore[c] = cols.get(c - 1).name().startsWith("z_");
    List<int[]> parts = split(widths, noCutBefore, keys, keyWidth, maxWidth);
    StringBuilder out = new StringBuilder();
    for (int p = 0; p < parts.size(); p++) {
      int[] part = parts.get(p);
      List<Integer> shown = new ArrayList<>();
      for (int c = 0; c < keys; c++) shown.add(c);
      for (int c = part[0]; c < part[1]; c++) shown.add(c);
      if (p > 0) out.append('\n');
      out.append(table.name());
      if (parts.size() > 1) out.append(" (part ").append(p + 1).append(" of ").append(parts.size()).append(')');
      out.append('\n');
      out.append(line(shown, c -> cols.get(c).name(), widths, cols)).append('\n');
      out.append(line(shown, c -> "-".repeat(widths[c]), widths, cols)).append('\n');
      for (int r = 0; r < table.rowCount(); r++) {
        int row = r;
        out.append(line(shown, c -> cols.get(c).getString(row), widths, cols)).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * Contiguous ranges [from, to) of the non-label columns: the fewest parts that fit in the width, and among
   * those the split whose widest part is narrowest (a wide table splits into two halves, not a full part and a
   * stub). A single column wider than the page gets a part of its own. No part starts at a column marked in
   * {@code noCutBefore}, unless nothing else fits.
   */
  private static List<int[]> split(int[] widths, boolean[] noCutBefore, int keys, int keyWidth, int maxWidth) {
    List<int[]> kept = split(widths, noCutBefore, keys, keyWidth, maxWidth, true);
    return kept != null ? kept : split(widths, noCutBefore, keys, keyWidth, maxWidth, false);
  }

  private static List<int[]> split(int[] widths, boolean[] noCutBefore, int keys, int keyWidth, int maxWidth,
      boolean respect) {
    int n = widths.length - keys;
    int room = maxWidth - keyWidth;
    if (n <= 0) return List.of(new int[] {keys, widths.length});
    for (int count = 1; count <= n; count++) {
      // best[k][j]: the narrowest widest part when the first j columns form k parts; cut[k][j]: where the last starts
      int[][] best = new int[count + 1][n + 1];
      int[][] cut = new int[count + 1][n + 1];
      for (int[] row : best) java.util.Arrays.fill(row, Integer.MAX_VALUE);
      best[0][0] = 0;
      for (int k = 1; k <= count; k++) {
        for (int j = k; j <= n; j++) {
          for (int i = k - 1; i < j; i++) {
            if (best[k - 1][i] == Integer.MAX_VALUE || (respect && i > 0 && noCutBefore[keys + i])) continue;
            int w = Math.max(best[k - 1][i], partWidth(widths, keys + i, keys + j));
            if (w < best[k][j]) {
              best[k][j] = w;
              cut[k][j] = i;
            }
          }
        }
      }
      if (best[count][n] == Integer.MAX_VALUE) continue;
      if (best[count][n] <= room || count == n) {
        List<int[]> parts = new ArrayList<>();
        int j = n;
        for (int k = count; k >= 1; k--) {
          int i = cut[k][j];
          parts.add(0, new int[] {keys + i, keys + j});
          j = i;
        }
        return parts;
      }
    }
    return null;                        // only when cuts are restricted: try again without the restriction
  }

  /** Width of columns [from, to) printed side by side. */
  private static int partWidth(int[] widths, int from, int to) {
    int w = 0;
    for (int c = from; c < to; c++) w += widths[c] + (c > from ? GAP.length() : 0);
    return w;
  }

  private interface Cell {
    String text(int column);
  }

  private static String line(List<Integer> shown, Cell cell, int[] widths, List<Column<?>> cols) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < shown.size(); k++) {
      int c = shown.get(k);
      String s = cell.text(c);
      String pad = " ".repeat(Math.max(0, widths[c] - displayWidth(s)));
      if (k > 0) b.append(GAP);
      boolean label = cols.get(c).type().name().equals("STRING");
      b.append(label ? s + pad : pad + s);
    }
    return b.toString().stripTrailing();
  }

  private static int width(Column<?> col) {
    int w = displayWidth(col.name());
    for (int r = 0; r < col.size(); r++) w = Math.max(w, displayWidth(col.getString(r)));
    return w;
  }

  /** Characters a reader sees: combining marks (the tilde of c̃) take no room of their own. */
  static int displayWidth(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int type = Character.getType(cp);
      if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK) w++;
      i += Character.charCount(cp);
    }
    return w;
  }
}
