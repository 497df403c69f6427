package gated.diagram;

import gated.HtmlDisplay;
import gated.cell.LstmGate;
import gated.cell.LstmStep;
import gated.cell.LstmWeights;
import gated.internal.Checks;
import gated.model.Lstm;
import gated.tensor.Format;
import gated.tensor.Vec;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The interactive gate explorer: one self-contained piece of HTML and JavaScript (no network, no library)
 * that steps through a sentence with an LSTM. A time slider picks the step; a grid shows, for every unit k,
 * c_{t-1}, f_t, i_t, c̃_t, c_t, o_t and h_t in the order of c_t = f_t ⊙ c_{t-1} + i_t ⊙ c̃_t and
 * h_t = o_t ⊙ tanh(c_t), coloured like the diagrams; hovering a number shows that unit's whole step; a
 * small map shows every unit's memory c_t over the sentence; and a what-if slider changes one bias or one
 * input entry and recomputes every step in the page.
 *
 * <pre>
 *   GateExplorer.of(Lstm.of(weights), inputs, words).show();                  // in a notebook
 *   GateExplorer.builder(model, inputs).words(words).title("Bob and Dan").start(6).build().show();
 *   Files.writeString(Path.of("explorer.html"), explorer.page());             // as a page of its own
 * </pre>
 *
 * <p>The page computes the steps itself, in JavaScript, from the model's exact weights (that is what lets the
 * what-if sliders work), and it carries the library's own values, rounded to 4 decimals, for checking: the
 * course's browser check compares what the page shows with them, and a unit test runs the page's script under
 * Node and compares its steps with {@link Lstm#forward} to 1e-9.
 *
 * <p>For print and PDF, and wherever scripts do not run, the explorer shows a static picture instead: the
 * {@link LstmDiagram} of its start step with the numbers on the wires ({@link #staticImage()}).
 */
public final class GateExplorer {
  /** The script and the style sheet written into every explorer. */
  private static final String SCRIPT = resource("explorer.js");
  private static final String STYLE = resource("explorer.css");
  /** Numbers an explorer carries for checking are rounded to this many decimals. */
  static final int EXPECTED_DECIMALS = 4;
  /** Counts explorers made in this JVM, so that two explorers of the same data still get different ids. */
  private static final AtomicInteger MADE = new AtomicInteger();

  private final Lstm model;
  private final List<Vec> inputs;
  private final List<String> words;
  private final String title;
  private final Vec h0;
  private final Vec c0;
  private final int start;
  private final boolean whatIf;
  private final Lstm.LstmTrace trace;
  private final String id;

  private GateExplorer(Builder b) {
    this.model = b.model;
    this.inputs = b.inputs;
    this.h0 = b.h0 == null ? Vec.zeros(b.model.outputSize()) : b.h0;
    this.c0 = b.c0 == null ? Vec.zeros(b.model.outputSize()) : b.c0;
    this.trace = model.forward(inputs, h0, c0);
    this.words = b.words == null ? numbered(inputs.size()) : b.words;
    this.title = b.title == null ? "Gate explorer" : b.title;
    this.start = b.start == 0 ? 1 : b.start;
    if (start > inputs.size()) {
      throw new IllegalArgumentException("GateExplorer: start step " + start + " is after the last step, "
          + inputs.size() + " (steps count from 1)");
    }
    this.whatIf = b.whatIf;
    this.id = "gx-" + Integer.toHexString(data().hashCode()) + "-" + MADE.incrementAndGet();
  }

  /** An explorer of this LSTM reading these inputs, one word per input (the words label the steps). */
  public static GateExplorer of(Lstm model, List<Vec> inputs, List<String> words) {
    return builder(model, inputs).words(words).build();
  }

  /** The builder, for a title, the start step, an initial state or no what-if. */
  public static Builder builder(Lstm model, List<Vec> inputs) {
    return new Builder(model, inputs);
  }

  /** The id of the explorer's element, unique on a page ("gx-…"). */
  public String id() {
    return id;
  }

  /** The LSTM the explorer steps with. */
  public Lstm model() {
    return model;
  }

  /** x_1 … x_T. */
  public List<Vec> inputs() {
    return inputs;
  }

  /** The library's trace: what the page must show, step by step. */
  public Lstm.LstmTrace trace() {
    return trace;
  }

  public List<String> words() {
    return words;
  }

  /** The step the explorer opens at (counting from 1), which is also the step of the static picture. */
  public int start() {
    return start;
  }

  /**
   * The picture kept for print, PDF and pages without scripts: the cell at the start step with its numbers
   * (no legend, to keep the page small; the lessons show the full diagram).
   */
  public LstmDiagram staticDiagram() {
    return LstmDiagram.builder().step(trace.step(start - 1)).legend(false)
        .title(title + ": step $t = " + start + "$, \u201c" + words.get(start - 1) + "\u201d"
            + " (the interactive explorer shows every step)")
        .build();
  }

  public BufferedImage staticImage() {
    return staticDiagram().image();
  }

  /**
   * The explorer as an HTML fragment: one element with its own style, static picture, data and script. Put
   * it into any page; two explorers on a page do not interfere.
   */
  public String html() {
    String png = Base64.getEncoder().encodeToString(Png.compact(staticImage()));
    return "<div id=\"" + id + "\" class=\"gx-root tex2jax_ignore\" data-gated-explorer=\"lstm\" data-steps=\""
        + inputs.size() + "\" data-units=\"" + model.outputSize() + "\">\n"
        + "<style>\n" + STYLE + "</style>\n"
        + "<img class=\"gx-static\" alt=\"" + escape(title) + ": the LSTM cell at step " + start
        + ", a static picture of the gate explorer\" src=\"data:image/png;base64," + png + "\">\n"
        + "<div class=\"gx-live\"></div>\n"
        + "<script type=\"application/json\" id=\"" + id + "-data\">" + data() + "</script>\n"
        + "<script>\n" + SCRIPT + "\nif (typeof window !== 'undefined') window.GatedMemoryExplorer.mount('" + id
        + "');\n</script>\n</div>\n";
  }

  /** A complete HTML document holding only this explorer, to save and open in a browser. */
  public String page() {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
        + "</title>\n</head>\n<body>\n" + html() + "</body>\n</html>\n";
  }

  /** What a front end without HTML shows instead: what the explorer is, and c_t step by step. */
  public String text() {
    StringBuilder s = new StringBuilder();
    s.append(title).append(": gate explorer of an LSTM with ").append(model.outputSize()).append(" units over ")
        .append(inputs.size()).append(" steps. It needs a notebook front end that shows HTML;")
        .append(" GateExplorer.page() gives it as a page of its own.\n");
    for (int t = 1; t <= inputs.size(); t++) {
      s.append(String.format("  t = %2d %-12s C_t = %s%n", t, words.get(t - 1), trace.step(t - 1).c().toString(3)));
    }
    return s.toString();
  }

  /**
   * Shows the explorer in the running notebook (HTML, with the static picture and the text beside it for
   * front ends that cannot show HTML), or prints {@link #text()} when no notebook kernel is found. See
   * {@link HtmlDisplay}.
   */
  public void show() {
    HtmlDisplay.show(html(), text(), Png.compact(staticImage()));
  }

  /** The JSON the page reads: the model, the inputs, the words and the library's values for checking. */
  private String data() {
    LstmWeights w = model.weights();
    Json j = new Json().open();
    j.key("kind").value("lstm");
    j.key("title").value(title);
    j.key("words").strings(words);
    j.key("start").value(start);
    j.key("whatIf").value(whatIf);
    String[][] stops = Palette.cssStops();
    j.key("stops").openArray().strings(stops[0]).strings(stops[1]).closeArray();
    j.key("h0").value(h0);
    j.key("c0").value(c0);
    j.key("weights").open();
    for (LstmGate g : LstmGate.values()) {
      j.key(g.symbol()).open().key("W").value(w.gate(g).w()).key("b").value(w.gate(g).b()).close();
    }
    j.close();
    j.key("inputs").vectors(inputs);
    j.key("expected").open();   // the library's values, for checking what the page shows
    Function<Function<LstmStep, Vec>, List<Vec>> over = f -> trace.steps().stream().map(f).toList();
    j.key("f").rounded(over.apply(LstmStep::f), EXPECTED_DECIMALS);
    j.key("i").rounded(over.apply(LstmStep::i), EXPECTED_DECIMALS);
    j.key("g").rounded(over.apply(LstmStep::g), EXPECTED_DECIMALS);
    j.key("o").rounded(over.apply(LstmStep::o), EXPECTED_DECIMALS);
    j.key("c").rounded(over.apply(LstmStep::c), EXPECTED_DECIMALS);
    j.key("h").rounded(over.apply(LstmStep::h), EXPECTED_DECIMALS);
    j.close();
    return j.close().toString();
  }

  private static List<String> numbered(int n) {
    List<String> out = new ArrayList<>();
    for (int t = 1; t <= n; t++) out.add("x" + t);
    return List.copyOf(out);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static String resource(String name) {
    try (InputStream in = GateExplorer.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("GateExplorer: resource " + name + " is missing from the jar");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("GateExplorer: could not read " + name, e);
    }
  }

  /** Options for a {@link GateExplorer}. */
  public static final class Builder {
    private final Lstm model;
    private final List<Vec> inputs;
    private List<String> words;
    private String title;
    private Vec h0;
    private Vec c0;
    private int start;
    private boolean whatIf = true;

    private Builder(Lstm model, List<Vec> inputs) {
      String op = "GateExplorer";
      Checks.notNull(op, "model", model);
      Checks.nonEmpty(op, "inputs", inputs);
      for (int t = 0; t < inputs.size(); t++) {
        Vec x = inputs.get(t);
        if (x == null) throw new IllegalArgumentException(op + ": input x_" + (t + 1) + " is null");
        if (x.size() != model.inputSize()) {
          throw new IllegalArgumentException(op + ": input x_" + (t + 1) + " has " + x.size()
              + " entries but the LSTM's input size is " + model.inputSize());
        }
        Checks.finite(op, "x_" + (t + 1), x);
      }
      this.model = model;
      this.inputs = List.copyOf(inputs);
    }

    /** One word per input, to label the steps (by default x1, x2, …). */
    public Builder words(List<String> words) {
      if (words == null || words.size() != inputs.size()) {
        throw new IllegalArgumentException("GateExplorer: needs one word per input (" + inputs.size() + "), got "
            + (words == null ? "null" : words.size()));
      }
      for (int t = 0; t < words.size(); t++) {
        if (words.get(t) == null) throw new IllegalArgumentException("GateExplorer: word " + (t + 1) + " is null");
      }
      this.words = List.copyOf(words);
      return this;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** The step to open at, counting from 1 (also the step of the static picture); 1 by default. */
    public Builder start(int step) {
      if (step < 1) throw new IllegalArgumentException("GateExplorer: start step must be at least 1 (steps count from 1), got " + step);
      this.start = step;
      return this;
    }

    /** Start from (h_0, c_0) instead of zeros. */
    public Builder initialState(Vec h0, Vec c0) {
      int hidden = model.outputSize();
      Checks.vector("GateExplorer", "h_0", h0, hidden, "the hidden size");
      Checks.vector("GateExplorer", "c_0", c0, hidden, "the hidden size");
      Checks.finite("GateExplorer", "h_0", h0);
      Checks.finite("GateExplorer", "c_0", c0);
      this.h0 = h0;
      this.c0 = c0;
      return this;
    }

    /** Offer the what-if slider (on by default). */
    public Builder whatIf(boolean on) {
      this.whatIf = on;
      return this;
    }

    public GateExplorer build() {
      return new GateExplorer(this);
    }
  }
}
