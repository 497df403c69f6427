package gated.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * How each line of one chart is drawn, decided from the series names alone so that every helper draws
 * alike:
 *
 * <ul>
 *   <li>colour: the model's colour from {@link Palette}; grey for "chance"; for a unit of a state ("c[0]",
 *       "h[0]", "layer 2 c[0]") one colour per unit index; otherwise one colour per name, none of them a
 *       model's;</li>
 *   <li>line: series that share a colour get different dash patterns (solid, dashed, dotted, dash-dot), in
 *       order, training curves (names ending in " train") after the others, so a test curve stays solid and
 *       its training curve is dashed;</li>
 *   <li>marker and width: every measured series of the chart gets its own marker shape, and each line is a
 *       little thinner than the one before it (it is drawn on top), so two lines that lie on top of each
 *       other still show both. Reference levels are thin and have no markers.</li>
 * </ul>
 */
record SeriesStyle(Color color, BasicStroke line, Marker marker, float width, boolean reference) {
  private static final BasicStroke[] LINES = {SeriesLines.SOLID, SeriesLines.DASH_DASH, SeriesLines.DOT_DOT,
      SeriesLines.DASH_DOT};
  private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE,
      SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.PLUS,
      SeriesMarkers.TRAPEZOID};
  private static final Pattern UNIT = Pattern.compile("\\[(\\d+)]$");

  /** One style per name, in the order of the names. */
  static List<SeriesStyle> of(List<String> names) {
    Map<String, Color> colours = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>();
    int others = 0;
    for (String name : names) {
      String key = key(name);
      keys.add(key);
      if (colours.containsKey(key)) continue;
      Optional<Palette.Model> model = Palette.modelOf(name);
      if (Palette.isReference(name)) colours.put(key, Palette.REFERENCE);
      else if (model.isPresent()) colours.put(key, model.get().color());
      else colours.put(key, Palette.other(others++));
    }
    Map<String, Integer> usedLines = new HashMap<>();
    int[] lineOf = new int[names.size()];
    for (int pass = 0; pass < 2; pass++) {                    // pass 0: test and other curves, pass 1: training curves
      for (int k = 0; k < names.size(); k++) {
        if (isTraining(names.get(k)) != (pass == 1)) continue;
        lineOf[k] = usedLines.merge(keys.get(k), 1, Integer::sum) - 1;
      }
    }
    List<SeriesStyle> out = new ArrayList<>();
    int measured = 0;
    for (int k = 0; k < names.size(); k++) {
      String name = names.get(k);
      Color c = colours.get(keys.get(k));
      if (Palette.isReference(name)) {
        out.add(new SeriesStyle(c, SeriesLines.DASH_DASH, SeriesMarkers.NONE, 1.5f, true));
      } else {
        float width = Math.max(1.5f, 3.5f - 0.5f * measured);   // later lines thinner: drawn on top, both stay visible
        out.add(new SeriesStyle(c, LINES[lineOf[k] % LINES.length], MARKERS[measured++ % MARKERS.length], width, false));
      }
    }
    return out;
  }

  private static boolean isTraining(String name) {
    return name.endsWith(" train");
  }

  private static String key(String name) {
    if (Palette.isReference(name)) return "reference";
    Optional<Palette.Model> model = Palette.modelOf(name);
    if (model.isPresent()) return "model " + model.get();
    Matcher unit = UNIT.matcher(name);
    if (unit.find()) return "unit " + unit.group(1);
    return "name " + name;
  }
}
