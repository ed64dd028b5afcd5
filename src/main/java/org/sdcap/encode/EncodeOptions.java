package org.sdcap.encode;

import org.sdcap.session.SessionKeyer;

/**
 * Settings of one encoding run.
 *
 * @param tsField the input field holding each record's time in epoch seconds
 * @param ttlSeconds a session idle longer than this (by record time) starts again with a root
 * @param cacheBytes memory budget for retained bodies and their indexes, in bytes
 * @param maxDepth the longest chain of deltas from a root; a record that would go deeper is a root
 * @param tailUnits code points of each body repeated in {@code body_tail}; 0 for none
 */
public record EncodeOptions(
    SessionKeyer keyer,
    String tsField,
    double ttlSeconds,
    long cacheBytes,
    int maxDepth,
    int tailUnits) {

  public static final double DEFAULT_TTL_SECONDS = 3600;
  public static final long DEFAULT_CACHE_BYTES = 256L << 20;
  public static final int DEFAULT_MAX_DEPTH = 64;
  public static final int DEFAULT_TAIL_UNITS = 0;
}
