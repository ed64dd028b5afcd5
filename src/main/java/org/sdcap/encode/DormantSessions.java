package org.sdcap.encode;

/**
 * The state of sessions that have no retained body left: only what numbering and the idle timeout
 * need, packed into 16 bytes per session so that a run over many distinct sessions stays small.
 *
 * <p>This is the one structure that grows with the number of distinct sessions in the input (not
 * with its size in bytes): about 32 bytes per session at the map's load factor.
 */
final class DormantSessions {

  private static final long EMPTY = 0;
  private static final int NO_TIME = Integer.MIN_VALUE;

  private long[] keys = new long[64];
  private long[] values = new long[64];
  private int size;
  private int live;

  /** Key 0 marks empty slots, so a session whose key digest is 0 is kept here. */
  private long zeroKeyValue;

  private boolean hasZeroKey;

  /** Returns the number of sessions stored, not counting restored ones. */
  int size() {
    return live;
  }

  long memoryBytes() {
    return 16L * keys.length;
  }

  /** Stores a session's next seq and the whole seconds of its latest record's time (or NaN). */
  void put(long key, int nextSeq, double lastTs) {
    int seconds =
        Double.isNaN(lastTs)
            ? NO_TIME
            : (int) Math.max(Integer.MIN_VALUE + 1L, (long) Math.floor(lastTs));
    long value = ((long) nextSeq << 32) | (seconds & 0xFFFFFFFFL);
    live++;
    if (key == EMPTY) {
      zeroKeyValue = value;
      hasZeroKey = true;
      return;
    }
    if ((size + 1) * 2 > keys.length) {
      resize(keys.length * 2);
    }
    int mask = keys.length - 1;
    for (int slot = slotOf(key, mask); ; slot = (slot + 1) & mask) {
      if (keys[slot] == key || keys[slot] == EMPTY) {
        if (keys[slot] == EMPTY) {
          size++;
        }
        keys[slot] = key;
        values[slot] = value;
        return;
      }
    }
  }

  /**
   * Removes and restores the session with this key into {@code session}, returning false when it is
   * not here. Entries are not deleted, only marked by a next seq of 0, which no live entry has.
   */
  boolean restore(long key, SessionState session) {
    long value;
    if (key == EMPTY) {
      if (!hasZeroKey) {
        return false;
      }
      value = zeroKeyValue;
      hasZeroKey = false;
    } else {
      int mask = keys.length - 1;
      int slot = slotOf(key, mask);
      while (keys[slot] != key) {
        if (keys[slot] == EMPTY) {
          return false;
        }
        slot = (slot + 1) & mask;
      }
      value = values[slot];
      if ((int) (value >>> 32) == 0) {
        return false;
      }
      values[slot] = 0;
    }
    live--;
    session.nextSeq = (int) (value >>> 32);
    int seconds = (int) value;
    session.lastTs = seconds == NO_TIME ? Double.NaN : seconds;
    return true;
  }

  private void resize(int capacity) {
    long[] oldKeys = keys;
    long[] oldValues = values;
    keys = new long[capacity];
    values = new long[capacity];
    size = 0;
    int mask = capacity - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY && (int) (oldValues[i] >>> 32) != 0) {
        int slot = slotOf(oldKeys[i], mask);
        while (keys[slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
        size++;
      }
    }
  }

  private static int slotOf(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
