package org.sdcap.delta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.sdcap.json.Utf8;

/**
 * Computes the delta of a child body against a parent body of the same encoding: the shared prefix,
 * the shared suffix, and between them literals and copies of parent text.
 *
 * <p>Matching works on bytes; every boundary is then moved to a unit boundary so that no piece
 * splits a UTF-8 character, and offsets are converted to units.
 */
public final class DeltaEncoder {

  /** Shortest copy worth a {@code [offset, length]} reference (about 16 bytes of JSON). */
  static final int MIN_COPY_BYTES = CopyIndex.BLOCK;

  /** JSON bytes a copy reference costs, roughly: {@code ,[123456,7890],""} and a split literal. */
  private static final int COPY_COST_BYTES = 18;

  private DeltaEncoder() {}

  /** Returns the delta that rebuilds {@code body} with no parent: one literal of all of it. */
  public static Delta root(TextUnits body) {
    List<Delta.Piece> pieces = new ArrayList<>(1);
    if (body.bytes().length > 0) {
      pieces.add(new Delta.Literal(0, body.bytes().length));
    }
    return new Delta(0, 0, pieces);
  }

  /**
   * Encodes {@code child} against {@code parent}.
   *
   * @param parentIndex supplies the parent's copy index; called only when the part between prefix
   *     and suffix is long enough to hold a copy
   * @param utf8 true when both bodies are UTF-8, so boundaries must fall between code points
   */
  public static Delta encode(
      TextUnits child, TextUnits parent, Supplier<CopyIndex> parentIndex, boolean utf8) {
    byte[] c = child.bytes();
    byte[] p = parent.bytes();

    int prefix = commonPrefix(c, p);
    if (utf8) {
      while (prefix > 0 && (isContinuationAt(c, prefix) || isContinuationAt(p, prefix))) {
        prefix--;
      }
    }

    int suffix = commonSuffix(c, p, Math.min(c.length, p.length) - prefix);
    if (utf8) {
      while (suffix > 0 && Utf8.isContinuation(c[c.length - suffix])) {
        suffix--;
      }
    }

    int middleEnd = c.length - suffix;
    List<Delta.Piece> pieces = new ArrayList<>();
    if (middleEnd - prefix >= MIN_COPY_BYTES && p.length >= CopyIndex.BLOCK) {
      findCopies(c, prefix, middleEnd, parentIndex.get(), p, child, parent, utf8, pieces);
    } else if (middleEnd > prefix) {
      pieces.add(new Delta.Literal(prefix, middleEnd));
    }

    int prefixUnits = child.unitOffset(prefix);
    int suffixUnits = child.unitCount() - child.unitOffset(middleEnd);
    return new Delta(prefixUnits, suffixUnits, pieces);
  }

  /**
   * Estimates the JSON bytes the delta's middle costs, counting literal bytes as they are (escapes
   * are ignored) and a fixed cost per copy.
   */
  public static long estimatedCost(Delta delta) {
    long cost = 0;
    for (Delta.Piece piece : delta.pieces()) {
      if (piece instanceof Delta.Literal literal) {
        cost += literal.byteEnd() - literal.byteStart();
      } else {
        cost += COPY_COST_BYTES;
      }
    }
    return cost;
  }

  private static void findCopies(
      byte[] c,
      int from,
      int to,
      CopyIndex index,
      byte[] p,
      TextUnits child,
      TextUnits parent,
      boolean utf8,
      List<Delta.Piece> pieces) {
    int literalStart = from;
    int i = from;
    int hash = i + CopyIndex.BLOCK <= to ? CopyIndex.hashWindow(c, i) : 0;

    while (i + CopyIndex.BLOCK <= to) {
      int found = index.find(hash, c, i);
      if (found >= 0) {
        // Grow the match in both directions, then shrink it to whole units.
        int back = 0;
        while (i - back > literalStart
            && found - back > 0
            && c[i - back - 1] == p[found - back - 1]) {
          back++;
        }
        int start = i - back;
        int parentStart = found - back;
        int end =
            i
                + CopyIndex.BLOCK
                + commonPrefix(c, i + CopyIndex.BLOCK, to, p, found + CopyIndex.BLOCK);
        if (utf8) {
          while (start < end && Utf8.isContinuation(c[start])) {
            start++;
            parentStart++;
          }
          while (end > start && end < c.length && Utf8.isContinuation(c[end])) {
            end--;
          }
        }
        if (end - start >= MIN_COPY_BYTES) {
          if (start > literalStart) {
            pieces.add(new Delta.Literal(literalStart, start));
          }
          int unitLength = child.unitOffset(end) - child.unitOffset(start);
          pieces.add(new Delta.Copy(parent.unitOffset(parentStart), unitLength));
          literalStart = end;
          i = end;
          if (i + CopyIndex.BLOCK <= to) {
            hash = CopyIndex.hashWindow(c, i);
          }
          continue;
        }
      }
      if (i + CopyIndex.BLOCK < to) {
        hash = CopyIndex.roll(hash, c[i], c[i + CopyIndex.BLOCK]);
      }
      i++;
    }
    if (to > literalStart) {
      pieces.add(new Delta.Literal(literalStart, to));
    }
  }

  private static boolean isContinuationAt(byte[] bytes, int offset) {
    return offset < bytes.length && Utf8.isContinuation(bytes[offset]);
  }

  /** Returns how many bytes {@code a} and {@code b} share at their start. */
  public static int commonPrefixLength(byte[] a, byte[] b) {
    return commonPrefix(a, b);
  }

  static int commonPrefix(byte[] a, byte[] b) {
    int length = Math.min(a.length, b.length);
    int mismatch = Arrays.mismatch(a, 0, length, b, 0, length);
    return mismatch < 0 ? length : mismatch;
  }

  /**
   * Returns how many bytes {@code a[aFrom, aTo)} and {@code b[bFrom, ...)} share at their start.
   */
  private static int commonPrefix(byte[] a, int aFrom, int aTo, byte[] b, int bFrom) {
    int length = Math.min(aTo - aFrom, b.length - bFrom);
    if (length <= 0) {
      return 0;
    }
    int mismatch = Arrays.mismatch(a, aFrom, aFrom + length, b, bFrom, bFrom + length);
    return mismatch < 0 ? length : mismatch;
  }

  /** Returns how many bytes {@code a} and {@code b} share at their end, at most {@code limit}. */
  static int commonSuffix(byte[] a, byte[] b, int limit) {
    int matched = 0;
    final int chunk = 64;
    while (matched + chunk <= limit
        && Arrays.equals(
            a,
            a.length - matched - chunk,
            a.length - matched,
            b,
            b.length - matched - chunk,
            b.length - matched)) {
      matched += chunk;
    }
    while (matched < limit && a[a.length - matched - 1] == b[b.length - matched - 1]) {
      matched++;
    }
    return matched;
  }
}
