import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checker behind bench/roundtrip-check.sh, run as a single source file with sdcap.jar on the
 * class path for Jackson. It reads input, v2 and decoded output with Jackson, not with sdcap's own
 * parser, so a bug in sdcap's reader cannot hide itself.
 *
 * <pre>
 * java -cp target/sdcap.jar bench/RoundTripCheck.java INPUT V2 DECODED SAMPLES OUT_DIR NAME
 * </pre>
 *
 * <p>INPUT is the uncompressed JSONL log or a dump directory. The checker compares DECODED with
 * INPUT line by line (bytes, else JSON values with exact number text), writes the original body of
 * up to SAMPLES records spread over the file to OUT_DIR/body-K, and lists them in OUT_DIR/samples
 * as {@code K SESSION_KEY SEQ ENCODING PARTIAL} lines. It prints {@code name=value} counts on
 * stdout and up to five differences on stderr, prefixed with NAME, and exits with 1 when a line or
 * body differs.
 */
public final class RoundTripCheck {

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(Integer.MAX_VALUE)
                  .maxNumberLength(Integer.MAX_VALUE)
                  .maxNestingDepth(100_000)
                  .build())
          .build();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
  private static final Pattern DUMP_NAME = Pattern.compile("req_([0-9]+)_([0-9]+)\\.json");
  private static final int SHOWN_DIFFERENCES = 5;

  private final PrintStream err = System.err;
  private final String name;
  private int differences;

  private RoundTripCheck(String name) {
    this.name = name;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 6) {
      System.err.println("usage: RoundTripCheck INPUT V2 DECODED SAMPLES OUT_DIR NAME");
      System.exit(2);
    }
    RoundTripCheck check = new RoundTripCheck(args[5]);
    Path input = Path.of(args[0]);
    List<byte[]> v2 = lines(Files.readAllBytes(Path.of(args[1])));
    List<byte[]> decoded = lines(Files.readAllBytes(Path.of(args[2])));
    int samples = Integer.parseInt(args[3]);
    Path outDir = Path.of(args[4]);

    List<Original> originals =
        Files.isDirectory(input)
            ? check.compareDumps(input, v2, decoded)
            : check.compareLog(input, v2, decoded);
    check.writeSamples(v2, originals, samples, outDir);
    System.exit(check.differences == 0 ? 0 : 1);
  }

  /** The input body of the v2 line at {@code v2Index}: null when the line has no body. */
  private record Original(int v2Index, byte[] body) {}

  /**
   * Compares a decoded log with its input and returns the original body of every v2 line. One input
   * line gives one v2 line, except a run of NUL bytes followed by a record, which gives a bad line
   * without end of line ({@code "eol": false}) and then the record.
   */
  private List<Original> compareLog(Path input, List<byte[]> v2, List<byte[]> decoded)
      throws IOException {
    List<byte[]> inputLines = lines(Files.readAllBytes(input));
    long sameBytes = 0;
    long sameValue = 0;
    long badLines = 0;
    if (decoded.size() != inputLines.size()) {
      differ("decoded output has %d lines, the input %d", decoded.size(), inputLines.size());
    }
    for (int i = 0; i < Math.min(decoded.size(), inputLines.size()); i++) {
      byte[] original = inputLines.get(i);
      byte[] back = decoded.get(i);
      if (Arrays.equals(original, back)) {
        sameBytes++;
      } else if (sameJsonValue(original, back)) {
        sameValue++;
      } else {
        differ("line %d differs after decode", i + 1);
      }
    }

    List<Original> originals = new ArrayList<>();
    int line = 0;
    for (int k = 0; k < v2.size(); k++) {
      JsonNode record = MAPPER.readTree(v2.get(k));
      if (record.has("bad_line")) {
        badLines++;
        if (!record.path("eol").asBoolean(true) && k + 1 < v2.size()) {
          continue;
        }
      } else if (line < inputLines.size()) {
        originals.add(new Original(k, bodyOf(stripNuls(inputLines.get(line)))));
      }
      line++;
    }
    if (line != inputLines.size()) {
      differ("v2 has lines for %d input lines, the input has %d", line, inputLines.size());
    }
    System.out.printf(
        "lines=%d same_bytes=%d same_value=%d bad_lines=%d%n",
        inputLines.size(), sameBytes, sameValue, badLines);
    return originals;
  }

  /** Compares decoded dump records with the files, in sdcap's order: seq, then file name. */
  private List<Original> compareDumps(Path directory, List<byte[]> v2, List<byte[]> decoded)
      throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files =
          listing
              .filter(p -> DUMP_NAME.matcher(p.getFileName().toString()).matches())
              .filter(Files::isRegularFile)
              .sorted(
                  Comparator.comparing((Path p) -> dumpSeq(p))
                      .thenComparing(p -> p.getFileName().toString()))
              .toList();
    }
    if (decoded.size() != files.size() || v2.size() != files.size()) {
      differ(
          "%d dump files, but %d v2 and %d decoded lines",
          files.size(),
          v2.size(),
          decoded.size());
    }
    List<Original> originals = new ArrayList<>();
    long same = 0;
    for (int i = 0; i < Math.min(files.size(), decoded.size()); i++) {
      byte[] bytes = Files.readAllBytes(files.get(i));
      JsonNode record = MAPPER.readTree(decoded.get(i));
      String name = files.get(i).getFileName().toString();
      byte[] back =
          record.has("body_b64")
              ? Base64.getDecoder().decode(record.get("body_b64").asText())
              : wtf8(record.path("body").asText());
      if (!name.equals(record.path("dump_file").asText())) {
        differ("decoded line %d names %s, expected %s", i + 1, record.path("dump_file"), name);
      } else if (!Arrays.equals(bytes, back)) {
        differ("decoded line %d: the body differs from %s", i + 1, name);
      } else {
        same++;
      }
      originals.add(new Original(i, bytes));
    }
    System.out.printf("lines=%d same_bytes=%d same_value=0 bad_lines=0%n", files.size(), same);
    return originals;
  }

  /** Writes the original bodies of up to {@code count} records spread evenly over the file. */
  private void writeSamples(List<byte[]> v2, List<Original> originals, int count, Path outDir)
      throws IOException {
    List<Original> withBody = originals.stream().filter(o -> o.body() != null).toList();
    Files.createDirectories(outDir);
    StringBuilder list = new StringBuilder();
    int sampleCount = Math.min(count, withBody.size());
    for (int k = 0; k < sampleCount; k++) {
      Original original = withBody.get((int) ((long) k * withBody.size() / sampleCount));
      JsonNode record = MAPPER.readTree(v2.get(original.v2Index()));
      if (!record.has("delta")) {
        differ("v2 line %d has no body, but its input has one", original.v2Index() + 1);
        continue;
      }
      Files.write(outDir.resolve("body-" + k), original.body());
      list.append(k)
          .append(' ')
          .append(record.get("session_key").asText())
          .append(' ')
          .append(record.get("seq").asLong())
          .append(' ')
          .append(record.path("body_encoding").asText("utf-8"))
          .append(' ')
          .append(record.path("body_partial").asBoolean(false))
          .append('\n');
    }
    Files.writeString(outDir.resolve("samples"), list);
    System.out.printf("records=%d sampled=%d%n", withBody.size(), sampleCount);
  }

  /**
   * Returns the body of an input line as sdcap documents it: a non-null {@code body} (a string's
   * value as UTF-8 with lone surrogates as WTF-8, or an embedded value's exact text), else
   * canonical {@code body_b64}, else {@code body_head} and a {@code body_tail} right after it.
   * Returns null for a line without a body or one that is not a JSON object.
   */
  private static byte[] bodyOf(byte[] line) {
    try (JsonParser parser = FACTORY.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      byte[] base64 = null;
      byte[] head = null;
      byte[] tail = null;
      String previous = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("body") && value == JsonToken.VALUE_STRING) {
          return wtf8(parser.getText());
        } else if (name.equals("body") && value != JsonToken.VALUE_NULL) {
          int start = (int) parser.currentTokenLocation().getByteOffset();
          parser.skipChildren();
          return Arrays.copyOfRange(line, start, (int) parser.currentLocation().getByteOffset());
        } else if (name.equals("body_b64") && value == JsonToken.VALUE_STRING) {
          base64 = canonicalBase64(parser.getText());
        } else if (name.equals("body_head") && value == JsonToken.VALUE_STRING) {
          head = wtf8(parser.getText());
        } else if (name.equals("body_tail")
            && value == JsonToken.VALUE_STRING
            && "body_head".equals(previous)
            && head != null) {
          tail = wtf8(parser.getText());
        } else {
          parser.skipChildren();
        }
        previous = name;
      }
      if (base64 != null) {
        return base64;
      }
      if (head == null || tail == null) {
        return head;
      }
      byte[] body = Arrays.copyOf(head, head.length + tail.length);
      System.arraycopy(tail, 0, body, head.length, tail.length);
      return body;
    } catch (IOException e) {
      return null;
    }
  }

  private static byte[] canonicalBase64(String text) {
    try {
      byte[] decoded = Base64.getDecoder().decode(text);
      return Base64.getEncoder().encodeToString(decoded).equals(text) ? decoded : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** True when both lines are the same JSON value, with members in order and exact number text. */
  private static boolean sameJsonValue(byte[] a, byte[] b) {
    try {
      return canonical(stripNuls(a)).equals(canonical(stripNuls(b)))
          && leadingNuls(a) == leadingNuls(b);
    } catch (IOException e) {
      return false;
    }
  }

  private static String canonical(byte[] json) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      StringBuilder out = new StringBuilder(json.length);
      parser.nextToken();
      writeValue(parser, out);
      if (parser.nextToken() != null) {
        throw new IOException("more than one value");
      }
      return out.toString();
    }
  }

  private static void writeValue(JsonParser parser, StringBuilder out) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      out.append('{');
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        out.append(quote(parser.currentName())).append(':');
        parser.nextToken();
        writeValue(parser, out);
        out.append(',');
      }
      out.append('}');
    } else if (token == JsonToken.START_ARRAY) {
      out.append('[');
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        writeValue(parser, out);
        out.append(',');
      }
      out.append(']');
    } else if (token == JsonToken.VALUE_STRING) {
      out.append(quote(parser.getText()));
    } else {
      out.append(parser.getText());
    }
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20 || c > 0x7E) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** Encodes text as UTF-8, a lone surrogate as its three-byte form (WTF-8), as sdcap does. */
  private static byte[] wtf8(String text) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      if (pair) {
        out.writeBytes(text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
        i++;
      } else if (Character.isSurrogate(c)) {
        out.write(0xE0 | (c >> 12));
        out.write(0x80 | ((c >> 6) & 0x3F));
        out.write(0x80 | (c & 0x3F));
      } else {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  private static BigInteger dumpSeq(Path file) {
    Matcher matcher = DUMP_NAME.matcher(file.getFileName().toString());
    matcher.matches();
    return new BigInteger(matcher.group(1));
  }

  private static int leadingNuls(byte[] line) {
    int i = 0;
    while (i < line.length && line[i] == 0) {
      i++;
    }
    return i;
  }

  private static byte[] stripNuls(byte[] line) {
    return Arrays.copyOfRange(line, leadingNuls(line), line.length);
  }

  private static List<byte[]> lines(byte[] bytes) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        lines.add(Arrays.copyOfRange(bytes, start, i));
        start = i + 1;
      }
    }
    if (start < bytes.length) {
      lines.add(Arrays.copyOfRange(bytes, start, bytes.length));
    }
    return lines;
  }

  private void differ(String format, Object... args) {
    if (differences++ < SHOWN_DIFFERENCES) {
      err.println("roundtrip-check: " + name + ": " + String.format(format, args));
    }
  }
}
