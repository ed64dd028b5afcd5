package org.sdcap.delta;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** Rebuilds a child body from its parent and a parsed delta. */
public final class DeltaApplier {

  private DeltaApplier() {}

  /**
   * A parsed middle piece: literal text bytes (in the body's encoding) or a copy of parent units.
   */
  public sealed interface ParsedPiece permits LiteralBytes, Copy {}

  /** Literal text as body bytes: UTF-8 for a UTF-8 body, one byte per unit for Latin-1. */
  public record LiteralBytes(byte[] bytes) implements ParsedPiece {}

  public record Copy(long parentUnitOffset, long unitLength) implements ParsedPiece {}

  /**
   * Applies a delta to {@code parent}, or returns the middle alone when {@code parent} is null.
   *
   * @throws DeltaException when a length or copy points outside the parent
   */
  public static byte[] apply(
      TextUnits parent, long prefixUnits, long suffixUnits, List<ParsedPiece> pieces)
      throws DeltaException {
    int parentUnits = parent == null ? 0 : parent.unitCount();
    if (prefixUnits < 0 || suffixUnits < 0 || prefixUnits + suffixUnits > parentUnits) {
      throw new DeltaException(
          "prefix_len "
              + prefixUnits
              + " and suffix_len "
              + suffixUnits
              + " do not fit in a parent of "
              + parentUnits
              + " units");
    }
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(parent == null ? 256 : parent.bytes().length + 256);
    if (prefixUnits > 0) {
      out.write(parent.bytes(), 0, parent.byteOffset((int) prefixUnits));
    }
    for (ParsedPiece piece : pieces) {
      if (piece instanceof LiteralBytes literal) {
        out.writeBytes(literal.bytes());
      } else if (piece instanceof Copy copy) {
        if (parent == null) {
          throw new DeltaException("a copy needs a parent, but the record has none");
        }
        long end = copy.parentUnitOffset() + copy.unitLength();
        if (copy.parentUnitOffset() < 0 || copy.unitLength() < 0 || end > parentUnits) {
          throw new DeltaException(
              "copy ["
                  + copy.parentUnitOffset()
                  + ", "
                  + copy.unitLength()
                  + "] reaches past the parent's "
                  + parentUnits
                  + " units");
        }
        int from = parent.byteOffset((int) copy.parentUnitOffset());
        int to = parent.byteOffset((int) end);
        out.write(parent.bytes(), from, to - from);
      }
    }
    if (suffixUnits > 0) {
      int from = parent.byteOffset((int) (parentUnits - suffixUnits));
      out.write(parent.bytes(), from, parent.bytes().length - from);
    }
    return out.toByteArray();
  }
}
