package org.sdcap.delta;

import java.util.List;

/**
 * The recipe that builds a child body from its parent: the first {@code prefixUnits} units of the
 * parent, then the pieces in order, then the last {@code suffixUnits} units of the parent.
 *
 * <p>All counts are text units (see {@link TextUnits}). A root body is a delta with no parent: both
 * lengths are zero and the pieces hold the whole body as one literal.
 */
public record Delta(int prefixUnits, int suffixUnits, List<Piece> pieces) {

  public Delta {
    pieces = List.copyOf(pieces);
  }

  /** One element of the middle part of a delta. */
  public sealed interface Piece permits Literal, Copy {}

  /**
   * Text taken from the child body itself: its bytes {@code [byteStart, byteEnd)}, which are whole
   * units.
   */
  public record Literal(int byteStart, int byteEnd) implements Piece {}

  /** {@code unitLength} units of the parent starting at unit {@code parentUnitOffset}. */
  public record Copy(int parentUnitOffset, int unitLength) implements Piece {}

  /** Returns true when the middle is written as a plain string rather than an array. */
  public boolean isPlainString() {
    for (Piece piece : pieces) {
      if (piece instanceof Copy) {
        return false;
      }
    }
    return true;
  }
}
