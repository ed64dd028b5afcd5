package org.sdcap.input;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a directory of raw request body dumps, one body per file named {@code
 * req_<seq>_<epoch_ms>.json}, in order of {@code seq} as a number (ties by file name).
 *
 * <p>Each file becomes a record with the fields {@code ts} (epoch_ms / 1000 as an exact decimal
 * JSON number, for example {@code 1700000000.123}) and {@code dump_file} (the file name), and the
 * file's bytes as a {@link BodyForm#DUMP} body, whatever they are. Files with other names and
 * subdirectories are skipped with a warning. A file that cannot be read is reported as damaged and
 * skipped. Only the file names are held in memory; files are read one at a time.
 */
public final class DumpDirectoryReader implements RecordSource {

  private static final Pattern DUMP_NAME = Pattern.compile("req_([0-9]+)_([0-9]+)\\.json");

  private record DumpFile(String name, BigInteger seq, String epochMillis) {}

  private final Path directory;
  private final String displayName;
  private final int maxFileBytes;
  private final Diagnostics diagnostics;
  private final List<DumpFile> files;
  private int next;

  private DumpDirectoryReader(
      Path directory,
      String displayName,
      int maxFileBytes,
      Diagnostics diagnostics,
      List<DumpFile> files) {
    this.directory = directory;
    this.displayName = displayName;
    this.maxFileBytes = maxFileBytes;
    this.diagnostics = diagnostics;
    this.files = files;
  }

  /**
   * Lists the directory and reports the entries that will be skipped.
   *
   * @param displayName the directory as the user named it, used in positions and messages
   * @param maxFileBytes the largest dump file accepted
   * @throws InputException when the directory cannot be listed
   */
  public static DumpDirectoryReader open(
      Path directory, String displayName, int maxFileBytes, Diagnostics diagnostics)
      throws InputException {
    List<String> names = listNames(directory, displayName);
    names.sort(Comparator.naturalOrder());
    List<DumpFile> files = new ArrayList<>();
    for (String name : names) {
      Matcher matcher = DUMP_NAME.matcher(name);
      SourcePosition position = SourcePosition.ofFile(child(displayName, name));
      if (Files.isDirectory(directory.resolve(name))) {
        diagnostics.warning(position, "skipped: a subdirectory in a dump directory");
      } else if (!matcher.matches()) {
        diagnostics.warning(position, "skipped: the name does not match req_<seq>_<epoch_ms>.json");
      } else {
        files.add(new DumpFile(name, new BigInteger(matcher.group(1)), matcher.group(2)));
      }
    }
    files.sort(Comparator.comparing(DumpFile::seq).thenComparing(DumpFile::name));
    return new DumpDirectoryReader(directory, displayName, maxFileBytes, diagnostics, files);
  }

  @Override
  public InputItem next() throws IOException {
    while (next < files.size()) {
      DumpFile file = files.get(next++);
      SourcePosition position = SourcePosition.ofFile(child(displayName, file.name()));
      byte[] body = readBody(directory.resolve(file.name()), position);
      if (body != null) {
        List<Field> fields =
            List.of(
                Field.ofNumberText("ts", epochMillisToSeconds(file.epochMillis())),
                Field.ofString("dump_file", file.name()));
        return new InputRecord(position, fields, RequestBody.whole(body, BodyForm.DUMP, null, -1));
      }
    }
    return null;
  }

  @Override
  public void close() {
    next = files.size();
  }

  /**
   * Writes a count of milliseconds as exact decimal seconds: {@code 1700000000123} to
   * 1700000000.123.
   */
  static String epochMillisToSeconds(String millis) {
    String digits = millis.replaceFirst("^0+(?=.)", "");
    if (digits.length() <= 3) {
      return "0." + "0".repeat(3 - digits.length()) + digits;
    }
    int point = digits.length() - 3;
    return digits.substring(0, point) + "." + digits.substring(point);
  }

  /**
   * Reads a dump file, or reports it as damaged and returns null when it cannot be read (a dangling
   * symbolic link, a file without read permission, a file deleted after it was listed).
   *
   * @throws InputException when the file is larger than the maximum
   */
  private byte[] readBody(Path file, SourcePosition position) throws InputException {
    try (InputStream in = Files.newInputStream(file)) {
      // Read one byte past the maximum to notice a file that grew after it was listed.
      byte[] body = in.readNBytes(maxFileBytes + 1);
      if (body.length > maxFileBytes) {
        throw new InputException(
            position,
            "dump file is larger than the maximum of "
                + InputSizes.describe(maxFileBytes)
                + ". Raise the limit with --max-line-bytes (up to "
                + InputOptions.MAX_LINE_BYTES_LIMIT
                + " bytes).");
      }
      return body;
    } catch (InputException e) {
      throw e;
    } catch (IOException e) {
      diagnostics.damaged(position, unreadableReason(file, e) + ", so its body is lost");
      return null;
    }
  }

  private static String unreadableReason(Path file, IOException e) {
    if (e instanceof NoSuchFileException && Files.isSymbolicLink(file)) {
      return "dump file is a symbolic link to a missing file";
    }
    return "cannot read dump file: " + OsErrors.reason(e);
  }

  private static List<String> listNames(Path directory, String displayName) throws InputException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        names.add(entry.getFileName().toString());
      }
    } catch (IOException e) {
      throw new InputException(
          SourcePosition.ofFile(displayName), "cannot list directory: " + OsErrors.reason(e), e);
    }
    return names;
  }

  private static String child(String directory, String name) {
    return directory.endsWith("/") ? directory + name : directory + "/" + name;
  }
}
