package org.sdcap.encode;

/**
 * An open-addressing map from non-zero long keys to int values, without boxing. Not thread-safe.
 */
final class LongIntMap {

  private static final int ABSENT = Integer.MIN_VALUE;

  private long[] keys;
  private int[] values;
  private int size;

  LongIntMap() {
    keys = new long[8];
    values = new int[8];
  }

  int size() {
    return size;
  }

  long memoryBytes() {
    return 48L + 12L * keys.length;
  }

  /** Returns the value of {@code key}, or {@code Integer.MIN_VALUE} when absent. */
  int get(long key) {
    int mask = keys.length - 1;
    for (int slot = slotOf(key, mask); ; slot = (slot + 1) & mask) {
      long existing = keys[slot];
      if (existing == key) {
        return values[slot];
      }
      if (existing == 0) {
        return ABSENT;
      }
    }
  }

  static boolean isAbsent(int value) {
    return value == ABSENT;
  }

  void put(long key, int value) {
    if ((size + 1) * 2 > keys.length) {
      resize(keys.length * 2);
    }
    int mask = keys.length - 1;
    for (int slot = slotOf(key, mask); ; slot = (slot + 1) & mask) {
      if (keys[slot] == key) {
        values[slot] = value;
        return;
      }
      if (keys[slot] == 0) {
        keys[slot] = key;
        values[slot] = value;
        size++;
        return;
      }
    }
  }

  /** Removes {@code key} when its value is {@code value}; other owners of the key are kept. */
  void removeIfValue(long key, int value) {
    int mask = keys.length - 1;
    int slot = slotOf(key, mask);
    while (keys[slot] != 0) {
      if (keys[slot] == key) {
        if (values[slot] == value) {
          deleteAt(slot);
        }
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Deletes the entry at {@code slot} and moves later entries of its probe run back. */
  private void deleteAt(int slot) {
    int mask = keys.length - 1;
    int hole = slot;
    int next = (hole + 1) & mask;
    while (keys[next] != 0) {
      int home = slotOf(keys[next], mask);
      boolean movable =
          hole <= next ? (home <= hole || home > next) : (home <= hole && home > next);
      if (movable) {
        keys[hole] = keys[next];
        values[hole] = values[next];
        hole = next;
      }
      next = (next + 1) & mask;
    }
    keys[hole] = 0;
    size--;
  }

  private void resize(int capacity) {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[capacity];
    values = new int[capacity];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int slotOf(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
