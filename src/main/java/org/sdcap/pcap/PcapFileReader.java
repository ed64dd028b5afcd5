package org.sdcap.pcap;

import java.io.IOException;

/**
 * Reads the classic libpcap format: a 24-byte file header, then one 16-byte record header per
 * packet followed by the captured bytes.
 *
 * <pre>
 * File header                          Record header
 *  0  magic          4                  0  seconds                 4
 *  4  version major  2                  4  microseconds or nanos   4
 *  6  version minor  2                  8  captured length         4
 *  8  thiszone       4                 12  original length         4
 * 12  sigfigs        4                 16  captured bytes ...
 * 16  snap length    4
 * 20  link type      4  (bits 0-15 type, bit 26 FCS present, bits 28-31 FCS length in 16-bit words)
 * </pre>
 *
 * <p>The magic, written in the byte order of the capturing machine, also gives the time unit:
 * {@code a1b2c3d4} microseconds, {@code a1b23c4d} nanoseconds. Kuznetsov's modified format ({@code
 * a1b2cd34}) has 8 more bytes in each record header, which are skipped.
 */
final class PcapFileReader implements FrameReader {

  static final int MAGIC_MICROS = 0xa1b2c3d4;
  static final int MAGIC_NANOS = 0xa1b23c4d;
  static final int MAGIC_MODIFIED = 0xa1b2cd34;

  static final int FILE_HEADER_LENGTH = 24;
  private static final int SNAP_LENGTH_OFFSET = 16;
  private static final int LINK_TYPE_OFFSET = 20;

  private static final int RECORD_HEADER_LENGTH = 16;
  private static final int MODIFIED_RECORD_HEADER_LENGTH = RECORD_HEADER_LENGTH + 8;
  private static final int SECONDS_OFFSET = 0;
  private static final int FRACTION_OFFSET = 4;
  private static final int CAPTURED_LENGTH_OFFSET = 8;
  private static final int ORIGINAL_LENGTH_OFFSET = 12;

  /** Largest captured length accepted, libpcap's maximum snap length. */
  static final int MAX_RECORD_LENGTH = 262_144;

  /** How far resynchronization looks for the next sound record after a damaged one. */
  private static final long RESYNC_WINDOW = 64L << 20;

  private static final long SECONDS_PER_DAY = 86_400;

  private final CaptureInput input;
  private final CaptureReport report;
  private final boolean bigEndian;
  private final boolean nanos;
  private final int recordHeaderLength;
  private final long snapLength;
  private final int linkType;
  private final int fcsLength;
  private long packetNumber;
  private long lastSeconds = -1;
  private boolean oversizeReported;

  private PcapFileReader(
      CaptureInput input,
      CaptureReport report,
      boolean bigEndian,
      int magic,
      long snapLength,
      long linkTypeField) {
    this.input = input;
    this.report = report;
    this.bigEndian = bigEndian;
    this.nanos = magic == MAGIC_NANOS;
    this.recordHeaderLength =
        magic == MAGIC_MODIFIED ? MODIFIED_RECORD_HEADER_LENGTH : RECORD_HEADER_LENGTH;
    this.snapLength = snapLength;
    this.linkType = (int) (linkTypeField & 0xFFFF);
    boolean fcsPresent = (linkTypeField & (1L << 26)) != 0;
    this.fcsLength = fcsPresent ? (int) ((linkTypeField >>> 28) & 0xF) * 2 : 0;
  }

  /**
   * Reads the file header and returns a reader positioned at the first record, or null when the
   * file ends inside its header (reported as damage).
   */
  static PcapFileReader open(CaptureInput input, CaptureReport report) throws IOException {
    int available = input.fill(FILE_HEADER_LENGTH);
    byte[] b = input.buffer();
    int p = input.position();
    int magicBigEndian = (int) Bytes.u32be(b, p);
    int magicLittleEndian = (int) Bytes.u32le(b, p);
    boolean bigEndian = isMagic(magicBigEndian);
    int magic = bigEndian ? magicBigEndian : magicLittleEndian;
    if (available < FILE_HEADER_LENGTH) {
      report.damaged(
          0,
          0,
          "truncated file",
          "truncated pcap file header: the file ends after "
              + available
              + " of "
              + FILE_HEADER_LENGTH
              + " bytes; no packets to read");
      return null;
    }
    long snapLength = Bytes.u32(b, p + SNAP_LENGTH_OFFSET, bigEndian);
    long linkTypeField = Bytes.u32(b, p + LINK_TYPE_OFFSET, bigEndian);
    int linkType = (int) (linkTypeField & 0xFFFF);
    LinkLayer.checkSupported(linkType, report.at(0, LINK_TYPE_OFFSET));
    input.consume(FILE_HEADER_LENGTH);
    return new PcapFileReader(input, report, bigEndian, magic, snapLength, linkTypeField);
  }

  static boolean isMagic(int magic) {
    return magic == MAGIC_MICROS || magic == MAGIC_NANOS || magic == MAGIC_MODIFIED;
  }

  @Override
  public boolean next(Frame frame) throws IOException {
    while (true) {
      long offset = input.offset();
      int available = input.fill(recordHeaderLength);
      if (available == 0) {
        return false;
      }
      packetNumber++;
      if (available < recordHeaderLength) {
        reportTruncated(offset, recordHeaderLength, available);
        return false;
      }
      byte[] b = input.buffer();
      int p = input.position();
      long capturedLength = Bytes.u32(b, p + CAPTURED_LENGTH_OFFSET, bigEndian);
      long originalLength = Bytes.u32(b, p + ORIGINAL_LENGTH_OFFSET, bigEndian);
      if (capturedLength > MAX_RECORD_LENGTH) {
        report.damaged(
            packetNumber,
            offset,
            "invalid record length",
            "invalid packet record: captured length "
                + capturedLength
                + " is beyond the maximum of "
                + MAX_RECORD_LENGTH
                + " bytes (snap length "
                + snapLength
                + "); looking for the next valid record");
        if (!resynchronize()) {
          return false;
        }
        continue;
      }
      if (capturedLength > snapLength && snapLength > 0 && !oversizeReported) {
        oversizeReported = true;
        report.damaged(
            packetNumber,
            offset,
            "record beyond snap length",
            "packet record with captured length "
                + capturedLength
                + " is beyond the file's snap length "
                + snapLength
                + "; its bytes are used as recorded");
      }
      int recordLength = recordHeaderLength + (int) capturedLength;
      available = input.fill(recordLength);
      if (available < recordLength) {
        reportTruncated(offset, recordLength, available);
        return false;
      }
      b = input.buffer();
      p = input.position();
      long seconds = Bytes.u32(b, p + SECONDS_OFFSET, bigEndian);
      long fraction = Bytes.u32(b, p + FRACTION_OFFSET, bigEndian);
      lastSeconds = seconds;
      frame.number = packetNumber;
      frame.byteOffset = offset;
      frame.linkType = linkType;
      frame.timeNanos = seconds * 1_000_000_000L + (nanos ? fraction : fraction * 1_000);
      frame.timeDigits = nanos ? 9 : 6;
      frame.data = b;
      frame.dataOffset = p + recordHeaderLength;
      frame.capturedLength = (int) capturedLength;
      frame.originalLength = originalLength;
      frame.fcsLength = fcsLength;
      frame.interfaceId = 0;
      input.consume(recordLength);
      return true;
    }
  }

  private void reportTruncated(long offset, int expected, int available) {
    report.damaged(
        packetNumber,
        offset,
        "truncated file",
        "truncated packet record: expected "
            + expected
            + " bytes, the file ends after "
            + available);
  }

  /**
   * Skips forward to the next offset where a record header and the one after it look sound.
   *
   * @return false when none was found within {@link #RESYNC_WINDOW} bytes (reported as damage)
   */
  private boolean resynchronize() throws IOException {
    long startOffset = input.offset();
    long skipped = 0;
    while (skipped < RESYNC_WINDOW) {
      input.consume(1);
      skipped++;
      int available = input.fill(recordHeaderLength + MAX_RECORD_LENGTH + recordHeaderLength);
      if (available < recordHeaderLength) {
        break;
      }
      long length = plausibleRecordLength(input.position(), available);
      if (length < 0) {
        continue;
      }
      long next = recordHeaderLength + length;
      if (next == available
          || plausibleRecordLength(input.position() + (int) next, available - next) >= 0) {
        report.damaged(
            packetNumber,
            startOffset,
            "resynchronized",
            "skipped " + skipped + " bytes to the next valid packet record");
        return true;
      }
    }
    report.damaged(
        packetNumber,
        startOffset,
        "resynchronized",
        "no valid packet record found in the next "
            + skipped
            + " bytes; the rest of the file is not read");
    return false;
  }

  /** Returns the captured length of a sound record header at {@code p}, or -1. */
  private long plausibleRecordLength(int p, long available) {
    if (available < recordHeaderLength) {
      return -1;
    }
    byte[] b = input.buffer();
    long seconds = Bytes.u32(b, p + SECONDS_OFFSET, bigEndian);
    long fraction = Bytes.u32(b, p + FRACTION_OFFSET, bigEndian);
    long captured = Bytes.u32(b, p + CAPTURED_LENGTH_OFFSET, bigEndian);
    long original = Bytes.u32(b, p + ORIGINAL_LENGTH_OFFSET, bigEndian);
    boolean timeSound = lastSeconds < 0 || Math.abs(seconds - lastSeconds) <= SECONDS_PER_DAY;
    boolean fractionSound = fraction < (nanos ? 1_000_000_000L : 1_000_000L);
    boolean lengthSound =
        captured <= MAX_RECORD_LENGTH
            && (snapLength == 0 || captured <= snapLength)
            && captured <= original
            && original <= MAX_RECORD_LENGTH * 4L
            && recordHeaderLength + captured <= available;
    return timeSound && fractionSound && lengthSound ? captured : -1;
  }
}
