package org.sdcap.gen;

import java.util.List;

/**
 * SplitMix64 pseudo-random numbers, defined by this code alone so that a seed gives the same
 * sequence on every JVM. Logarithms go through {@link StrictMath} for the same reason.
 *
 * <p>Not thread-safe.
 */
final class Rng {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final char[] BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  private long state;

  Rng(long seed) {
    this.state = seed;
  }

  /** Returns an independent generator for stream {@code stream} of {@code seed}. */
  static Rng derive(long seed, long stream) {
    return new Rng(mix(seed ^ mix(stream * GOLDEN_GAMMA + GOLDEN_GAMMA)));
  }

  /** Returns a generator seeded from this one, so that later use of either does not shift both. */
  Rng fork() {
    return new Rng(nextLong());
  }

  long nextLong() {
    state += GOLDEN_GAMMA;
    return mix(state);
  }

  /** Returns a value in [0, bound); {@code bound} must be positive. */
  int nextInt(int bound) {
    return (int) ((nextLong() >>> 1) % bound);
  }

  /** Returns a value in [min, max], both inclusive. */
  int between(int min, int max) {
    return min + nextInt(max - min + 1);
  }

  /** Returns a value in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  boolean chance(double probability) {
    return nextDouble() < probability;
  }

  /** Returns an exponentially distributed value with the given mean. */
  double exponential(double mean) {
    return -mean * StrictMath.log(1.0 - nextDouble());
  }

  <T> T pick(List<T> items) {
    return items.get(nextInt(items.size()));
  }

  <T> T pick(T[] items) {
    return items[nextInt(items.length)];
  }

  /** Returns the index of one of {@code weights}, chosen in proportion to its weight. */
  int weighted(int[] weights) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int target = nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      target -= weights[i];
      if (target < 0) {
        return i;
      }
    }
    throw new IllegalStateException("weights sum to " + total);
  }

  String hex(int length) {
    return chars(HEX, length);
  }

  String base62(int length) {
    return chars(BASE62, length);
  }

  /** Returns a random (version 4) UUID in its lower-case text form. */
  String uuid() {
    String hex = hex(32);
    char variant = HEX[8 + nextInt(4)];
    return hex.substring(0, 8)
        + "-"
        + hex.substring(8, 12)
        + "-4"
        + hex.substring(13, 16)
        + "-"
        + variant
        + hex.substring(17, 20)
        + "-"
        + hex.substring(20, 32);
  }

  void nextBytes(byte[] bytes) {
    int i = 0;
    while (i < bytes.length) {
      long value = nextLong();
      for (int k = 0; k < 8 && i < bytes.length; k++) {
        bytes[i++] = (byte) value;
        value >>>= 8;
      }
    }
  }

  private String chars(char[] alphabet, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = alphabet[nextInt(alphabet.length)];
    }
    return new String(out);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
