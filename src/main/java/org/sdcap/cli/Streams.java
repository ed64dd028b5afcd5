package org.sdcap.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The standard streams a command uses: data on {@code out}, every message on {@code err}. Tests
 * pass their own to run commands in-process.
 */
public record Streams(InputStream in, OutputStream out, PrintWriter err) {

  public static Streams system() {
    return new Streams(
        new FileInputStream(FileDescriptor.in),
        new FileOutputStream(FileDescriptor.out),
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
  }
}
