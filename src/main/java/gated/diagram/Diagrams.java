package gated.diagram;

import gated.cell.GruStep;
import gated.cell.LstmStep;
import gated.model.MergeMode;
import gated.model.Rnn;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One-line pictures of the cells and networks the course teaches. Each returns the picture a notebook shows:
 *
 * <pre>
 *   display(Diagrams.lstm());                              // the LSTM cell
 *   display(Diagrams.lstm(trace.step(t - 1)));             // … with the numbers of step t on its wires
 *   display(Diagrams.lstm(step, CellPath.FORGET));         // … with the forget gate's path highlighted
 *   display(Diagrams.rnnChain(List.of("the", "cat", "sat")));
 *   display(Diagrams.gru(gruStep));
 *   display(Diagrams.biLstm(List.of("Apple", "makes", "phones"), MergeMode.CONCAT));
 *   display(Diagrams.stacked());
 * </pre>
 *
 * For titles and other options use the builders ({@link LstmDiagram#builder()}, {@link GruDiagram#builder()},
 * {@link RnnChainDiagram#builder()}, {@link BiLstmDiagram#builder()}, {@link StackedLstmDiagram#builder()});
 * each builds a {@link Diagram}, whose {@code image()} is the picture.
 */
public final class Diagrams {
  private Diagrams() {}

  /** The LSTM cell, no numbers. */
  public static BufferedImage lstm() {
    return LstmDiagram.builder().build().image();
  }

  /** The LSTM cell with one path highlighted, no numbers. */
  public static BufferedImage lstm(CellPath highlight) {
    return LstmDiagram.builder().highlight(highlight).build().image();
  }

  /** The LSTM cell with the nine vectors of this step on their wires. */
  public static BufferedImage lstm(LstmStep step) {
    return LstmDiagram.builder().step(step).build().image();
  }

  /** The LSTM cell with this step's numbers and one path highlighted. */
  public static BufferedImage lstm(LstmStep step, CellPath highlight) {
    return LstmDiagram.builder().step(step).highlight(highlight).build().image();
  }

  /** A plain RNN unrolled over these words (1 to 6), one tanh module per word. */
  public static BufferedImage rnnChain(List<String> words) {
    return RnnChainDiagram.builder().words(words).build().image();
  }

  /** A plain RNN over these words with each h_t of the trace written on its output. */
  public static BufferedImage rnnChain(List<String> words, Rnn.RnnTrace trace) {
    return RnnChainDiagram.builder().words(words).trace(trace).build().image();
  }

  /** The GRU cell, no numbers. */
  public static BufferedImage gru() {
    return GruDiagram.builder().build().image();
  }

  /** The GRU cell with the six vectors of this step on their wires. */
  public static BufferedImage gru(GruStep step) {
    return GruDiagram.builder().step(step).build().image();
  }

  /** A BiLSTM over these words (1 to 4) with its merge node. */
  public static BufferedImage biLstm(List<String> words, MergeMode mode) {
    return BiLstmDiagram.builder().words(words).merge(mode).build().image();
  }

  /** A 2-layer stacked LSTM over 3 steps, each layer with its own cell state. */
  public static BufferedImage stacked() {
    return StackedLstmDiagram.builder().build().image();
  }

  /** A stacked LSTM with this many layers (1 to 3) over these words (1 to 5). */
  public static BufferedImage stacked(int layers, List<String> words) {
    return StackedLstmDiagram.builder().layers(layers).words(words).build().image();
  }
}
