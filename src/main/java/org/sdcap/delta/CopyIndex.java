package org.sdcap.delta;

import java.util.Arrays;

/**
 * A hash index of a parent body's aligned {@value #BLOCK}-byte blocks, used to find where a window
 * of a child body occurs in the parent.
 *
 * <p>Each block at offset {@code k * BLOCK} is hashed with {@link #hashWindow}; a child window with
 * the same bytes has the same hash, which {@link #roll} keeps up to date one byte at a time.
 * Memory: one int per slot at a load factor of at most one half, about a quarter of a byte per
 * parent byte.
 */
final class CopyIndex {

  static final int BLOCK = 32;
  private static final int MULTIPLIER = 0x01000193;

  /** MULTIPLIER to the power BLOCK - 1, the weight of the byte that leaves a rolled window. */
  private static final int OUTGOING_WEIGHT = power(MULTIPLIER, BLOCK - 1);

  private final byte[] parent;

  /** Block offset + 1 per slot; 0 marks an empty slot. */
  private final int[] slots;

  private final int mask;

  private CopyIndex(byte[] parent, int[] slots) {
    this.parent = parent;
    this.slots = slots;
    this.mask = slots.length - 1;
  }

  static CopyIndex build(byte[] parent) {
    int blocks = parent.length / BLOCK;
    int size = Integer.highestOneBit(Math.max(2, blocks) * 2 - 1) << 1;
    CopyIndex index = new CopyIndex(parent, new int[size]);
    for (int block = 0; block < blocks; block++) {
      int offset = block * BLOCK;
      index.insert(hashWindow(parent, offset), offset);
    }
    return index;
  }

  long memoryBytes() {
    return 32L + 4L * slots.length;
  }

  /**
   * Returns an offset of the parent whose {@value #BLOCK} bytes equal {@code window[from, from +
   * BLOCK)}, or -1.
   */
  int find(int hash, byte[] window, int from) {
    int slot = mix(hash) & mask;
    while (true) {
      int entry = slots[slot];
      if (entry == 0) {
        return -1;
      }
      int offset = entry - 1;
      if (Arrays.equals(window, from, from + BLOCK, parent, offset, offset + BLOCK)) {
        return offset;
      }
      slot = (slot + 1) & mask;
    }
  }

  private void insert(int hash, int offset) {
    int slot = mix(hash) & mask;
    while (slots[slot] != 0) {
      int existing = slots[slot] - 1;
      if (Arrays.equals(parent, existing, existing + BLOCK, parent, offset, offset + BLOCK)) {
        return;
      }
      slot = (slot + 1) & mask;
    }
    slots[slot] = offset + 1;
  }

  static int hashWindow(byte[] bytes, int from) {
    int hash = 0;
    for (int i = from; i < from + BLOCK; i++) {
      hash = hash * MULTIPLIER + (bytes[i] & 0xFF);
    }
    return hash;
  }

  /** Moves a window hash one byte forward: drops {@code outgoing}, appends {@code incoming}. */
  static int roll(int hash, byte outgoing, byte incoming) {
    return (hash - (outgoing & 0xFF) * OUTGOING_WEIGHT) * MULTIPLIER + (incoming & 0xFF);
  }

  private static int mix(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 15);
  }

  private static int power(int base, int exponent) {
    int result = 1;
    for (int i = 0; i < exponent; i++) {
      result *= base;
    }
    return result;
  }
}
