package gated.cell;

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

}
