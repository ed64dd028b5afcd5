package org.sdcap.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.sdcap.json.JsonScanner;
import org.sdcap.json.JsonSyntaxException;
import org.sdcap.json.JsonText;
import org.sdcap.json.ObjectScan;
import org.sdcap.json.Utf8;
import org.sdcap.json.ValueType;

/**
 * Reads a JSON Lines request log (v1 request logs and full-body logs alike; each line decides for
 * itself) as {@link InputRecord}s, keeping every line that is not a usable object as a {@link
 * BadLine} with its exact bytes.
 *
 * <p>A line is bad when it is empty or only whitespace, not valid JSON, valid JSON but not an
 * object, an object with a duplicate member name (a record cannot keep both values) or a member
 * name that is not valid UTF-8 or contains a lone surrogate escape (v2 writes names as they are,
 * and jq 1.6 rejects a line with a lone surrogate escape), or a run of NUL bytes. Each bad line is
 * also reported to {@link Diagnostics#damaged}. A run of NUL bytes or a UTF-8 byte order mark at
 * the start of a line becomes its own bad line. The rest of the line is read as a line of its own,
 * so a record after either stays a record. JSON whitespace includes {@code \r}, so CRLF line
 * endings need nothing special. See {@link LineRecordBuilder} for how the body is chosen.
 */
public final class JsonlReader implements RecordSource {

  private final InputStream in;
  private final String fileName;
  private final Diagnostics diagnostics;
  private final LineReader lines;
  private final LineRecordBuilder records;

  /**
   * @param in the decompressed input; closed by {@link #close()}
   * @param fileName the name used in positions and messages, {@code "-"} for standard input
   */
  public JsonlReader(
      InputStream in, String fileName, InputOptions options, Diagnostics diagnostics) {
    this.in = in;
    this.fileName = fileName;
    this.diagnostics = diagnostics;
    this.lines = new LineReader(in, fileName, options.maxLineBytes(), diagnostics);
    this.records = new LineRecordBuilder(options.fieldNames(), diagnostics);
  }

  @Override
  public InputItem next() throws IOException {
    try {
      if (!lines.next()) {
        return null;
      }
    } catch (InputException e) {
      throw e;
    } catch (IOException e) {
      throw new InputException(
          SourcePosition.ofLine(fileName, lines.lineNumber()), "read failed: " + e.getMessage(), e);
    }
    return parseSegment();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private InputItem parseSegment() {
    SourcePosition position = SourcePosition.ofLine(fileName, lines.lineNumber());
    if (lines.isNulRun()) {
      int length = lines.segmentLength();
      return badLine(
          position, "run of " + length + " NUL bytes (a copytruncate hole?)", new byte[length]);
    }
    if (lines.isByteOrderMark()) {
      return badLine(
          position, "UTF-8 byte order mark (EF BB BF)", LineReader.BYTE_ORDER_MARK.clone());
    }

    byte[] buf = lines.buffer();
    int from = lines.segmentStart();
    int to = lines.segmentEnd();
    if (from == to) {
      return badLine(position, "empty line", new byte[0]);
    }
    int first = skipWhitespace(buf, from, to);
    if (first == to) {
      return badLine(position, "line contains only whitespace", copy(buf, from, to));
    }
    if (buf[first] != '{') {
      return badLine(position, notAnObjectReason(buf, from, to), copy(buf, from, to));
    }

    ObjectScan scan;
    try {
      scan = JsonScanner.scanObject(buf, from, to);
    } catch (JsonSyntaxException e) {
      return badLine(position, invalidJsonReason(e), copy(buf, from, to));
    }
    String memberProblem = findMemberNameProblem(buf, scan, from);
    if (memberProblem != null) {
      return badLine(position, memberProblem, copy(buf, from, to));
    }
    InputRecord record = records.build(position, buf, scan);
    LineFraming framing =
        new LineFraming(
            copy(buf, from, scan.start()), copy(buf, scan.end(), to), lines.endsWithNewline());
    return framing.isPlain() ? record : record.withFraming(framing);
  }

  private String notAnObjectReason(byte[] buf, int from, int to) {
    try {
      ValueType type = JsonScanner.scanValue(buf, from, to);
      return "line is " + type.description() + ", expected an object";
    } catch (JsonSyntaxException e) {
      return invalidJsonReason(e);
    }
  }

  private String invalidJsonReason(JsonSyntaxException e) {
    String reason =
        "invalid JSON at byte offset "
            + (lines.offsetInLine() + e.offset())
            + ": "
            + e.getMessage();
    if (!lines.endsWithNewline()) {
      return "last line has no newline and is not valid JSON (cut off while being written?): "
          + reason;
    }
    return reason;
  }

  /** Returns why the object's member names cannot make a record, or null when they can. */
  private String findMemberNameProblem(byte[] buf, ObjectScan scan, int segmentStart) {
    long lineStart = segmentStart - lines.offsetInLine();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < scan.size(); i++) {
      int nameStart = scan.nameStart(i);
      if (!Utf8.isValid(buf, nameStart + 1, scan.nameEnd(i) - 1)) {
        return "member name at byte offset " + (nameStart - lineStart) + " is not valid UTF-8";
      }
      String name = scan.name(i);
      if (hasLoneSurrogate(name)) {
        return "member name at byte offset "
            + (nameStart - lineStart)
            + " contains a lone surrogate escape";
      }
      Integer earlier = seen.putIfAbsent(name, i);
      if (earlier != null) {
        return "duplicate member name "
            + JsonText.quote(name)
            + " at byte offsets "
            + (scan.nameStart(earlier) - lineStart)
            + " and "
            + (nameStart - lineStart);
      }
    }
    return null;
  }

  private static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private BadLine badLine(SourcePosition position, String reason, byte[] raw) {
    diagnostics.damaged(position, reason);
    return new BadLine(position, reason, raw, lines.endsWithNewline());
  }

  private static int skipWhitespace(byte[] buf, int from, int to) {
    int i = from;
    while (i < to && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n')) {
      i++;
    }
    return i;
  }

  private static byte[] copy(byte[] buf, int from, int to) {
    return Arrays.copyOfRange(buf, from, to);
  }
}
