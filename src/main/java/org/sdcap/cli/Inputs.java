package org.sdcap.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.sdcap.input.Diagnostics;
import org.sdcap.input.InputItem;
import org.sdcap.input.InputOptions;
import org.sdcap.input.JsonlReader;
import org.sdcap.input.RecordSource;

/** The inputs of one encode run as one record stream, counting the bytes read. */
final class Inputs implements AutoCloseable {

  private final List<String> files;
  private final InputOptions options;
  private final Diagnostics diagnostics;
  private final Streams streams;
  private final List<CountingInputStream> opened = new ArrayList<>();

  private Inputs(
      List<String> files, InputOptions options, Diagnostics diagnostics, Streams streams) {
    this.files = files.isEmpty() ? List.of("-") : files;
    this.options = options;
    this.diagnostics = diagnostics;
    this.streams = streams;
  }

  static Inputs open(
      List<String> files, InputOptions options, Diagnostics diagnostics, Streams streams) {
    return new Inputs(files, options, diagnostics, streams);
  }

  RecordSource source() {
    return new RecordSource() {
      private int next;
      private RecordSource current;

      @Override
      public InputItem next() throws IOException {
        while (true) {
          if (current == null) {
            if (next >= files.size()) {
              return null;
            }
            String file = files.get(next++);
            CountingInputStream in = new CountingInputStream(InputFiles.open(file, streams));
            opened.add(in);
            current = new JsonlReader(in, file, options, diagnostics);
          }
          InputItem item = current.next();
          if (item != null) {
            return item;
          }
          current.close();
          current = null;
        }
      }

      @Override
      public void close() throws IOException {
        if (current != null) {
          current.close();
        }
      }
    };
  }

  long bytesRead() {
    long total = 0;
    for (CountingInputStream in : opened) {
      total += in.count;
    }
    return total;
  }

  @Override
  public void close() throws IOException {
    for (CountingInputStream in : opened) {
      in.close();
    }
  }

  private static final class CountingInputStream extends FilterInputStream {
    long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int read = super.read(buffer, offset, length);
      if (read > 0) {
        count += read;
      }
      return read;
    }
  }
}
