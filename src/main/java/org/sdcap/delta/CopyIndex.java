package org.sdcap.delta;

import java.util.Arrays;

/**
 * A hash index of a parent body's aligned {@value #BLOCK}-byte blocks, used to find where a window
 * of a child body occurs in the parent.
 *
 * <p>Each block at offset {@code k * BLOCK} is hashed with {@link #hashWindow}; a child window with
 * the same bytes has the same hash, which {@link #roll} keeps up to date one byte at a time.
 * Memory: an int and a one-byte hash tag per slot at a load factor of at most one half, about 0.3
 * bytes per parent byte. Equal blocks are all inserted; a lookup compares bytes only where the tag
 * matches.
 */
final class CopyIndex {

  static final int BLOCK = 32;
  private static final int MULTIPLIER = 0x01000193;

  /** MULTIPLIER to the power BLOCK - 1, the weight of the byte that leaves a rolled window. */
  private static final int OUTGOING_WEIGHT = power(MULTIPLIER, BLOCK - 1);

  private final byte[] parent;

  /** Block offset + 1 per slot; 0 marks an empty slot. */
  private final int[] slots;

  /** Eight more bits of each slot's mixed hash, to skip most byte comparisons. */
  private final byte[] tags;

  private final int mask;

  private CopyIndex(byte[] parent, int size) {
    this.parent = parent;
    this.slots = new int[size];
    this.tags = new byte[size];
    this.mask = size - 1;
  }

  static CopyIndex build(byte[] parent) {
    int blocks = parent.length / BLOCK;
    int size = Integer.highestOneBit(Math.max(2, blocks) * 2 - 1) << 1;
    CopyIndex index = new CopyIndex(parent, size);
    for (int block = 0; block < blocks; block++) {
      int offset = block * BLOCK;
      index.insert(hashWindow(parent, offset), offset);
    }
    return index;
  }

  long memoryBytes() {
    return 48L + 5L * slots.length;
  }

  /**
   * Returns an offset of the parent whose {@value #BLOCK} bytes equal {@code window[from, from +
   * BLOCK)}, or -1.
   */
  int find(int hash, byte[] window, int from) {
    int mixed = mix(hash);
    byte tag = (byte) (mixed >>> 24);
    for (int slot = mixed & mask; ; slot = (slot + 1) & mask) {
      int entry = slots[slot];
      if (entry == 0) {
        return -1;
      }
      int offset = entry - 1;
      if (tags[slot] == tag
          && Arrays.equals(window, from, from + BLOCK, parent, offset, offset + BLOCK)) {
        return offset;
      }
    }
  }

  private void insert(int hash, int offset) {
    int mixed = mix(hash);
    int slot = mixed & mask;
    while (slots[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    slots[slot] = offset + 1;
    tags[slot] = (byte) (mixed >>> 24);
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
