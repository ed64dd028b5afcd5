package org.sdcap.delta;

import org.sdcap.json.Utf8;

/**
 * A body's bytes seen as a sequence of text units: Unicode code points for a UTF-8 body, single
 * bytes for a body stored as Latin-1 (one code point U+0000 to U+00FF per byte).
 *
 * <p>All offsets and lengths in the v2 format count these units, which is what jq's string slicing
 * and {@code length} count. This class converts between unit offsets and byte offsets; for bodies
 * that are pure ASCII or Latin-1 the two are the same.
 */
public final class TextUnits {

  /** Bytes per sample of the code point index kept for non-ASCII UTF-8 bodies. */
  private static final int SAMPLE_BYTES = 256;

  private final byte[] bytes;
  private final boolean bytesAreUnits;
  private final int unitCount;

  /** Code points before byte {@code k * SAMPLE_BYTES}; null when bytes are units. */
  private int[] unitsBeforeSample;

  private TextUnits(byte[] bytes, boolean bytesAreUnits, int unitCount) {
    this.bytes = bytes;
    this.bytesAreUnits = bytesAreUnits;
    this.unitCount = unitCount;
  }

  /** Views valid UTF-8 as code points. */
  public static TextUnits utf8(byte[] bytes) {
    return utf8(bytes, Utf8.countCodePoints(bytes, 0, bytes.length));
  }

  /** Views valid UTF-8 whose code points the caller has already counted. */
  public static TextUnits utf8(byte[] bytes, int codePoints) {
    return new TextUnits(bytes, codePoints == bytes.length, codePoints);
  }

  /** Views any bytes as Latin-1 units, one per byte. */
  public static TextUnits latin1(byte[] bytes) {
    return new TextUnits(bytes, true, bytes.length);
  }

  public static TextUnits of(byte[] bytes, BodyEncoding encoding) {
    return encoding == BodyEncoding.UTF8 ? utf8(bytes) : latin1(bytes);
  }

  public byte[] bytes() {
    return bytes;
  }

  public int unitCount() {
    return unitCount;
  }

  /** Returns true when every unit is one byte, so unit and byte offsets coincide. */
  public boolean bytesAreUnits() {
    return bytesAreUnits;
  }

  /** Returns the number of units in {@code bytes[0, byteOffset)}; byteOffset must be a boundary. */
  public int unitOffset(int byteOffset) {
    if (bytesAreUnits) {
      return byteOffset;
    }
    int[] samples = samples();
    int sample = byteOffset / SAMPLE_BYTES;
    int start = sample * SAMPLE_BYTES;
    return samples[sample] + Utf8.countCodePoints(bytes, start, byteOffset);
  }

  /**
   * Returns the byte offset at which unit {@code unitOffset} starts ({@code bytes.length} at end).
   */
  public int byteOffset(int unitOffset) {
    if (bytesAreUnits) {
      return unitOffset;
    }
    if (unitOffset >= unitCount) {
      return bytes.length;
    }
    int[] samples = samples();
    int low = 0;
    int high = samples.length - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (samples[mid] <= unitOffset) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    int position = low * SAMPLE_BYTES;
    int units = samples[low];
    while (true) {
      while (position < bytes.length && Utf8.isContinuation(bytes[position])) {
        position++;
      }
      if (units == unitOffset) {
        return position;
      }
      position++;
      units++;
    }
  }

  /** Returns the bytes the sampled index occupies, for cache accounting. */
  public long indexBytes() {
    return bytesAreUnits ? 0 : 16L + 4L * (bytes.length / SAMPLE_BYTES + 1);
  }

  private int[] samples() {
    if (unitsBeforeSample == null) {
      int[] samples = new int[bytes.length / SAMPLE_BYTES + 1];
      int units = 0;
      for (int i = 0; i < bytes.length; i++) {
        if (i % SAMPLE_BYTES == 0) {
          samples[i / SAMPLE_BYTES] = units;
        }
        if (!Utf8.isContinuation(bytes[i])) {
          units++;
        }
      }
      if (bytes.length % SAMPLE_BYTES == 0) {
        samples[bytes.length / SAMPLE_BYTES] = units;
      }
      unitsBeforeSample = samples;
    }
    return unitsBeforeSample;
  }
}
