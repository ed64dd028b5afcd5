package org.sdcap.input;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sdcap.pcap.CaptureSource;

/**
 * Opens the input paths of a command as one stream of items, in the order given.
 *
 * <p>{@code "-"}, or no path at all, is standard input. A directory is read as raw body dumps. A
 * file or standard input is first decompressed when its first bytes are a gzip, zstd, xz or bzip2
 * magic number, and every member of a concatenated file is read. The decompressed bytes are read as
 * a pcap or pcapng capture when they start with a capture magic number, else as JSONL. {@link
 * InputOptions#format()} can force a format.
 *
 * <p>Every named file is opened once before anything is read, so a missing file fails the command
 * at the start. Damaged compressed data is reported to {@link Diagnostics#damaged}; what was
 * decompressed before the damage is delivered, and reading goes on with the next path.
 */
public final class InputOpener {

  private static final int STREAM_BUFFER_BYTES = 1 << 16;
  private static final int CAPTURE_MAGIC_BYTES = 4;

  private final InputOptions options;
  private final Diagnostics diagnostics;
  private final InputStream stdin;

  private InputOpener(InputOptions options, Diagnostics diagnostics, InputStream stdin) {
    this.options = options;
    this.diagnostics = diagnostics;
    this.stdin = stdin;
  }

  /** Opens {@code paths} with {@link System#in} as standard input. */
  public static RecordSource open(List<String> paths, InputOptions options, Diagnostics diagnostics)
      throws InputException {
    return open(paths, options, diagnostics, System.in);
  }

  /**
   * Opens {@code paths} as one stream; the caller closes it.
   *
   * @param stdin read for the path {@code "-"}, and when {@code paths} is empty
   * @throws InputException when a named file cannot be opened or does not fit the forced format
   */
  public static RecordSource open(
      List<String> paths, InputOptions options, Diagnostics diagnostics, InputStream stdin)
      throws InputException {
    List<String> inputs = paths.isEmpty() ? List.of("-") : List.copyOf(paths);
    InputOpener opener = new InputOpener(options, diagnostics, stdin);
    for (String path : inputs) {
      opener.checkOpenable(path);
    }
    return new ConcatenatedSource(inputs, opener::openPath);
  }

  private void checkOpenable(String path) throws InputException {
    SourcePosition position = SourcePosition.ofFile(path);
    InputFormat format = options.format();
    if (path.equals("-")) {
      if (format == InputFormat.DUMPS) {
        throw new InputNotReadableException(
            position, "standard input cannot be read as a dump directory");
      }
      return;
    }
    boolean directory = Files.isDirectory(Path.of(path));
    if (directory && (format == InputFormat.JSONL || format == InputFormat.PCAP)) {
      throw new InputNotReadableException(
          position, "is a directory, but the input format is " + formatName(format));
    }
    if (!directory && format == InputFormat.DUMPS) {
      throw new InputNotReadableException(
          position, "is not a directory, but the input format dumps reads directories");
    }
    if (Files.isRegularFile(Path.of(path))) {
      try {
        openFile(path).close();
      } catch (InputException e) {
        throw e;
      } catch (IOException e) {
        throw new InputNotReadableException(position, "cannot read file: " + OsErrors.reason(e), e);
      }
    } else if (!directory && !Files.exists(Path.of(path))) {
      // Pipes and devices are not opened here: closing a FIFO early would break its writer.
      throw new InputNotReadableException(position, "cannot open file: No such file or directory");
    }
  }

  private RecordSource openPath(String path) throws IOException {
    if (path.equals("-")) {
      return openStream(stdin, path);
    }
    if (Files.isDirectory(Path.of(path))) {
      return DumpDirectoryReader.open(Path.of(path), path, options.maxLineBytes(), diagnostics);
    }
    return openStream(openFile(path), path);
  }

  private RecordSource openStream(InputStream raw, String name) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, STREAM_BUFFER_BYTES);
    InputStream data = in;
    try {
      Compression compression = Compression.detect(peek(in, Compression.MAGIC_BYTES));
      byte[] head;
      if (compression == null) {
        head = peek(in, CAPTURE_MAGIC_BYTES);
      } else {
        SourcePosition file = SourcePosition.ofFile(name);
        DecompressedInputStream decompressed =
            DecompressedInputStream.open(
                in, compression, message -> diagnostics.warning(file, message));
        data = decompressed;
        head = decompressed.peek(CAPTURE_MAGIC_BYTES);
      }
      if (options.format() == InputFormat.PCAP
          || (options.format() == InputFormat.AUTO && isCaptureMagic(head))) {
        // The capture reader sees damaged compressed data as the end of the file, so it reports a
        // cut-off capture the same way whether the file was compressed or not.
        InputStream capture = data == in ? in : new EndAtDamage(data, name, diagnostics);
        return CaptureSource.open(capture, name, options.captureOptions(), diagnostics);
      }
      return new JsonlReader(data, name, options, diagnostics);
    } catch (DamagedCompressedDataException e) {
      diagnostics.damaged(SourcePosition.ofFile(name), e.getMessage());
      data.close();
      return EmptySource.INSTANCE;
    } catch (InputException e) {
      data.close();
      throw e;
    } catch (IOException e) {
      data.close();
      throw new InputException(SourcePosition.ofFile(name), "read failed: " + e.getMessage(), e);
    }
  }

  /**
   * True for the pcap magic numbers (microsecond a1b2c3d4, nanosecond a1b23c4d, in either byte
   * order) and the pcapng Section Header Block type 0a0d0d0a.
   */
  static boolean isCaptureMagic(byte[] head) {
    if (head.length < CAPTURE_MAGIC_BYTES) {
      return false;
    }
    int magic =
        ((head[0] & 0xFF) << 24)
            | ((head[1] & 0xFF) << 16)
            | ((head[2] & 0xFF) << 8)
            | (head[3] & 0xFF);
    return magic == 0xa1b2c3d4
        || magic == 0xd4c3b2a1
        || magic == 0xa1b23c4d
        || magic == 0x4d3cb2a1
        || magic == 0x0a0d0d0a;
  }

  /** Returns up to {@code count} first bytes of {@code in} without consuming them. */
  private static byte[] peek(BufferedInputStream in, int count) throws IOException {
    in.mark(count);
    byte[] head = in.readNBytes(count);
    in.reset();
    return head;
  }

  private static InputStream openFile(String path) throws InputException {
    try {
      return new FileInputStream(path);
    } catch (FileNotFoundException e) {
      throw new InputNotReadableException(
          SourcePosition.ofFile(path), "cannot open file: " + OsErrors.reason(e), e);
    }
  }

  private static String formatName(InputFormat format) {
    return format.name().toLowerCase(Locale.ROOT);
  }

  /** Reports damaged compressed data once, then ends the stream there. */
  private static final class EndAtDamage extends FilterInputStream {
    private final SourcePosition file;
    private final Diagnostics diagnostics;
    private boolean ended;

    EndAtDamage(InputStream in, String name, Diagnostics diagnostics) {
      super(in);
      this.file = SourcePosition.ofFile(name);
      this.diagnostics = diagnostics;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int count = read(one, 0, 1);
      return count < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      if (ended) {
        return -1;
      }
      try {
        return in.read(target, offset, length);
      } catch (DamagedCompressedDataException e) {
        diagnostics.damaged(file, e.getMessage());
        ended = true;
        return -1;
      }
    }

    @Override
    public long skip(long count) throws IOException {
      byte[] scratch = new byte[(int) Math.min(count, 8 << 10)];
      return Math.max(read(scratch, 0, scratch.length), 0);
    }
  }

  /** A source without items, for an input whose data could not be read at all. */
  private static final class EmptySource implements RecordSource {
    static final EmptySource INSTANCE = new EmptySource();

    @Override
    public InputItem next() {
      return null;
    }

    @Override
    public void close() {}
  }
}
