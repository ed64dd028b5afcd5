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

  /** Encodes {@code child} against a parent whose index is {@code parentIndex}. */
  public static Delta encode(
      TextUnits child,
      TextUnits parent,
      java.util.function.Supplier<Handle> parentIndex,
      boolean utf8) {
    return DeltaEncoder.encode(child, parent, () -> parentIndex.get().index, utf8);
  }
}
