package org.sdcap.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.apache.commons.compress.compressors.CompressorInputStream;

/**
 * Decompresses a gzip file member by member, or a bzip2 file stream by stream, and checks the bytes
 * that follow the last member itself.
 *
 * <p>commons-compress 1.28 can read concatenated members on its own, but it reads the next member's
 * header inside the same {@code read} call that returns the end of the previous member. When that
 * header is zero padding or garbage, the call throws and the bytes it had decompressed are lost. So
 * each member is opened as a single-member decoder instead; at its end the gzip and bzip2 decoders
 * leave the compressed stream at the byte after the member (gzip rewinds its read-ahead with {@link
 * InputStream#reset}, bzip2 reads no further than the member's last byte). What follows is:
 *
 * <ul>
 *   <li>the format's magic number: the next member;
 *   <li>nothing: the end of the data;
 *   <li>only zero bytes: padding, reported as a warning and skipped;
 *   <li>anything else: reported as damage when the data ends, after every decompressed byte was
 *       delivered.
 * </ul>
 *
 * <p>Both decoders write their output into the caller's array and count it before they can fail in
 * the same call, so when a member is damaged or cut off the bytes decompressed in the failing call
 * are delivered first, and the failure is thrown by the next read.
 */
final class ConcatenatedMembersInputStream extends InputStream {

  /** Opens the decoder of one member that starts at the current position of its input. */
  interface MemberDecoder {
    CompressorInputStream open(InputStream in) throws IOException;
  }

  private static final int SCAN_BUFFER_BYTES = 8 << 10;

  private final CountingInputStream compressed;
  private final InputStream memberInput;
  private final Compression compression;
  private final String memberName;
  private final MemberDecoder decoder;
  private final Consumer<String> warnings;

  private CompressorInputStream member;
  private Exception failure;
  private boolean ended;

  /**
   * Opens the first member, reading its header.
   *
   * @param compressed supports mark and reset with a read limit of at least 8 KiB
   * @param memberName what the format calls a member: "member" for gzip, "stream" for bzip2
   * @param warnings receives a message for zero padding after the last member
   * @throws IOException when the first member's header is damaged
   */
  ConcatenatedMembersInputStream(
      CountingInputStream compressed,
      Compression compression,
      String memberName,
      MemberDecoder decoder,
      Consumer<String> warnings)
      throws IOException {
    this.compressed = compressed;
    this.memberInput = new CloseShield(compressed);
    this.compression = compression;
    this.memberName = memberName;
    this.decoder = decoder;
    this.warnings = warnings;
    this.member = decoder.open(memberInput);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int count = read(one, 0, 1);
    return count < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (failure != null) {
      throw rethrowable(failure);
    }
    while (!ended) {
      if (member == null && !openNextMemberOrFail()) {
        ended = true;
        break;
      }
      long before = member.getUncompressedCount();
      int count;
      try {
        count = member.read(target, offset, length);
      } catch (IOException | RuntimeException e) {
        failure = e;
        long delivered = member.getUncompressedCount() - before;
        if (delivered > 0) {
          return (int) delivered;
        }
        throw rethrowable(e);
      }
      if (count >= 0) {
        return count;
      }
      member.close();
      member = null;
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    ended = true;
    try {
      if (member != null) {
        member.close();
        member = null;
      }
    } finally {
      compressed.close();
    }
  }

  private boolean openNextMemberOrFail() throws IOException {
    try {
      return openNextMember();
    } catch (IOException | RuntimeException e) {
      failure = e;
      throw rethrowable(e);
    }
  }

  /**
   * Opens the member that starts at the current position, or returns false at the end of the data
   * after checking the bytes that are left.
   */
  private boolean openNextMember() throws IOException {
    byte[] magic = compression.magic();
    compressed.mark(magic.length);
    byte[] head = compressed.readNBytes(magic.length);
    compressed.reset();
    if (head.length == 0) {
      return false;
    }
    if (Compression.detect(head) == compression) {
      member = decoder.open(memberInput);
      return true;
    }
    checkTrailingBytes();
    return false;
  }

  /** Reads the bytes after the last member to the end, then reports them. */
  private void checkTrailingBytes() throws IOException {
    long start = compressed.offset();
    byte[] buffer = new byte[SCAN_BUFFER_BYTES];
    boolean allZero = true;
    int count;
    while ((count = compressed.read(buffer, 0, buffer.length)) >= 0) {
      allZero = allZero && isZero(buffer, count);
    }
    long trailing = compressed.offset() - start;
    String after = " after the last " + compression.displayName() + " " + memberName;
    if (allZero) {
      warnings.accept(trailing + " bytes of zero padding" + after + " are ignored");
      return;
    }
    throw new DamagedCompressedDataException(
        trailing
            + " bytes"
            + after
            + " at compressed offset "
            + start
            + " are not "
            + compression.displayName()
            + " data, so they are skipped; all data before them was read",
        null);
  }

  private static boolean isZero(byte[] buffer, int count) {
    for (int i = 0; i < count; i++) {
      if (buffer[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static IOException rethrowable(Exception e) {
    if (e instanceof RuntimeException runtime) {
      throw runtime;
    }
    return (IOException) e;
  }

  /** Keeps a member decoder's {@code close} from closing the compressed stream. */
  private static final class CloseShield extends FilterInputStream {
    CloseShield(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
