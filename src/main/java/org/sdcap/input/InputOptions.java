package org.sdcap.input;

import java.util.Objects;
import org.sdcap.pcap.CaptureOptions;

/**
 * Settings for {@link InputOpener}.
 *
 * @param maxLineBytes the longest JSONL line, and the largest dump file, accepted, in bytes without
 *     the newline; from 1 to {@link #MAX_LINE_BYTES_LIMIT}
 */
public record InputOptions(
    InputFormat format, FieldNames fieldNames, CaptureOptions captureOptions, int maxLineBytes) {

  /** 256 MiB: several base64 images in one request body still fit. */
  public static final int DEFAULT_MAX_LINE_BYTES = 256 << 20;

  /** The largest value of {@code maxLineBytes}: a Java array has at most about 2^31 bytes. */
  public static final int MAX_LINE_BYTES_LIMIT = Integer.MAX_VALUE - 64;

  public InputOptions {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(fieldNames, "fieldNames");
    Objects.requireNonNull(captureOptions, "captureOptions");
    if (maxLineBytes < 1 || maxLineBytes > MAX_LINE_BYTES_LIMIT) {
      throw new IllegalArgumentException(
          "--max-line-bytes must be between 1 and "
              + MAX_LINE_BYTES_LIMIT
              + ", got "
              + maxLineBytes);
    }
  }

  public static InputOptions defaults() {
    return new InputOptions(
        InputFormat.AUTO, FieldNames.defaults(), CaptureOptions.defaults(), DEFAULT_MAX_LINE_BYTES);
  }

  public InputOptions withFormat(InputFormat newFormat) {
    return new InputOptions(newFormat, fieldNames, captureOptions, maxLineBytes);
  }

  public InputOptions withFieldNames(FieldNames newFieldNames) {
    return new InputOptions(format, newFieldNames, captureOptions, maxLineBytes);
  }

  public InputOptions withMaxLineBytes(int newMaxLineBytes) {
    return new InputOptions(format, fieldNames, captureOptions, newMaxLineBytes);
  }
}
