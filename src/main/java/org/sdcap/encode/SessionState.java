package org.sdcap.encode;

import java.util.HashMap;
import java.util.Map;

/**
 * The encoder's state of one session: the next seq, the time of its latest record, its retained
 * bodies.
 */
final class SessionState {

  /**
   * Estimated bytes of one session's state without its bodies (this object, its maps and key). The
   * cache budget counts them while the session has retained bodies.
   */
  static final long OVERHEAD_BYTES = 640;

  final String key;
  int nextSeq = 1;

  /** Epoch seconds of the session's latest record, NaN when no record had a time. */
  double lastTs = Double.NaN;

  final Map<Integer, RetainedBody> bodies = new HashMap<>();
  final LongIntMap prefixIndex = new LongIntMap();
  RetainedBody mostRecent;

  /** Seqs of the latest retained bodies, newest last; evicted ones are skipped when read. */
  private final int[] recentSeqs = new int[RECENT];

  private int recentCount;

  /** How many of the latest bodies {@link #recent()} offers as parent candidates. */
  static final int RECENT = 8;

  SessionState(String key) {
    this.key = key;
  }

  /**
   * Returns the retained body sharing the longest prefix with a body whose prefix hashes are {@code
   * hashes} (to within one block; the most recent among equals), or the most recent retained body
   * when none shares a whole block, or null when none is retained.
   */
  RetainedBody longestPrefixMatch(long[] hashes) {
    RetainedBody best = null;
    for (long hash : hashes) {
      int seq = prefixIndex.get(hash);
      if (LongIntMap.isAbsent(seq)) {
        break;
      }
      RetainedBody candidate = bodies.get(seq);
      if (candidate == null) {
        break;
      }
      best = candidate;
    }
    return best != null ? best : mostRecent;
  }

  /** Returns the latest retained bodies, newest first, at most {@value #RECENT}. */
  java.util.List<RetainedBody> recent() {
    java.util.List<RetainedBody> out = new java.util.ArrayList<>(RECENT);
    for (int i = recentCount - 1; i >= Math.max(0, recentCount - RECENT); i--) {
      RetainedBody body = bodies.get(recentSeqs[i % RECENT]);
      if (body != null) {
        out.add(body);
      }
    }
    return out;
  }

  void add(RetainedBody body) {
    recentSeqs[recentCount % RECENT] = body.seq;
    recentCount++;
    bodies.put(body.seq, body);
    for (long hash : body.prefixHashes) {
      prefixIndex.put(hash, body.seq);
    }
    mostRecent = body;
  }

  void remove(RetainedBody body) {
    bodies.remove(body.seq);
    for (long hash : body.prefixHashes) {
      prefixIndex.removeIfValue(hash, body.seq);
    }
    if (mostRecent == body) {
      mostRecent = null;
      for (RetainedBody other : bodies.values()) {
        if (mostRecent == null || other.seq > mostRecent.seq) {
          mostRecent = other;
        }
      }
    }
  }
}
