package org.sdcap.encode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Chained hashes of a body's prefixes at every {@value #BLOCK}-byte boundary: entry {@code k} is a
 * hash of bytes {@code [0, (k + 1) * BLOCK)}, so two bodies with equal entry {@code k} share (up to
 * hash collisions) their first {@code (k + 1) * BLOCK} bytes.
 *
 * <p>Looking a new body's entries up in a map of earlier bodies' entries finds the earlier body
 * with the longest shared prefix, to within one block, without comparing against every body.
 */
final class PrefixHashes {

  static final int BLOCK = 256;

  private PrefixHashes() {}

  static long[] of(byte[] body) {
    int levels = body.length / BLOCK;
    long[] hashes = new long[levels];
    long hash = 0x243F6A8885A308D3L;
    for (int level = 0; level < levels; level++) {
      int start = level * BLOCK;
      for (int i = start; i < start + BLOCK; i += 8) {
        hash = (hash ^ readLong(body, i)) * 0x9E3779B97F4A7C15L;
        hash ^= hash >>> 29;
      }
      // Zero marks an empty slot in LongIntMap, so no hash may be zero.
      hashes[level] = hash == 0 ? 1 : hash;
    }
    return hashes;
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static long readLong(byte[] bytes, int at) {
    return (long) LONGS.get(bytes, at);
  }
}
