package gated;

/**
 * Size knobs for notebooks: {@code int epochs = Knob.integer("EPOCHS", 30);} reads the system property
 * EPOCHS, else the environment variable EPOCHS, else the default. CI and a live class can shorten or
 * lengthen a run without editing the notebook, e.g. {@code EPOCHS=100 ./course run}.
 */
public final class Knob {
  private Knob() {}

  public static int integer(String name, int defaultValue) {
    String v = raw(name);
    if (v == null) return defaultValue;
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("knob " + name + ": \"" + v + "\" is not a whole number");
    }
  }

  public static double real(String name, double defaultValue) {
    String v = raw(name);
    if (v == null) return defaultValue;
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("knob " + name + ": \"" + v + "\" is not a number");
    }
  }

  private static String raw(String name) {
    String v = System.getProperty(name);
    return v != null ? v : System.getenv(name);
  }
}
