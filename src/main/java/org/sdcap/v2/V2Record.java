package org.sdcap.v2;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.sdcap.delta.BodyEncoding;
import org.sdcap.delta.DeltaApplier;
import org.sdcap.json.JsonScanner;
import org.sdcap.json.JsonSpan;
import org.sdcap.json.JsonSyntaxException;
import org.sdcap.json.ObjectScan;
import org.sdcap.json.ValueType;

/**
 * The parts of a v2 record that rebuilding a body needs.
 *
 * @param parentSeq the parent's seq, or 0 for a root
 * @param pieces the delta's middle, or null when the record has no body
 * @param bodyForm the {@code body_form} member, or null when the record has no body
 * @param missingBytes bytes of a partial body that were never captured: the v1 field {@code
 *     body_truncated_bytes}, else the capture field {@code missing_bytes}; -1 when unknown
 */
public record V2Record(
    String sessionKey,
    long seq,
    long parentSeq,
    BodyEncoding encoding,
    long bodyLen,
    String bodySha256,
    boolean partial,
    long headLen,
    String bodyForm,
    long missingBytes,
    long prefixLen,
    long suffixLen,
    List<DeltaApplier.ParsedPiece> pieces) {

  public boolean hasBody() {
    return pieces != null;
  }

  /**
   * Parses one v2 line with the same scanner the decoder uses. Returns null for a line that is a
   * kept bad input line.
   *
   * @throws V2FormatException when the line is not a v2 record
   */
  static V2Record parse(byte[] line, int from, int to) throws V2FormatException {
    ObjectScan scan;
    try {
      scan = JsonScanner.scanObject(line, from, to);
    } catch (JsonSyntaxException e) {
      throw new V2FormatException("invalid JSON: " + e.getMessage());
    }
    V2Members members = V2Members.of(scan, line);
    if (members.schema != V2Fields.SCHEMA_VERSION) {
      throw new V2FormatException(
          members.schema < 0
              ? "no schema_version member; is this a v2 file written by sdcap encode?"
              : "schema_version " + members.schema + " is not supported, expected 2");
    }
    if (members.badLine >= 0) {
      return null;
    }
    if (members.sessionKey == null || members.seq < 1) {
      throw new V2FormatException("missing session_key or seq");
    }
    List<DeltaApplier.ParsedPiece> pieces =
        members.delta < 0
            ? null
            : DeltaText.parse(
                line,
                scan.valueStart(members.delta),
                scan.valueEnd(members.delta),
                members.encoding);
    return new V2Record(
        members.sessionKey,
        members.seq,
        members.parentSeq,
        members.encoding,
        members.bodyLen,
        members.sha256,
        members.partial,
        members.headLen,
        members.bodyForm,
        missingBytes(scan, line),
        members.prefixLen,
        members.suffixLen,
        pieces);
  }

  /**
   * Returns the bytes a partial body lacks, from the metadata that says so: v1's {@code
   * body_truncated_bytes}, else a capture's {@code missing_bytes} plus {@code body_dropped_bytes};
   * -1 when none is present.
   */
  private static long missingBytes(ObjectScan scan, byte[] line) {
    long truncated = wholeNumber(scan, line, "body_truncated_bytes");
    if (truncated >= 0) {
      return truncated;
    }
    long missing = wholeNumber(scan, line, "missing_bytes");
    long dropped = wholeNumber(scan, line, "body_dropped_bytes");
    if (missing < 0 && dropped < 0) {
      return -1;
    }
    return Math.max(missing, 0) + Math.max(dropped, 0);
  }

  private static long wholeNumber(ObjectScan scan, byte[] line, String name) {
    JsonSpan span = scan.find(name);
    if (span == null || span.type() != ValueType.NUMBER) {
      return -1;
    }
    try {
      return Long.parseLong(
          new String(line, span.start(), span.length(), StandardCharsets.US_ASCII));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
