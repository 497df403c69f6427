/**
 * Computed pictures of the cells: the LSTM cell (optionally with the numbers of a real step on its wires,
 * and with one gate's path highlighted), the unrolled RNN, the GRU cell, a BiLSTM over a sentence and a
 * stacked LSTM; and the {@link gated.diagram.GateExplorer}, an interactive page that steps through a
 * sentence.
 *
 * <p>Three levels of use, as for the charts of {@code gated.plot}:
 * <ol>
 *   <li>a one-line quick call that returns the picture: {@code display(Diagrams.lstm(step));}</li>
 *   <li>a builder for the options, which returns the {@link gated.diagram.Diagram}:
 *       {@code LstmDiagram.builder().step(step).highlight(CellPath.FORGET).title("…").build()};</li>
 *   <li>the diagram itself: {@code image()} for the picture, {@code image(2)} for a sharper one,
 *       {@code draw(Graphics2D)} to draw it into a picture of your own, {@code annotations()} for the numbers
 *       it writes on the wires.</li>
 * </ol>
 * Everything is drawn with Java2D and renders headless (java.awt.headless=true).
 */
package gated.diagram;
