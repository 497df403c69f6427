package gated.diagram;

/**
 * One path through the LSTM cell, for {@link LstmDiagram.Builder#highlight}: everything else is faded.
 */
public enum CellPath {
  /** [h_{t-1}; x_t] → σ → f_t, which multiplies c_{t-1}: how much of the memory to keep. */
  FORGET("forget gate", "$f_t = σ(W_f·[h_{t-1}; x_t] + b_f)$ decides how much of $C_{t-1}$ to keep"),
  /** The input gate i_t and the candidate c̃_t, whose product is added to the belt. */
  INPUT("input gate and candidate", "$i_t ⊙ C~_t$ is added to the cell state: what to write, and how much"),
  /** The output gate o_t and tanh(c_t), whose product is h_t. */
  OUTPUT("output gate", "$h_t = o_t ⊙ tanh(C_t)$ decides how much of the memory to show"),
  /** The cell state c_{t-1} → c_t along the top: only ⊙ and + touch it. */
  CELL_STATE("cell state", "$C_t = f_t ⊙ C_{t-1} + i_t ⊙ C~_t$: the belt is only scaled and added to"),
  /**
   * The belt read backwards, with the forget gate's wire: the + passes δC_t on unchanged and the ⊙ multiplies it
   * by f_t, so the direct part of the gradient one step back is δC_t ⊙ f_t. Give the two gradients with
   * {@link LstmDiagram.Builder#gradients} to write them on the belt.
   */
  BACKWARD_BELT("the belt backwards", "the + passes $δC_t$ on, the ⊙ multiplies it by $f_t$: $δC_{t-1} = δC_t ⊙ f_t$");

  private final String title;
  private final String caption;

  CellPath(String title, String caption) {
    this.title = title;
    this.caption = caption;
  }

  /** E.g. "forget gate". */
  public String title() {
    return title;
  }

  /** One line saying what the path does, with maths between dollar signs. */
  String caption() {
    return caption;
  }
}
