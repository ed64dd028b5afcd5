package org.sdcap.v2;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sdcap.delta.DeltaApplier;
import org.sdcap.delta.DeltaException;
import org.sdcap.delta.TextUnits;

/**
 * Rebuilds one body of a v2 stream: record {@code n} of the session whose key starts with a given
 * prefix.
 *
 * <p>Lines of other sessions are recognised by their first bytes and never parsed, so a large file
 * is read at about the speed of reading it. Lines of the session up to record {@code n} are kept
 * until the chain from the record to its root is known; with a full 16-digit key, reading stops at
 * record {@code n}.
 */
public final class Reconstructor {

  private static final byte[] FAST_PREFIX =
      "{\"schema_version\":2,\"session_key\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SEQ_MEMBER = "\",\"seq\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BAD_LINE_PREFIX =
      "{\"schema_version\":2,\"bad_line\":".getBytes(StandardCharsets.US_ASCII);
  private static final int FULL_KEY_LENGTH = 16;

  private long unreadableLines;
  private String firstUnreadable;

  private final String keyPrefix;
  private final long n;
  private final int maxLineBytes;

  /** Full keys matching the prefix, with their highest seq, in order of first appearance. */
  private final Map<String, Long> matchingKeys = new java.util.LinkedHashMap<>();

  /** Copies of the kept lines of the session, by seq, with their line numbers. */
  private final Map<Long, KeptLine> kept = new HashMap<>();

  private record KeptLine(String source, long lineNumber, byte[] bytes) {}

  /** A rebuilt body and the record it belongs to; {@code body} is null for a record without one. */
  public record Result(String sessionKey, V2Record record, byte[] body) {}

  public Reconstructor(String keyPrefix, long n, int maxLineBytes) {
    this.keyPrefix = keyPrefix.toLowerCase(java.util.Locale.ROOT);
    this.n = n;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * Reads one input of the stream; call it for each input in order, then {@link #finish()}.
   *
   * @return false when reading can stop because the requested record was found under a full key
   */
  public boolean read(InputStream in, String source) throws IOException, ReconstructException {
    LineReader lines = new LineReader(in, maxLineBytes);
    while (lines.next()) {
      if (!accept(lines, source)) {
        return false;
      }
    }
    return true;
  }

  private boolean accept(LineReader lines, String source) throws ReconstructException {
    byte[] buffer = lines.buffer();
    int start = lines.start();
    int end = lines.end();
    LineKey line = identify(buffer, start, end, source, lines.lineNumber());
    if (line == null) {
      return true;
    }

    matchingKeys.merge(line.key(), line.seq(), Math::max);
    if (matchingKeys.size() > 1 || line.seq() > n) {
      return true;
    }

    KeptLine copy =
        new KeptLine(source, lines.lineNumber(), Arrays.copyOfRange(buffer, start, end));
    KeptLine previous = kept.put(line.seq(), copy);
    if (previous != null) {
      throw new ReconstructException(
          ReconstructException.Kind.INVALID_RECORD,
          "session "
              + line.key()
              + " has two records with seq "
              + line.seq()
              + " ("
              + previous.source()
              + ":"
              + previous.lineNumber()
              + " and "
              + source
              + ":"
              + lines.lineNumber()
              + "); the input holds more than one encoding run, reconstruct from one run's file");
    }
    return !(line.seq() == n && keyPrefix.length() >= FULL_KEY_LENGTH);
  }

  /** The session key and seq of a line whose key matches the requested prefix. */
  private record LineKey(String key, long seq) {}

  /**
   * Returns the key and seq of a line of a matching session, or null for any other line. Lines in
   * sdcap's own layout are recognised by their first bytes; others are parsed.
   */
  private LineKey identify(byte[] buffer, int start, int end, String source, long lineNumber) {
    String key;
    long seq;
    if (startsWith(buffer, start, end, FAST_PREFIX)) {
      int keyStart = start + FAST_PREFIX.length;
      int keyEnd = indexOf(buffer, (byte) '"', keyStart, end);
      if (keyEnd < 0 || !matchesPrefix(buffer, keyStart, keyEnd)) {
        return null;
      }
      key = new String(buffer, keyStart, keyEnd - keyStart, StandardCharsets.US_ASCII);
      seq = fastSeq(buffer, keyEnd, end);
    } else {
      V2Record record = parseSlow(buffer, start, end, source, lineNumber);
      if (record == null || !record.sessionKey().startsWith(keyPrefix)) {
        return null;
      }
      key = record.sessionKey();
      seq = record.seq();
    }

    if (seq < 0) {
      V2Record record = parseSlow(buffer, start, end, source, lineNumber);
      seq = record == null ? -1 : record.seq();
    }
    return new LineKey(key, seq);
  }

  /** Rebuilds the requested body from what {@link #read} kept. */
  public Result finish() throws ReconstructException {
    if (matchingKeys.isEmpty()) {
      throw new ReconstructException(
          ReconstructException.Kind.UNKNOWN_SESSION,
          "no session key starts with \""
              + keyPrefix
              + "\"; list the keys with: jq -r 'select(.session_key) | .session_key' FILE | sort -u");
    }
    if (matchingKeys.size() > 1) {
      StringBuilder message =
          new StringBuilder("session key prefix \"" + keyPrefix + "\" matches ")
              .append(matchingKeys.size())
              .append(" sessions; give more digits:");
      for (Map.Entry<String, Long> entry : new TreeMap<>(matchingKeys).entrySet()) {
        message
            .append("\n  ")
            .append(entry.getKey())
            .append(" (records 1 to ")
            .append(entry.getValue())
            .append(')');
      }
      throw new ReconstructException(
          ReconstructException.Kind.AMBIGUOUS_SESSION, message.toString());
    }
    String key = matchingKeys.keySet().iterator().next();
    long last = matchingKeys.get(key);
    KeptLine target = kept.get(n);
    if (n < 1 || n > last || target == null) {
      String range = "session " + key + " has records 1 to " + last;
      throw new ReconstructException(
          ReconstructException.Kind.OUT_OF_RANGE,
          n < 1 || n > last
              ? "record " + n + " is out of range: " + range
              : "record " + n + " is not in the input, although " + range);
    }

    List<V2Record> chain = chainOf(key, target);
    if (!chain.get(chain.size() - 1).hasBody()) {
      return new Result(key, chain.get(chain.size() - 1), null);
    }
    byte[] body = null;
    TextUnits parent = null;
    for (V2Record record : chain) {
      try {
        body = DeltaApplier.apply(parent, record.prefixLen(), record.suffixLen(), record.pieces());
      } catch (DeltaException e) {
        throw new ReconstructException(
            ReconstructException.Kind.INVALID_RECORD,
            "record " + record.seq() + " of session " + key + ": " + e.getMessage());
      }
      parent = TextUnits.of(body, record.encoding());
      verify(key, record, parent);
    }
    V2Record record = chain.get(chain.size() - 1);
    return new Result(key, record, body);
  }

  /** Returns the records from the root to record {@code n}, parsed. */
  private List<V2Record> chainOf(String key, KeptLine target) throws ReconstructException {
    List<V2Record> chain = new ArrayList<>();
    KeptLine line = target;
    long seq = n;
    while (true) {
      V2Record record = parse(line);
      if (!record.hasBody()) {
        if (seq == n) {
          chain.add(record);
          return chain;
        }
        throw new ReconstructException(
            ReconstructException.Kind.INVALID_RECORD,
            "record " + seq + " of session " + key + " is a parent but has no delta");
      }
      chain.add(0, record);
      if (record.parentSeq() == 0) {
        return chain;
      }
      if (record.parentSeq() >= seq) {
        throw new ReconstructException(
            ReconstructException.Kind.INVALID_RECORD,
            "record "
                + seq
                + " of session "
                + key
                + " names parent_seq "
                + record.parentSeq()
                + ", which is not an earlier record");
      }
      long parentSeq = record.parentSeq();
      line = kept.get(parentSeq);
      if (line == null) {
        throw new ReconstructException(
            ReconstructException.Kind.MISSING_PARENT,
            "record "
                + seq
                + " of session "
                + key
                + " needs its parent, record "
                + parentSeq
                + ", which is not in the input; was the file cut or filtered?");
      }
      seq = parentSeq;
    }
  }

  private void verify(String key, V2Record record, TextUnits rebuilt) throws ReconstructException {
    byte[] body = rebuilt.bytes();
    long units = rebuilt.unitCount();
    if (record.bodyLen() >= 0 && units != record.bodyLen()) {
      throw new ReconstructException(
          ReconstructException.Kind.HASH_MISMATCH,
          "rebuilt body of record "
              + record.seq()
              + " of session "
              + key
              + " has "
              + units
              + " code points, but the record says body_len "
              + record.bodyLen()
              + "; the file is damaged");
    }
    String actual = HexFormat.of().formatHex(sha256(body));
    if (record.bodySha256() != null && !record.bodySha256().equalsIgnoreCase(actual)) {
      throw new ReconstructException(
          ReconstructException.Kind.HASH_MISMATCH,
          "rebuilt body of record "
              + record.seq()
              + " of session "
              + key
              + " has SHA-256 "
              + actual
              + ", but the record says "
              + record.bodySha256()
              + "; the file is damaged");
    }
  }

  private static V2Record parse(KeptLine line) throws ReconstructException {
    try {
      V2Record record = V2Record.parse(line.bytes(), 0, line.bytes().length);
      if (record == null) {
        throw new V2FormatException("a kept bad line has no body");
      }
      return record;
    } catch (V2FormatException e) {
      throw new ReconstructException(
          ReconstructException.Kind.INVALID_RECORD,
          line.source() + ":" + line.lineNumber() + ": " + e.getMessage());
    }
  }

  /**
   * Parses a line sdcap did not lay out itself; a line that is no v2 record is counted, not fatal.
   */
  private V2Record parseSlow(byte[] buffer, int start, int end, String source, long lineNumber) {
    if (startsWith(buffer, start, end, BAD_LINE_PREFIX)) {
      return null;
    }
    try {
      return V2Record.parse(buffer, start, end);
    } catch (V2FormatException e) {
      if (unreadableLines++ == 0) {
        firstUnreadable = source + ":" + lineNumber + ": " + e.getMessage();
      }
      return null;
    }
  }

  /** Returns how many lines were not v2 records and where the first was, or null when none. */
  public String unreadableSummary() {
    return unreadableLines == 0
        ? null
        : unreadableLines
            + " lines are not v2 records and were skipped; the first: "
            + firstUnreadable;
  }

  private boolean matchesPrefix(byte[] buffer, int keyStart, int keyEnd) {
    if (keyEnd - keyStart < keyPrefix.length()) {
      return false;
    }
    for (int i = 0; i < keyPrefix.length(); i++) {
      if (buffer[keyStart + i] != keyPrefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Reads the seq that directly follows the key in sdcap's own layout, or returns -1. */
  private static long fastSeq(byte[] buffer, int keyEnd, int end) {
    if (!startsWith(buffer, keyEnd, end, SEQ_MEMBER)) {
      return -1;
    }
    long value = 0;
    int i = keyEnd + SEQ_MEMBER.length;
    int digits = 0;
    while (i < end && buffer[i] >= '0' && buffer[i] <= '9' && digits < 18) {
      value = value * 10 + (buffer[i] - '0');
      i++;
      digits++;
    }
    return digits == 0 || i >= end || (buffer[i] != ',' && buffer[i] != '}') ? -1 : value;
  }

  private static boolean startsWith(byte[] buffer, int start, int end, byte[] prefix) {
    if (end - start < prefix.length) {
      return false;
    }
    return Arrays.equals(buffer, start, start + prefix.length, prefix, 0, prefix.length);
  }

  private static int indexOf(byte[] bytes, byte target, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == target) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
