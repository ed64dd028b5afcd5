package org.sdcap.pcap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.sdcap.input.InputException;

/**
 * Reads pcapng: a sequence of blocks, each framed by its type and total length.
 *
 * <pre>
 * Every block                      Section header body          PcapngInterface description body
 *  0  block type          4         8  byte-order magic  4       8  link type   2
 *  4  block total length  4        12  version major     2      10  reserved    2
 *  8  body ...                     14  version minor     2      12  snap length 4
 *  L-4 block total length 4        16  section length    8      16  options ...
 *                                  24  options ...
 * Enhanced packet body             Simple packet body           Obsolete packet body
 *  8  interface id        4         8  original length   4       8  interface id 2
 * 12  timestamp high      4        12  packet bytes ...         10  drops count  2
 * 16  timestamp low       4                                     12  timestamp high, low 4+4
 * 20  captured length     4                                     20  captured length 4
 * 24  original length     4                                     24  original length 4
 * 28  packet bytes, padded to 4, then options                   28  packet bytes ...
 * </pre>
 *
 * <p>Each section header sets the byte order of its section and starts a new list of interfaces;
 * each interface has its own link type, snap length and timestamp unit ({@code if_tsresol}) and
 * offset ({@code if_tsoffset}). Blocks of other types are skipped by their length. Specification:
 * IETF draft-ietf-opsawg-pcapng.
 */
final class PcapngFileReader implements FrameReader {

  static final int SECTION_HEADER = 0x0A0D0D0A;
  static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
  private static final int INTERFACE_DESCRIPTION = 1;
  private static final int OBSOLETE_PACKET = 2;
  private static final int SIMPLE_PACKET = 3;
  private static final int NAME_RESOLUTION = 4;
  private static final int INTERFACE_STATISTICS = 5;
  private static final int ENHANCED_PACKET = 6;

  private static final int BLOCK_HEADER_LENGTH = 8;
  private static final int BLOCK_TRAILER_LENGTH = 4;
  private static final int MIN_BLOCK_LENGTH = BLOCK_HEADER_LENGTH + BLOCK_TRAILER_LENGTH;
  private static final int BODY = BLOCK_HEADER_LENGTH;

  private static final int SHB_MAGIC = BODY;
  private static final int SHB_VERSION_MAJOR = BODY + 4;
  private static final int SHB_OPTIONS = BODY + 16;

  private static final int IDB_LINK_TYPE = BODY;
  private static final int IDB_SNAP_LENGTH = BODY + 4;
  private static final int IDB_OPTIONS = BODY + 8;

  private static final int EPB_INTERFACE = BODY;
  private static final int EPB_TIME_HIGH = BODY + 4;
  private static final int EPB_TIME_LOW = BODY + 8;
  private static final int EPB_CAPTURED_LENGTH = BODY + 12;
  private static final int EPB_ORIGINAL_LENGTH = BODY + 16;
  private static final int EPB_DATA = BODY + 20;

  private static final int OPB_INTERFACE = BODY;
  private static final int OPB_TIME_HIGH = BODY + 4;
  private static final int OPB_TIME_LOW = BODY + 8;
  private static final int OPB_CAPTURED_LENGTH = BODY + 12;
  private static final int OPB_ORIGINAL_LENGTH = BODY + 16;
  private static final int OPB_DATA = BODY + 20;

  private static final int SPB_ORIGINAL_LENGTH = BODY;
  private static final int SPB_DATA = BODY + 4;

  /** Largest block accepted, the limit libpcap applies when reading pcapng. */
  static final int MAX_BLOCK_LENGTH = 16 << 20;

  private static final long RESYNC_WINDOW = 64L << 20;

  private final CaptureInput input;
  private final CaptureReport report;
  private final List<PcapngInterface> interfaces = new ArrayList<>();
  private boolean bigEndian;
  private long packetNumber;
  private int sectionNumber;

  private PcapngFileReader(CaptureInput input, CaptureReport report) {
    this.input = input;
    this.report = report;
  }

  static PcapngFileReader open(CaptureInput input, CaptureReport report) {
    return new PcapngFileReader(input, report);
  }

  @Override
  public boolean next(Frame frame) throws IOException {
    while (true) {
      long offset = input.offset();
      int available = input.fill(BLOCK_HEADER_LENGTH + 4);
      if (available == 0) {
        return false;
      }
      byte[] b = input.buffer();
      int p = input.position();
      if (available >= 4 && (int) Bytes.u32be(b, p) == SECTION_HEADER) {
        if (available < BLOCK_HEADER_LENGTH + 4) {
          reportTruncated(offset, BLOCK_HEADER_LENGTH + 4, available);
          return false;
        }
        bigEndian = (int) Bytes.u32be(b, p + SHB_MAGIC) == BYTE_ORDER_MAGIC;
        if (!bigEndian && (int) Bytes.u32le(b, p + SHB_MAGIC) != BYTE_ORDER_MAGIC) {
          report.damaged(
              packetNumber + 1,
              offset,
              "invalid block",
              "invalid pcapng section header: byte-order magic is neither 1a2b3c4d nor 4d3c2b1a;"
                  + " looking for the next valid block");
          if (!resynchronize()) {
            return false;
          }
          continue;
        }
      }
      if (available < BLOCK_HEADER_LENGTH) {
        reportTruncated(offset, BLOCK_HEADER_LENGTH, available);
        return false;
      }
      int type = (int) Bytes.u32(b, p, bigEndian);
      long length = Bytes.u32(b, p + 4, bigEndian);
      if (length < MIN_BLOCK_LENGTH || length % 4 != 0 || length > MAX_BLOCK_LENGTH) {
        report.damaged(
            isPacketBlock(type) ? packetNumber + 1 : 0,
            offset,
            "invalid block",
            "invalid pcapng block length "
                + length
                + " (block type 0x"
                + Integer.toHexString(type)
                + "): expected a multiple of 4 from "
                + MIN_BLOCK_LENGTH
                + " to "
                + MAX_BLOCK_LENGTH
                + "; looking for the next valid block");
        if (!resynchronize()) {
          return false;
        }
        continue;
      }
      boolean isPacket = isPacketBlock(type);
      if (isPacket) {
        packetNumber++;
      }
      available = input.fill((int) length);
      if (available < length) {
        reportTruncated(offset, length, available);
        return false;
      }
      b = input.buffer();
      p = input.position();
      if (Bytes.u32(b, p + (int) length - BLOCK_TRAILER_LENGTH, bigEndian) != length) {
        report.damaged(
            isPacket ? packetNumber : 0,
            offset,
            "invalid block",
            "invalid pcapng block: the trailing length "
                + Bytes.u32(b, p + (int) length - BLOCK_TRAILER_LENGTH, bigEndian)
                + " differs from the leading length "
                + length
                + "; looking for the next valid block");
        if (!resynchronize()) {
          return false;
        }
        continue;
      }
      boolean delivered = readBlock(type, (int) length, offset, frame);
      input.consume((int) length);
      if (delivered) {
        return true;
      }
    }
  }

  private static boolean isPacketBlock(int type) {
    return type == ENHANCED_PACKET || type == SIMPLE_PACKET || type == OBSOLETE_PACKET;
  }

  /** Interprets one complete block; returns true when it filled {@code frame}. */
  private boolean readBlock(int type, int length, long offset, Frame frame) throws IOException {
    byte[] b = input.buffer();
    int p = input.position();
    switch (type) {
      case SECTION_HEADER -> {
        sectionNumber++;
        interfaces.clear();
        int major = Bytes.u16(b, p + SHB_VERSION_MAJOR, bigEndian);
        if (major != 1) {
          report.damaged(
              0,
              offset,
              "section version",
              "pcapng section "
                  + sectionNumber
                  + " has version "
                  + major
                  + ", expected 1;"
                  + " reading it as version 1");
        }
        return false;
      }
      case INTERFACE_DESCRIPTION -> {
        readInterface(b, p, length, offset);
        return false;
      }
      case ENHANCED_PACKET -> {
        return readPacket(
            frame,
            offset,
            length,
            (int) Bytes.u32(b, p + EPB_INTERFACE, bigEndian),
            Bytes.u32(b, p + EPB_TIME_HIGH, bigEndian),
            Bytes.u32(b, p + EPB_TIME_LOW, bigEndian),
            Bytes.u32(b, p + EPB_CAPTURED_LENGTH, bigEndian),
            Bytes.u32(b, p + EPB_ORIGINAL_LENGTH, bigEndian),
            EPB_DATA);
      }
      case OBSOLETE_PACKET -> {
        return readPacket(
            frame,
            offset,
            length,
            Bytes.u16(b, p + OPB_INTERFACE, bigEndian),
            Bytes.u32(b, p + OPB_TIME_HIGH, bigEndian),
            Bytes.u32(b, p + OPB_TIME_LOW, bigEndian),
            Bytes.u32(b, p + OPB_CAPTURED_LENGTH, bigEndian),
            Bytes.u32(b, p + OPB_ORIGINAL_LENGTH, bigEndian),
            OPB_DATA);
      }
      case SIMPLE_PACKET -> {
        return readSimplePacket(frame, offset, length);
      }
      default -> {
        // Name resolution, statistics, custom and unknown blocks carry no packets.
        return false;
      }
    }
  }

  private void readInterface(byte[] b, int p, int length, long offset) throws InputException {
    int interfaceId = interfaces.size();
    if (length < IDB_OPTIONS + BLOCK_TRAILER_LENGTH) {
      report.damaged(
          0,
          offset,
          "invalid block",
          "invalid pcapng interface description of "
              + length
              + " bytes; interface "
              + interfaceId
              + " is ignored");
      interfaces.add(PcapngInterface.unreadable());
      return;
    }

    int linkType = Bytes.u16(b, p + IDB_LINK_TYPE, bigEndian);
    long snapLength = Bytes.u32(b, p + IDB_SNAP_LENGTH, bigEndian);
    int optionsEnd = p + length - BLOCK_TRAILER_LENGTH;
    PcapngInterface description =
        PcapngInterface.parse(linkType, snapLength, b, p + IDB_OPTIONS, optionsEnd, bigEndian);

    if (!description.decoded()) {
      LinkLayer.checkKnown(linkType, report.at(0, offset));
      report.warning(
          0,
          offset,
          "interface not decoded",
          "interface "
              + interfaceId
              + " of section "
              + sectionNumber
              + " has link type "
              + LinkLayer.describe(linkType)
              + ", which sdcap does not decode; its packets are skipped");
    }
    if (!description.usableResolution()) {
      report.damaged(
          0,
          offset,
          "invalid block",
          "interface "
              + interfaceId
              + " has an unusable timestamp resolution (if_tsresol "
              + description.unitExponent()
              + "); microseconds are assumed");
      description = description.withMicroseconds();
    }
    interfaces.add(description);
  }

  private boolean readPacket(
      Frame frame,
      long offset,
      int length,
      int interfaceId,
      long timeHigh,
      long timeLow,
      long capturedLength,
      long originalLength,
      int dataOffset) {
    if (interfaceId < 0 || interfaceId >= interfaces.size()) {
      report.damaged(
          packetNumber,
          offset,
          "unknown interface",
          "packet refers to interface "
              + interfaceId
              + ", but section "
              + sectionNumber
              + " describes "
              + interfaces.size()
              + "; the packet is skipped");
      return false;
    }
    PcapngInterface description = interfaces.get(interfaceId);
    long room = length - dataOffset - BLOCK_TRAILER_LENGTH;
    if (capturedLength > room) {
      report.damaged(
          packetNumber,
          offset,
          "invalid record length",
          "invalid packet block: captured length "
              + capturedLength
              + " does not fit in a block of "
              + length
              + " bytes; the packet is skipped");
      return false;
    }
    if (!description.decoded()) {
      return false;
    }
    long ticks = (timeHigh << 32) | timeLow;
    fillFrame(
        frame,
        offset,
        interfaceId,
        description,
        ticks,
        dataOffset,
        (int) capturedLength,
        originalLength);
    return true;
  }

  private boolean readSimplePacket(Frame frame, long offset, int length) {
    if (interfaces.isEmpty()) {
      report.damaged(
          packetNumber,
          offset,
          "unknown interface",
          "simple packet block before any interface description; the packet is skipped");
      return false;
    }
    PcapngInterface description = interfaces.get(0);
    long originalLength =
        Bytes.u32(input.buffer(), input.position() + SPB_ORIGINAL_LENGTH, bigEndian);
    long room = length - SPB_DATA - BLOCK_TRAILER_LENGTH;
    long captured = Math.min(originalLength, room);
    if (description.snapLength() > 0) {
      captured = Math.min(captured, description.snapLength());
    }
    if (!description.decoded()) {
      return false;
    }
    // A simple packet block has no timestamp; the time stays at 0.
    fillFrame(frame, offset, 0, description, 0, SPB_DATA, (int) captured, originalLength);
    frame.timeNanos = 0;
    return true;
  }

  private void fillFrame(
      Frame frame,
      long offset,
      int interfaceId,
      PcapngInterface description,
      long ticks,
      int dataOffset,
      int capturedLength,
      long originalLength) {
    frame.number = packetNumber;
    frame.byteOffset = offset;
    frame.linkType = description.linkType();
    frame.interfaceId = interfaceId;
    frame.data = input.buffer();
    frame.dataOffset = input.position() + dataOffset;
    frame.capturedLength = capturedLength;
    frame.originalLength = originalLength;
    frame.fcsLength = description.fcsLength();
    frame.timeNanos = description.timeNanos(ticks);
    frame.timeDigits = description.timeDigits();
  }

  private void reportTruncated(long offset, long expected, int available) {
    report.damaged(
        packetNumber + 1,
        offset,
        "truncated file",
        "truncated pcapng block: expected "
            + expected
            + " bytes, the file ends after "
            + available);
  }

  /**
   * Skips forward in steps of 4 bytes to the next block whose leading and trailing lengths agree.
   */
  private boolean resynchronize() throws IOException {
    long startOffset = input.offset();
    long skipped = 0;
    while (skipped < RESYNC_WINDOW) {
      int step = Math.min(4, input.available());
      if (step == 0) {
        break;
      }
      input.consume(step);
      skipped += step;
      int available = input.fill(BLOCK_HEADER_LENGTH);
      if (available < BLOCK_HEADER_LENGTH) {
        break;
      }
      byte[] b = input.buffer();
      int p = input.position();
      int type = (int) Bytes.u32(b, p, bigEndian);
      long length = Bytes.u32(b, p + 4, bigEndian);
      boolean knownType =
          type == SECTION_HEADER
              || type == INTERFACE_DESCRIPTION
              || type == ENHANCED_PACKET
              || type == SIMPLE_PACKET
              || type == OBSOLETE_PACKET
              || type == NAME_RESOLUTION
              || type == INTERFACE_STATISTICS;
      if (!knownType || length < MIN_BLOCK_LENGTH || length % 4 != 0 || length > MAX_BLOCK_LENGTH) {
        continue;
      }
      available = input.fill((int) length);
      b = input.buffer();
      p = input.position();
      if (available >= length
          && Bytes.u32(b, p + (int) length - BLOCK_TRAILER_LENGTH, bigEndian) == length) {
        report.damaged(
            packetNumber + 1,
            startOffset,
            "resynchronized",
            "skipped " + skipped + " bytes to the next valid pcapng block");
        return true;
      }
    }
    report.damaged(
        packetNumber + 1,
        startOffset,
        "resynchronized",
        "no valid pcapng block found in the next "
            + skipped
            + " bytes; the rest of the file is not read");
    return false;
  }
}
