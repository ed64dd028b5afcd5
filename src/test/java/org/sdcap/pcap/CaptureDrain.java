package org.sdcap.pcap;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.sdcap.input.BadLine;
import org.sdcap.input.Diagnostics;
import org.sdcap.input.InputItem;
import org.sdcap.input.InputRecord;
import org.sdcap.input.RecordSource;
import org.sdcap.input.SourcePosition;

/**
 * Reads a capture with {@link CaptureSource} and drains its records, for benchmarks and for
 * comparing with other tools until {@code sdcap encode} reads captures itself.
 *
 * <p>Usage: {@code CaptureDrain FILE [--all] [--jsonl] [--quiet]}. {@code --all} keeps every path
 * and method; {@code --jsonl} prints each record as a JSON line; the summary and messages go to
 * stderr.
 */
public final class CaptureDrain {

  private CaptureDrain() {}

  public static void main(String[] args) throws Exception {
    String file = args[0];
    List<String> flags = List.of(args).subList(1, args.length);
    CaptureOptions options =
        flags.contains("--all") ? CaptureOptions.everything() : CaptureOptions.defaults();
    boolean jsonl = flags.contains("--jsonl");
    boolean quiet = flags.contains("--quiet");
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    int[] damage = new int[1];
    Diagnostics diagnostics =
        new Diagnostics() {
          @Override
          public void damaged(SourcePosition where, String message) {
            damage[0]++;
            if (!quiet) {
              System.err.println("damaged: " + where + ": " + message);
            }
          }

          @Override
          public void warning(SourcePosition where, String message) {
            if (!quiet) {
              System.err.println("warning: " + where + ": " + message);
            }
          }
        };
    long start = System.nanoTime();
    long records = 0;
    long bodyBytes = 0;
    InputStream in = new BufferedInputStream(new FileInputStream(file), 1 << 16);
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    if (first == 0x1f && second == 0x8b) {
      in = new GzipCompressorInputStream(in, true);
    }
    try (RecordSource source = CaptureSource.open(in, file, options, diagnostics)) {
      InputItem item;
      while ((item = source.next()) != null) {
        if (item instanceof InputRecord record) {
          records++;
          bodyBytes += record.body() == null ? 0 : record.body().bytes().length;
          if (jsonl) {
            out.println(RecordJson.line(record));
          }
        } else if (item instanceof BadLine) {
          System.err.println("bad line: " + item.position());
        }
      }
    }
    out.flush();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.err.printf(
        "%s: %d records, %d body bytes, %d damage messages, %.3f s%n",
        file, records, bodyBytes, damage[0], seconds);
  }
}
