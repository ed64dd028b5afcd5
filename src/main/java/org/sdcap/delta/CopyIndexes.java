package org.sdcap.delta;

/** Builds parent copy indexes for callers outside this package, which keep them opaque. */
public final class CopyIndexes {

  private CopyIndexes() {}

  /** An opaque reference to a built {@link CopyIndex}. */
  public static final class Handle {
    final CopyIndex index;

    private Handle(CopyIndex index) {
      this.index = index;
    }

    public long memoryBytes() {
      return index.memoryBytes();
    }
  }

  public static Handle build(byte[] parent) {
    return new Handle(CopyIndex.build(parent));
  }

  /**
   * Sampled windows of a body, hashed once so that several parent candidates can be scored against
   * them: {@code samples} places spread evenly over {@code body[from, to)}, each with the hashes of
   * the block-long windows starting at its first {@value CopyIndex#BLOCK} offsets.
   */
  public static final class Samples {
    private final byte[] body;
    private final int[] starts;
    private final int[][] hashes;

    public Samples(byte[] body, int from, int to, int samples) {
      this.body = body;
      int span = to - from - 2 * CopyIndex.BLOCK;
      int count = span <= 0 ? 0 : samples;
      this.starts = new int[count];
      this.hashes = new int[count][CopyIndex.BLOCK];
      for (int s = 0; s < count; s++) {
        int start = from + (int) ((long) span * s / count);
        starts[s] = start;
        int hash = CopyIndex.hashWindow(body, start);
        for (int k = 0; k < CopyIndex.BLOCK; k++) {
          hashes[s][k] = hash;
          hash = CopyIndex.roll(hash, body[start + k], body[start + k + CopyIndex.BLOCK]);
        }
      }
    }

    public int count() {
      return starts.length;
    }

    /**
     * Counts the sampled places that have, within one block after them, a window that also occurs
     * in the indexed parent. A body of the same conversation finds nearly all of them; one that
     * shares only boilerplate finds few.
     */
    public int sharedWith(Handle parentIndex) {
      int found = 0;
      for (int s = 0; s < starts.length; s++) {
        for (int k = 0; k < CopyIndex.BLOCK; k++) {
          if (parentIndex.index.find(hashes[s][k], body, starts[s] + k) >= 0) {
            found++;
            break;
          }
        }
      }
      return found;
    }
  }

  /** Encodes {@code child} against a parent whose index is {@code parentIndex}. */
  public static Delta encode(
      TextUnits child,
      TextUnits parent,
      java.util.function.Supplier<Handle> parentIndex,
      boolean utf8) {
    return DeltaEncoder.encode(child, parent, () -> parentIndex.get().index, utf8);
  }
}
