package gated.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
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
 *   <li>colour: the model's colour from {@link Palette}; grey for "chance"; for a series of one layer of a
 *       stack ("layer 2 C[0]", "layer 2 h") one colour per layer, since unit k of one layer has nothing to do
 *       with unit k of another; for a unit of a state ("c[0]", "h[0]") one colour per unit index; otherwise one
 *       colour per name, none of them a model's;</li>
 *   <li>line: series that share a colour get different dash patterns (solid, dashed, dotted, dash-dot), in
 *       order; where a colour holds training curves (names ending in " train"), a run's test curve is solid and
 *       its training curve dashed (a second run of that colour: dash-dot and dotted);</li>
 *   <li>marker and width: every measured series of the chart gets its own marker shape, and each line is a
 *       little thinner than the one before it (it is drawn on top), so two lines that lie on top of each
 *       other still show both. Reference levels are thin, grey and have no markers; several of them in one chart
 *       are told apart by their dash patterns (dashed, dotted, dash-dot).</li>
 * </ul>
 */
record SeriesStyle(Color color, BasicStroke line, Marker marker, float width, boolean reference) {
  private static final BasicStroke[] LINES = {SeriesLines.SOLID, SeriesLines.DASH_DASH, SeriesLines.DOT_DOT,
      SeriesLines.DASH_DOT};
  private static final BasicStroke[] REFERENCE_LINES = {SeriesLines.DASH_DASH, SeriesLines.DOT_DOT, SeriesLines.DASH_DOT};
  private static final BasicStroke[] PAIR_TEST = {SeriesLines.SOLID, SeriesLines.DASH_DOT};
  private static final BasicStroke[] PAIR_TRAIN = {SeriesLines.DASH_DASH, SeriesLines.DOT_DOT};
  private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE,
      SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.PLUS,
      SeriesMarkers.TRAPEZOID};
  private static final Pattern UNIT = Pattern.compile("\\[(\\d+)]$");
  private static final Pattern LAYER = Pattern.compile("^layer (\\d+)\\b");

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
    BasicStroke[] lineOf = new BasicStroke[names.size()];
    Map<String, List<String>> basesByKey = new HashMap<>();   // per colour: the runs, each maybe with train and test
    Map<String, Integer> ordinal = new HashMap<>();
    Set<String> paired = new HashSet<>();                      // colours that hold a training curve
    for (int k = 0; k < names.size(); k++) if (isTraining(names.get(k))) paired.add(keys.get(k));
    for (int k = 0; k < names.size(); k++) {
      String key = keys.get(k);
      if (paired.contains(key)) {                              // a run's test curve solid (or dash-dot), its training curve dashed (or dotted)
        List<String> bases = basesByKey.computeIfAbsent(key, x -> new ArrayList<>());
        String base = base(names.get(k));
        if (!bases.contains(base)) bases.add(base);
        int j = bases.indexOf(base) % 2;
        lineOf[k] = isTraining(names.get(k)) ? PAIR_TRAIN[j] : PAIR_TEST[j];
      } else {
        lineOf[k] = LINES[(ordinal.merge(key, 1, Integer::sum) - 1) % LINES.length];
      }
    }
    List<SeriesStyle> out = new ArrayList<>();
    int measured = 0;
    int references = 0;
    for (int k = 0; k < names.size(); k++) {
      String name = names.get(k);
      Color c = colours.get(keys.get(k));
      if (Palette.isReference(name)) {
        out.add(new SeriesStyle(c, REFERENCE_LINES[references++ % REFERENCE_LINES.length], SeriesMarkers.NONE, 1.5f, true));
      } else {
        float width = Math.max(1.5f, 3.5f - 0.5f * measured);   // later lines thinner: drawn on top, both stay visible
        out.add(new SeriesStyle(c, lineOf[k], MARKERS[measured++ % MARKERS.length], width, false));
      }
    }
    return out;
  }

  private static boolean isTraining(String name) {
    return name.endsWith(" train");
  }

  /** The run a curve belongs to: its name without " train" or " test". */
  private static String base(String name) {
    if (name.endsWith(" train")) return name.substring(0, name.length() - " train".length());
    if (name.endsWith(" test")) return name.substring(0, name.length() - " test".length());
    return name;
  }

  private static String key(String name) {
    if (Palette.isReference(name)) return "reference";
    Optional<Palette.Model> model = Palette.modelOf(name);
    if (model.isPresent()) return "model " + model.get();
    Matcher layer = LAYER.matcher(name);
    if (layer.find()) return "layer " + layer.group(1);
    Matcher unit = UNIT.matcher(name);
    if (unit.find()) return "unit " + unit.group(1);
    return "name " + name;
  }
}
