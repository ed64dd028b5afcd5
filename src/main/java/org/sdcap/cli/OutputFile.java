package org.sdcap.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import picocli.CommandLine;

/**
 * The destination of a command's result: standard output, or a file given with {@code -o}.
 *
 * <p>A file is written under a temporary name unique to this run in the same directory and renamed
 * to its name by {@link #commit()}, so a reader never sees half a file and two runs cannot mix
 * their output. Closing without a commit deletes the temporary file. A name ending in {@code .gz},
 * {@code .zst}, {@code .xz} or {@code .bz2} is written compressed in that format.
 */
final class OutputFile implements AutoCloseable {

  private final Path target;
  private final Path temporary;
  private final OutputStream stream;
  private boolean committed;
  private Thread cleanup;

  private OutputFile(Path target, Path temporary, OutputStream stream) {
    this.target = target;
    this.temporary = temporary;
    this.stream = stream;
  }

  /** Opens {@code output}, or standard output when it is null. */
  static OutputFile open(Path output, OutputStream stdout, CommandLine.Model.CommandSpec spec)
      throws IOException {
    if (output == null) {
      OutputStream unclosable =
          new FilterOutputStream(stdout) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
              out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
              flush();
            }
          };
      return new OutputFile(null, null, new BufferedOutputStream(unclosable, 1 << 16));
    }
    if (output.toString().isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "-o needs a file name");
    }
    if (Files.isDirectory(output)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "-o " + output + " is a directory; give the name of a file to write");
    }
    Path directory = output.toAbsolutePath().getParent();
    Path temporary;
    OutputStream file;
    try {
      // A name of our own, created with the umask's permissions as any new file would be.
      temporary =
          directory.resolve(
              "."
                  + output.getFileName()
                  + "."
                  + Long.toHexString(ThreadLocalRandom.current().nextLong())
                  + ".partial");
      file =
          new BufferedOutputStream(
              Files.newOutputStream(
                  temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
              1 << 16);
    } catch (AccessDeniedException e) {
      throw new IOException(output + ": cannot write: permission denied in " + directory, e);
    } catch (NoSuchFileException e) {
      throw new IOException(output + ": cannot write: no such directory " + directory, e);
    }
    keepPermissionsOf(output, temporary);
    OutputFile opened = new OutputFile(output, temporary, compressing(output, file));
    opened.deleteOnSignal();
    return opened;
  }

  /** Gives the temporary file the permissions of the file it will replace, if there is one. */
  private static void keepPermissionsOf(Path existing, Path temporary) throws IOException {
    if (!Files.isRegularFile(existing)) {
      return;
    }
    try {
      Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(existing));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the new file keeps the default permissions.
    }
  }

  /** Deletes the temporary file when the process is stopped (SIGTERM, SIGINT) before commit. */
  private void deleteOnSignal() {
    cleanup =
        new Thread(
            () -> {
              try {
                Files.deleteIfExists(temporary);
              } catch (IOException e) {
                // The process is ending; nothing else can be done.
              }
            });
    Runtime.getRuntime().addShutdownHook(cleanup);
  }

  private void cancelCleanup() {
    if (cleanup == null) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException e) {
      // Shutdown has begun; the hook runs and finds the file already renamed or deleted.
    }
    cleanup = null;
  }

  OutputStream stream() {
    return stream;
  }

  /** Finishes the output; a file appears under its name only now. */
  void commit() throws IOException {
    if (target == null) {
      stream.flush();
      committed = true;
      return;
    }
    stream.close();
    Files.move(
        temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    committed = true;
    cancelCleanup();
  }

  @Override
  public void close() throws IOException {
    if (committed) {
      return;
    }
    if (target == null) {
      stream.flush();
      return;
    }
    try {
      stream.close();
    } catch (IOException e) {
      // The run already failed; its own error is the one to report.
    }
    Files.deleteIfExists(temporary);
    cancelCleanup();
  }

  private static OutputStream compressing(Path output, OutputStream file) throws IOException {
    String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      return new GzipCompressorOutputStream(file);
    }
    if (name.endsWith(".zst")) {
      return new ZstdCompressorOutputStream(file, 3);
    }
    if (name.endsWith(".xz")) {
      return new XZCompressorOutputStream(file);
    }
    if (name.endsWith(".bz2")) {
      return new BZip2CompressorOutputStream(file);
    }
    return file;
  }
}
