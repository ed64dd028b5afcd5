package org.sdcap.v2;

import java.util.Set;

/** Member names of v2 records; docs/format-v2.md specifies each. */
public final class V2Fields {

  private V2Fields() {}

  public static final int SCHEMA_VERSION = 2;

  public static final String SCHEMA = "schema_version";
  public static final String SESSION_KEY = "session_key";
  public static final String SEQ = "seq";
  public static final String PARENT_SEQ = "parent_seq";
  public static final String BODY_FORM = "body_form";
  public static final String BODY_FIELD = "body_field";
  public static final String BODY_FIELD_INDEX = "body_field_index";
  public static final String BODY_TAIL_FIELD = "body_tail_field";
  public static final String BODY_LEN = "body_len";
  public static final String BODY_SHA256 = "body_sha256";
  public static final String BODY_ENCODING = "body_encoding";
  public static final String BODY_PARTIAL = "body_partial";
  public static final String HEAD_LEN = "head_len";
  public static final String PREFIX_LEN = "prefix_len";
  public static final String SUFFIX_LEN = "suffix_len";
  public static final String DELTA = "delta";
  public static final String BODY_TAIL = "body_tail";
  public static final String RAW_FIELDS = "raw_fields";
  public static final String BAD_LINE = "bad_line";
  public static final String RAW = "raw";
  public static final String RAW_B64 = "raw_b64";
  public static final String EOL = "eol";
  public static final String LINE_BEFORE = "line_before";
  public static final String LINE_AFTER = "line_after";

  /**
   * Names an input field cannot keep at the top level of a v2 record, because v2 uses them or
   * because decoding writes them; such fields go to {@link #RAW_FIELDS}.
   */
  public static final Set<String> RESERVED =
      Set.of(
          SCHEMA,
          SESSION_KEY,
          SEQ,
          PARENT_SEQ,
          BODY_FORM,
          BODY_FIELD,
          BODY_FIELD_INDEX,
          BODY_TAIL_FIELD,
          BODY_LEN,
          BODY_SHA256,
          BODY_ENCODING,
          BODY_PARTIAL,
          HEAD_LEN,
          PREFIX_LEN,
          SUFFIX_LEN,
          DELTA,
          BODY_TAIL,
          RAW_FIELDS,
          BAD_LINE,
          RAW,
          RAW_B64,
          EOL,
          LINE_BEFORE,
          LINE_AFTER,
          "body",
          "body_b64",
          "body_head");
}
