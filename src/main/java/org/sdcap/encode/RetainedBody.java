package org.sdcap.encode;

import org.sdcap.delta.BodyEncoding;
import org.sdcap.delta.CopyIndexes;
import org.sdcap.delta.TextUnits;

/**
 * A body kept in memory so later bodies of its session can be encoded against it. Its place in the
 * cache's least-recently-used order is kept by the intrusive links.
 */
final class RetainedBody {

  /** Estimated fixed bytes per retained body: this object, its arrays' headers, map entries. */
  private static final long OVERHEAD_BYTES = 160;

  final SessionState session;
  final int seq;
  final TextUnits units;
  final BodyEncoding encoding;
  final int depth;
  final long[] prefixHashes;
  private CopyIndexes.Handle copyIndex;

  RetainedBody previous;
  RetainedBody next;

  RetainedBody(
      SessionState session,
      int seq,
      TextUnits units,
      BodyEncoding encoding,
      int depth,
      long[] prefixHashes) {
    this.session = session;
    this.seq = seq;
    this.units = units;
    this.encoding = encoding;
    this.depth = depth;
    this.prefixHashes = prefixHashes;
  }

  /** Returns the parent-side copy index, building it on first use. */
  CopyIndexes.Handle copyIndex() {
    if (copyIndex == null) {
      copyIndex = CopyIndexes.build(units.bytes());
    }
    return copyIndex;
  }

  /** Returns the memory this body uses in bytes, for the cache budget. */
  long memoryBytes() {
    long bytes = OVERHEAD_BYTES + units.bytes().length + units.indexBytes();
    bytes += 8L * prefixHashes.length + 24L * prefixHashes.length;
    if (copyIndex != null) {
      bytes += copyIndex.memoryBytes();
    }
    return bytes;
  }
}
