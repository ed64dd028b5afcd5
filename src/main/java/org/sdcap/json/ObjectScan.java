package org.sdcap.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The top-level members of one scanned JSON object, in input order, as byte spans into the scanned
 * array. Nested values are validated but not taken apart.
 *
 * <p>Member names are decoded to Java strings on first use. Duplicate names are kept as they are;
 * {@link #indexOf} finds the first. The scan refers to the scanned array and is valid only while
 * that array is unchanged.
 */
public final class ObjectScan {

  private static final int NAME_START = 0;
  private static final int NAME_END = 1;
  private static final int VALUE_START = 2;
  private static final int VALUE_END = 3;
  private static final int TYPE = 4;
  private static final int SLOTS = 5;

  private static final ValueType[] TYPES = ValueType.values();

  private final byte[] buffer;
  private final int start;
  private int end;
  private int[] spans = new int[16 * SLOTS];
  private String[] names = new String[16];
  private int count;

  ObjectScan(byte[] buffer, int start) {
    this.buffer = buffer;
    this.start = start;
  }

  /** Offset of the object's opening brace in the scanned array. */
  public int start() {
    return start;
  }

  /** Offset just past the object's closing brace. */
  public int end() {
    return end;
  }

  public int size() {
    return count;
  }

  /** Returns the decoded name of member {@code i}. */
  public String name(int i) {
    checkIndex(i);
    String name = names[i];
    if (name == null) {
      name = JsonScanner.decodeString(buffer, nameStart(i), nameEnd(i));
      names[i] = name;
    }
    return name;
  }

  /** Offset of the opening quote of member {@code i}'s name. */
  public int nameStart(int i) {
    checkIndex(i);
    return spans[i * SLOTS + NAME_START];
  }

  /** Offset just past the closing quote of member {@code i}'s name. */
  public int nameEnd(int i) {
    checkIndex(i);
    return spans[i * SLOTS + NAME_END];
  }

  public int valueStart(int i) {
    checkIndex(i);
    return spans[i * SLOTS + VALUE_START];
  }

  public int valueEnd(int i) {
    checkIndex(i);
    return spans[i * SLOTS + VALUE_END];
  }

  public ValueType type(int i) {
    checkIndex(i);
    return TYPES[spans[i * SLOTS + TYPE]];
  }

  public JsonSpan value(int i) {
    return new JsonSpan(valueStart(i), valueEnd(i), type(i));
  }

  /** Returns a copy of member {@code i}'s exact value text. */
  public byte[] valueBytes(int i) {
    return Arrays.copyOfRange(buffer, valueStart(i), valueEnd(i));
  }

  /** Returns the index of the first member with this name, or -1. */
  public int indexOf(String name) {
    byte[] plainName = name.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < count; i++) {
      if (nameEquals(i, name, plainName)) {
        return i;
      }
    }
    return -1;
  }

  /** Returns the value of the first member with this name, or null. */
  public JsonSpan find(String name) {
    int i = indexOf(name);
    return i < 0 ? null : value(i);
  }

  private boolean nameEquals(int i, String name, byte[] plainName) {
    int from = nameStart(i) + 1;
    int to = nameEnd(i) - 1;
    if (ByteSearch.indexOf(buffer, from, to, (byte) '\\') >= 0) {
      // An escaped name such as "\u0074s" equals "ts"; compare decoded text.
      return name(i).equals(name);
    }
    return Arrays.equals(buffer, from, to, plainName, 0, plainName.length);
  }

  void addName(int nameStart, int nameEnd) {
    if (count == names.length) {
      names = Arrays.copyOf(names, count * 2);
      spans = Arrays.copyOf(spans, count * 2 * SLOTS);
    }
    spans[count * SLOTS + NAME_START] = nameStart;
    spans[count * SLOTS + NAME_END] = nameEnd;
  }

  void setValueStart(int valueStart) {
    spans[count * SLOTS + VALUE_START] = valueStart;
  }

  /** Completes the member whose name was added last. */
  void endValue(int valueEnd, ValueType type) {
    spans[count * SLOTS + VALUE_END] = valueEnd;
    spans[count * SLOTS + TYPE] = type.ordinal();
    count++;
  }

  void setEnd(int end) {
    this.end = end;
  }

  private void checkIndex(int i) {
    if (i < 0 || i >= count) {
      throw new IndexOutOfBoundsException("member " + i + " of " + count);
    }
  }
}
