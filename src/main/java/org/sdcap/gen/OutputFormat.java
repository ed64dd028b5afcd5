package org.sdcap.gen;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The formats a generated stream can be written in, by the names the command line uses. */
public enum OutputFormat {
  /** The v1 request log with truncated bodies ({@link V1LogWriter}). */
  V1("v1"),
  /** Full-body JSONL with bodies as JSON strings ({@link FullBodyLogWriter}). */
  FULL("full"),
  /** Full-body JSONL with bodies embedded as JSON values where possible. */
  FULL_EMBEDDED("full-embedded"),
  /** A directory of raw body files ({@link DumpDirectoryWriter}). */
  DUMPS("dumps"),
  /** HTTP/1.1 request messages back to back ({@link HttpRequestWriter}). */
  HTTP("http");

  private final String cliName;

  OutputFormat(String cliName) {
    this.cliName = cliName;
  }

  public String cliName() {
    return cliName;
  }

  /** Returns the format with this command-line name, or null. */
  public static OutputFormat fromCliName(String name) {
    for (OutputFormat format : values()) {
      if (format.cliName.equals(name)) {
        return format;
      }
    }
    return null;
  }

  /** Returns true when the target is a directory rather than a file or stream. */
  public boolean writesDirectory() {
    return this == DUMPS;
  }

  /** Opens a writer to {@code path}, a file or, for {@link #DUMPS}, a directory. */
  public RequestWriter open(Path path) throws IOException {
    if (writesDirectory()) {
      return new DumpDirectoryWriter(path);
    }
    return open(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16));
  }

  /** Opens a writer to a stream; not possible for {@link #DUMPS}. Closing it closes {@code out}. */
  public RequestWriter open(OutputStream out) {
    return switch (this) {
      case V1 -> new V1LogWriter(out);
      case FULL -> new FullBodyLogWriter(out, FullBodyLogWriter.BodyForm.STRING);
      case FULL_EMBEDDED -> new FullBodyLogWriter(out, FullBodyLogWriter.BodyForm.EMBEDDED);
      case HTTP -> new HttpRequestWriter(out);
      case DUMPS -> throw new IllegalArgumentException("the dumps format writes a directory");
    };
  }
}
