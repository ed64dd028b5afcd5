package org.sdcap.v2;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.sdcap.delta.DeltaApplier;
import org.sdcap.delta.DeltaException;
import org.sdcap.delta.TextUnits;
import org.sdcap.input.BodyForm;
import org.sdcap.json.JsonScanner;
import org.sdcap.json.JsonSyntaxException;
import org.sdcap.json.JsonWriter;
import org.sdcap.json.ObjectScan;
import org.sdcap.json.Utf8;

/**
 * Turns v2 records back into one full input record per line, with the body restored, and kept bad
 * lines back into the lines they were.
 */
public final class Decoder {

  /** The shape of decoded records. */
  public enum Target {
    /**
     * Each body as the input held it ({@code body} string or embedded value, {@code body_b64}); v1
     * bodies that were whole become {@code body}, partial ones stay {@code body_head} and {@code
     * body_tail}; dump and capture bodies become {@code body}, or {@code body_b64} when not UTF-8.
     */
    FULL,
    /** v1 records as the capture middleware wrote them; other bodies cut the way it cuts them. */
    V1
  }

  /** Bytes v1 keeps at each end of a body it truncates. */
  static final int V1_KEPT_BYTES = 1500;

  private static final String V1_HEAD_FIELD = "body_head";

  private final JsonWriter json;
  private final Target target;
  private final BodyStore store;
  private final MessageDigest sha256;
  private long records;
  private long badLines;
  private java.util.function.Consumer<ReconstructException> failures;

  /** The session key and seq of the record being decoded, as {@code key#seq}, or null. */
  private String currentRecord;

  /**
   * Records that failed, so that the message for a child names the failure, not a missing parent.
   */
  private final java.util.Set<String> failedRecords = new java.util.HashSet<>();

  private static final int MAX_FAILED_REMEMBERED = 100_000;

  public Decoder(OutputStream out, Target target, long cacheBytes) {
    this(out, target, cacheBytes, false, false);
  }

  /**
   * @param spaced and
   * @param asciiOnly spell records as {@link JsonWriter} describes, so that logs written with those
   *     settings come back byte for byte
   */
  public Decoder(
      OutputStream out, Target target, long cacheBytes, boolean spaced, boolean asciiOnly) {
    this.json = new JsonWriter(out, 1 << 17, spaced, asciiOnly);
    this.target = target;
    this.store = new BodyStore(cacheBytes);
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  public long records() {
    return records;
  }

  public long badLines() {
    return badLines;
  }

  /** Decodes every line of one input; call it for each input in order, then {@link #flush()}. */
  public void decode(InputStream in, String source, int maxLineBytes)
      throws IOException, ReconstructException {
    LineReader lines = new LineReader(in, maxLineBytes);
    while (lines.next()) {
      if (lines.end() == lines.start()) {
        continue;
      }
      ReconstructException failure;
      try {
        decodeLine(lines.buffer(), lines.start(), lines.end());
        continue;
      } catch (V2FormatException | JsonSyntaxException | DeltaException e) {
        failure =
            new ReconstructException(
                ReconstructException.Kind.INVALID_RECORD,
                source + ":" + lines.lineNumber() + ": " + e.getMessage());
      } catch (ReconstructException e) {
        failure =
            new ReconstructException(
                e.kind(), source + ":" + lines.lineNumber() + ": " + e.getMessage());
      }
      if (failures == null) {
        throw failure;
      }
      if (currentRecord != null && failedRecords.size() < MAX_FAILED_REMEMBERED) {
        failedRecords.add(currentRecord);
      }
      failures.accept(failure);
    }
  }

  /**
   * Goes on after a record that cannot be rebuilt: it is not written, and {@code failures} receives
   * why. Records whose chain passes through it fail too, each reported.
   */
  public void keepGoing(java.util.function.Consumer<ReconstructException> failures) {
    this.failures = failures;
  }

  public void flush() {
    json.flush();
  }

  private void decodeLine(byte[] buf, int start, int end)
      throws V2FormatException, JsonSyntaxException, DeltaException, ReconstructException {
    currentRecord = null;
    ObjectScan scan = JsonScanner.scanObject(buf, start, end);
    V2Members members = V2Members.of(scan, buf);
    if (members.schema != V2Fields.SCHEMA_VERSION) {
      throw new V2FormatException(
          "not a v2 record: schema_version is "
              + (members.schema < 0 ? "missing" : members.schema)
              + ", expected 2");
    }
    if (members.badLine >= 0) {
      writeBadLine(scan, buf, members);
      badLines++;
      return;
    }
    if (members.sessionKey == null || members.seq < 1) {
      throw new V2FormatException("missing session_key or seq");
    }
    currentRecord = members.sessionKey + '#' + members.seq;
    byte[] body = members.delta >= 0 ? rebuild(scan, buf, members) : null;
    writeRecord(scan, buf, members, body);
    records++;
  }

  private byte[] rebuild(ObjectScan scan, byte[] buf, V2Members members)
      throws V2FormatException, DeltaException, ReconstructException {
    TextUnits parent = null;
    if (members.parentSeq > 0) {
      parent = store.get(members.sessionKey, members.parentSeq);
      if (parent == null && failedRecords.contains(members.sessionKey + '#' + members.parentSeq)) {
        throw new ReconstructException(
            ReconstructException.Kind.MISSING_PARENT,
            "record "
                + members.seq
                + " of session "
                + members.sessionKey
                + " needs record "
                + members.parentSeq
                + ", which could not be rebuilt (reported above)");
      }
      if (parent == null) {
        throw new ReconstructException(
            ReconstructException.Kind.MISSING_PARENT,
            "record "
                + members.seq
                + " of session "
                + members.sessionKey
                + " needs record "
                + members.parentSeq
                + ", which is not in the input or no longer cached; if the file is whole, run"
                + " again with a --cache-bytes at least as large as the one encode used");
      }
    }
    List<DeltaApplier.ParsedPiece> pieces =
        DeltaText.parse(
            buf, scan.valueStart(members.delta), scan.valueEnd(members.delta), members.encoding);
    byte[] body = DeltaApplier.apply(parent, members.prefixLen, members.suffixLen, pieces);

    TextUnits units = TextUnits.of(body, members.encoding);
    String actual = HexFormat.of().formatHex(sha256.digest(body));
    if ((members.sha256 != null && !members.sha256.equalsIgnoreCase(actual))
        || (members.bodyLen >= 0 && units.unitCount() != members.bodyLen)) {
      throw new ReconstructException(
          ReconstructException.Kind.HASH_MISMATCH,
          "rebuilt body of record "
              + members.seq
              + " of session "
              + members.sessionKey
              + " does not match its body_sha256 or body_len; the file is damaged");
    }
    store.put(members.sessionKey, members.seq, units);
    return body;
  }

  /** Writes the whitespace a record's input line had before or after its object, if any. */
  private void writeFraming(ObjectScan scan, byte[] buf, int member) {
    if (member >= 0) {
      byte[] bytes =
          JsonScanner.decodeStringUtf8(buf, scan.valueStart(member), scan.valueEnd(member));
      json.verbatim(bytes, 0, bytes.length);
    }
  }

  private void writeBadLine(ObjectScan scan, byte[] buf, V2Members members) {
    byte[] raw;
    if (members.raw >= 0) {
      raw =
          JsonScanner.decodeStringUtf8(
              buf, scan.valueStart(members.raw), scan.valueEnd(members.raw));
    } else if (members.rawB64 >= 0) {
      String text =
          JsonScanner.decodeString(
              buf, scan.valueStart(members.rawB64), scan.valueEnd(members.rawB64));
      raw = Base64.getDecoder().decode(text);
    } else {
      raw = new byte[0];
    }
    json.verbatim(raw, 0, raw.length);
    if (members.eol) {
      json.newline();
    }
  }

  private void writeRecord(ObjectScan scan, byte[] buf, V2Members members, byte[] body)
      throws V2FormatException {
    List<Member> metadata = new ArrayList<>();
    for (int i = 0; i < scan.size(); i++) {
      if (!V2Fields.RESERVED.contains(scan.name(i))) {
        metadata.add(
            Member.raw(
                buf, scan.nameStart(i), scan.nameEnd(i), scan.valueStart(i), scan.valueEnd(i)));
      }
    }
    for (RawField raw : members.rawFields(scan, buf)) {
      metadata.add(Math.min(Math.max(raw.index(), 0), metadata.size()), raw.member());
    }
    if (body != null) {
      List<Member> bodyMembers = bodyMembers(members, body, metadata);
      int at =
          members.bodyFieldIndex < 0
              ? metadata.size()
              : Math.min(members.bodyFieldIndex, metadata.size());
      metadata.addAll(at, bodyMembers);
    }

    writeFraming(scan, buf, members.lineBefore);
    json.beginObject();
    for (Member member : metadata) {
      member.writeTo(json);
    }
    json.endObject();
    writeFraming(scan, buf, members.lineAfter);
    if (members.eol) {
      json.newline();
    }
  }

  private List<Member> bodyMembers(V2Members members, byte[] body, List<Member> metadata)
      throws V2FormatException {
    BodyForm form = BodyForm.fromWireName(members.bodyForm);
    if (form == null) {
      throw new V2FormatException("unknown body_form \"" + members.bodyForm + "\"");
    }
    String fieldName =
        members.bodyField != null ? members.bodyField : V2Writer.defaultFieldName(form);
    List<Member> out = new ArrayList<>(2);
    if (form == BodyForm.V1 && (target == Target.V1 || members.partial)) {
      int split = TextUnits.of(body, members.encoding).byteOffset((int) members.headLen);
      out.add(Member.text(fieldName, body, 0, split));
      String tailName =
          members.bodyTailField != null ? members.bodyTailField : V2Writer.V1_TAIL_FIELD;
      out.add(Member.text(tailName, body, split, body.length));
      return out;
    }
    // A v1 record with body_head but no body_tail right after it was read as a string body named
    // body_head, so it goes back as that one member and is not cut again.
    // NOTE: after encode --field body_head=NAME, body_field is NAME and decode --to v1 cannot tell
    // it from a renamed full body, so it cuts the body and adds body_tail.
    boolean v1HeadOnly = form == BodyForm.STRING && V1_HEAD_FIELD.equals(members.bodyField);
    if (target == Target.V1 && !v1HeadOnly) {
      return v1Cut(body, metadata);
    }
    switch (form) {
      case STRING -> out.add(Member.text(fieldName, body, 0, body.length));
      case JSON -> out.add(Member.rawValue(fieldName, body));
      case BASE64 -> out.add(Member.base64(fieldName, body));
      case V1 -> out.add(Member.text("body", body, 0, body.length));
      case DUMP, HTTP -> {
        if (Utf8.isValid(body)) {
          out.add(Member.text("body", body, 0, body.length));
        } else {
          out.add(Member.base64("body_b64", body));
        }
      }
    }
    return out;
  }

  /**
   * Cuts a body the way the v1 capture middleware does: whole up to 3000 bytes, else head and tail.
   */
  private static List<Member> v1Cut(byte[] body, List<Member> metadata) {
    // The cut body replaces any body_head and body_tail the full record carried as metadata.
    metadata.removeIf(member -> member.hasName("body_head") || member.hasName("body_tail"));
    List<Member> out = new ArrayList<>(4);
    boolean truncated = body.length > 2 * V1_KEPT_BYTES;
    if (!hasMember(metadata, "body_bytes")) {
      out.add(Member.number("body_bytes", body.length));
    }
    if (!hasMember(metadata, "body_truncated_bytes")) {
      out.add(
          Member.number("body_truncated_bytes", truncated ? body.length - 2 * V1_KEPT_BYTES : 0));
    }
    if (truncated) {
      out.add(Member.replacing("body_head", body, 0, V1_KEPT_BYTES));
      out.add(Member.replacing("body_tail", body, body.length - V1_KEPT_BYTES, body.length));
    } else {
      out.add(Member.replacing("body_head", body, 0, body.length));
      out.add(Member.replacing("body_tail", body, 0, 0));
    }
    return out;
  }

  private static boolean hasMember(List<Member> members, String name) {
    for (Member member : members) {
      if (member.hasName(name)) {
        return true;
      }
    }
    return false;
  }

  /** One member to write: a name and a way to write its value. */
  record Member(byte[] rawName, int rawNameStart, int rawNameEnd, String name, Writer value) {

    interface Writer {
      void write(JsonWriter json);
    }

    /**
     * Refers to a member's name and value in the line being decoded, without copying; valid until
     * the next line is read, which is after the record is written.
     */
    static Member raw(byte[] line, int nameStart, int nameEnd, int start, int end) {
      return new Member(line, nameStart, nameEnd, null, json -> json.rawValue(line, start, end));
    }

    static Member rawValue(String name, byte[] value) {
      return new Member(null, 0, 0, name, json -> json.rawValue(value));
    }

    static Member text(String name, byte[] bytes, int from, int to) {
      return new Member(null, 0, 0, name, json -> json.utf8String(bytes, from, to));
    }

    /** Creates a string member by decoding bytes from UTF-8 with replacement, as v1 does. */
    static Member replacing(String name, byte[] bytes, int from, int to) {
      String text = new String(bytes, from, to - from, StandardCharsets.UTF_8);
      return new Member(null, 0, 0, name, json -> json.value(text));
    }

    static Member base64(String name, byte[] bytes) {
      String text = Base64.getEncoder().encodeToString(bytes);
      return new Member(null, 0, 0, name, json -> json.value(text));
    }

    static Member number(String name, long value) {
      return new Member(null, 0, 0, name, json -> json.value(value));
    }

    boolean hasName(String wanted) {
      if (name != null) {
        return name.equals(wanted);
      }
      return JsonScanner.decodeString(rawName, rawNameStart, rawNameEnd).equals(wanted);
    }

    void writeTo(JsonWriter json) {
      if (rawName != null) {
        json.rawName(rawName, rawNameStart, rawNameEnd);
      } else {
        json.name(name);
      }
      value.write(json);
    }
  }

  /** A field kept in {@code raw_fields}: its name, position and exact value text. */
  record RawField(int index, Member member) {}
}
