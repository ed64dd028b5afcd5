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
   * Counts how many of {@code samples} places spread evenly over {@code body[from, to)} have,
   * within one block after them, a block-long window that also occurs in the indexed parent. A body
   * of the same conversation finds nearly all of them; one that shares only boilerplate finds few.
   */
  public static int sharedSamples(Handle parentIndex, byte[] body, int from, int to, int samples) {
    int span = to - from - 2 * CopyIndex.BLOCK;
    if (span <= 0) {
      return 0;
    }
    int found = 0;
    for (int s = 0; s < samples; s++) {
      int start = from + (int) ((long) span * s / samples);
      int hash = CopyIndex.hashWindow(body, start);
      for (int k = 0; k < CopyIndex.BLOCK; k++) {
        if (parentIndex.index.find(hash, body, start + k) >= 0) {
          found++;
          break;
        }
        hash = CopyIndex.roll(hash, body[start + k], body[start + k + CopyIndex.BLOCK]);
      }
    }
    return found;
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
