package brink.engine.def;

import java.util.Objects;

/** Initial state of an undirected dyad. {@code progress} is negotiation progress P >= 0. */
public record PairState(Pair pair, boolean talksOpen, double progress, boolean signed, boolean relationsBroken) {
  public PairState {
    Objects.requireNonNull(pair, "pair");
  }
}
