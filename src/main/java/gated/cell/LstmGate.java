package gated.cell;

import java.util.Arrays;
import java.util.List;

/** The four blocks of an LSTM cell, with the symbols the course uses for them. */
public enum LstmGate {
  /** f_t: how much of c_{t-1} to keep (Gers et al. 2000). */
  FORGET("f", "forget gate"),
  /** i_t: how much of the candidate to write. */
  INPUT("i", "input gate"),
  /** c̃_t, also written g_t: the new content. A tanh layer, not a gate. */
  CANDIDATE("g", "candidate"),
  /** o_t: how much of tanh(c_t) to expose as h_t. */
  OUTPUT("o", "output gate");

  private final String symbol;
  private final String title;

  LstmGate(String symbol, String title) {
    this.symbol = symbol;
    this.title = title;
  }

  public String symbol() {
    return symbol;
  }

  public String title() {
    return title;
  }

  /**
   * The layouts keep a public array of their block order for code that prints it; the library
   * converts with its own immutable list and refuses to go on if someone changed the array, rather
   * than let a conversion silently disagree with what the array says.
   */
  static void requireUnchanged(String op, String field, LstmGate[] published, List<LstmGate> order) {
    if (!Arrays.asList(published).equals(order)) {
      throw new IllegalArgumentException(op + ": " + field + " was changed to " + Arrays.toString(published)
          + ", but the block order of this layout is fixed at " + order
          + "; it describes the layout and is not a setting (read blockOrder())");
    }
  }
}
