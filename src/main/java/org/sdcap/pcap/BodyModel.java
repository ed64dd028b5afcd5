package org.sdcap.pcap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Reads the top-level {@code "model"} string of a JSON request body. */
final class BodyModel {

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(Integer.MAX_VALUE)
                  .maxNestingDepth(10_000)
                  .build())
          .build();

  private BodyModel() {}

  /**
   * Returns the body's top-level "model" member when it is a string. Like Python's {@code
   * json.loads}, the last of duplicate members counts. Returns null when the body is not a JSON
   * object, has no such string, or uses a content coding that cannot be decoded within {@code
   * maxDecodedBytes}.
   *
   * @param contentEncoding the request's Content-Encoding, or null
   */
  static String find(byte[] body, String contentEncoding, int maxDecodedBytes) {
    byte[] json = body;
    if (contentEncoding != null && !contentEncoding.isBlank()) {
      json = decode(body, contentEncoding.trim().toLowerCase(Locale.ROOT), maxDecodedBytes);
      if (json == null) {
        return null;
      }
    }
    return modelOf(json);
  }

  private static String modelOf(byte[] json) {
    int start = 0;
    while (start < json.length
        && (json[start] == ' '
            || json[start] == '\t'
            || json[start] == '\r'
            || json[start] == '\n')) {
      start++;
    }
    if (start == json.length || json[start] != '{') {
      return null;
    }
    String model = null;
    try (JsonParser parser = JSON.createParser(json)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("model")) {
          model = value == JsonToken.VALUE_STRING ? parser.getText() : null;
        } else {
          parser.skipChildren();
        }
      }
    } catch (IOException e) {
      // Not JSON, or cut short: the record gets no model.
      return null;
    }
    return model;
  }

  /** Decodes gzip, deflate (zlib or raw) and zstd; returns null for other codings or errors. */
  private static byte[] decode(byte[] body, String coding, int maxDecodedBytes) {
    try {
      return switch (coding) {
        case "gzip", "x-gzip" ->
            readAll(
                new org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream(
                    new ByteArrayInputStream(body), true),
                maxDecodedBytes);
        case "deflate" -> inflate(body, maxDecodedBytes);
        case "zstd" ->
            readAll(new ZstdInputStream(new ByteArrayInputStream(body)), maxDecodedBytes);
        // NOTE: brotli bodies are kept as sent, but their model is not read: no brotli decoder
        // is among the dependencies.
        default -> null;
      };
    } catch (IOException e) {
      return null;
    }
  }

  private static byte[] inflate(byte[] body, int maxDecodedBytes) {
    // RFC 9110 "deflate" is zlib-wrapped; some clients send raw deflate, so try both.
    byte[] zlib = inflate(body, maxDecodedBytes, false);
    return zlib != null ? zlib : inflate(body, maxDecodedBytes, true);
  }

  private static byte[] inflate(byte[] body, int maxDecodedBytes, boolean raw) {
    Inflater inflater = new Inflater(raw);
    try {
      inflater.setInput(body);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] chunk = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(chunk);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          return null;
        }
        out.write(chunk, 0, n);
        if (out.size() > maxDecodedBytes) {
          return null;
        }
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      return null;
    } finally {
      inflater.end();
    }
  }

  private static byte[] readAll(InputStream in, int maxDecodedBytes) throws IOException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] chunk = new byte[8192];
      int n;
      while ((n = in.read(chunk)) > 0) {
        out.write(chunk, 0, n);
        if (out.size() > maxDecodedBytes) {
          return null;
        }
      }
      return out.toByteArray();
    }
  }
}
