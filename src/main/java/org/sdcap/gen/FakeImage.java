package org.sdcap.gen;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * Makes PNG-shaped bytes as a data URL: a real signature and chunk layout with valid CRCs, but
 * random (so incompressible, like real image data) IDAT content that no decoder would accept.
 */
final class FakeImage {

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private FakeImage() {}

  /** Returns {@code data:image/png;base64,...} for about {@code bytes} bytes of image. */
  static String dataUrl(Rng rng, int bytes) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(rng, bytes));
  }

  static byte[] png(Rng rng, int bytes) {
    byte[] pixels = new byte[Math.max(16, bytes - 57)];
    rng.nextBytes(pixels);
    ByteBuffer header = ByteBuffer.allocate(13);
    header.putInt(rng.between(320, 1920)).putInt(rng.between(240, 1080));
    header.put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);

    ByteBuffer png = ByteBuffer.allocate(SIGNATURE.length + 3 * 12 + 13 + pixels.length);
    png.put(SIGNATURE);
    putChunk(png, "IHDR", header.array());
    putChunk(png, "IDAT", pixels);
    putChunk(png, "IEND", new byte[0]);
    return png.array();
  }

  // A chunk is length (4 bytes, big-endian), type (4), data, CRC-32 of type and data (4).
  private static void putChunk(ByteBuffer png, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    png.putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
  }
}
