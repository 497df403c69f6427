package gated;

/**
 * Size knobs for notebooks, each with its allowed range:
 * {@code int epochs = Knob.integer("EPOCHS", 30, 2, 100);} reads the system property EPOCHS, else the
 * environment variable EPOCHS, else the default 30, and refuses a value outside 2..100 with a message that
 * names the knob and its range. CI and a live class can shorten or lengthen a run without editing the
 * notebook ({@code EPOCHS=100 ./course run}); {@code tools/knobs.py} runs every notebook at the smallest and
 * the largest value of each of its knobs, so a lesson may only assert what holds across the whole range.
 */
public final class Knob {
  private Knob() {}

  /** A whole-number knob with its default and its allowed range min..max (inclusive). */
  public static int integer(String name, int defaultValue, int min, int max) {
    checkRange(name, defaultValue, min, max);
    String v = raw(name);
    if (v == null) return defaultValue;
    int value;
    try {
      value = Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("knob " + name + ": \"" + v + "\" is not a whole number (allowed " + min + ".."
          + max + ")");
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException("knob " + name + " = " + value + " is outside its allowed range " + min + ".." + max
          + " (default " + defaultValue + ")");
    }
    return value;
  }

  /** A real-number knob with its default and its allowed range min..max (inclusive). */
  public static double real(String name, double defaultValue, double min, double max) {
    if (!(min <= max) || !Double.isFinite(min) || !Double.isFinite(max)) {
      throw new IllegalArgumentException("knob " + name + ": range " + min + ".." + max + " is not a finite range");
    }
    if (!(defaultValue >= min && defaultValue <= max)) {
      throw new IllegalArgumentException("knob " + name + ": default " + defaultValue + " is outside " + min + ".." + max);
    }
    String v = raw(name);
    if (v == null) return defaultValue;
    double value;
    try {
      value = Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("knob " + name + ": \"" + v + "\" is not a number (allowed " + min + ".." + max + ")");
    }
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException("knob " + name + " = " + v.trim() + " is outside its allowed range " + min + ".." + max
          + " (default " + defaultValue + ")");
    }
    return value;
  }

  private static void checkRange(String name, int defaultValue, int min, int max) {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("knob: the name is missing");
    if (min > max) throw new IllegalArgumentException("knob " + name + ": range " + min + ".." + max + " is empty");
    if (defaultValue < min || defaultValue > max) {
      throw new IllegalArgumentException("knob " + name + ": default " + defaultValue + " is outside " + min + ".." + max);
    }
  }

  private static String raw(String name) {
    String v = System.getProperty(name);
    return v != null ? v : System.getenv(name);
  }
}
