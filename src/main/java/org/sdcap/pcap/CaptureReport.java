package org.sdcap.pcap;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sdcap.input.Diagnostics;
import org.sdcap.input.SourcePosition;

/**
 * Sends a capture's messages to {@link Diagnostics} with the file name and packet position, and
 * limits repeats: the first {@value #REPEATS_SHOWN} messages of each kind are sent, later ones are
 * counted and summarised by {@link #finish()}.
 */
final class CaptureReport {

  static final int REPEATS_SHOWN = 10;

  private final String fileName;
  private final Diagnostics diagnostics;
  private final Map<String, Integer> counts = new LinkedHashMap<>();
  private final Map<String, Boolean> kindIsDamage = new HashMap<>();

  CaptureReport(String fileName, Diagnostics diagnostics) {
    this.fileName = fileName;
    this.diagnostics = diagnostics;
  }

  String fileName() {
    return fileName;
  }

  SourcePosition at(long packet, long byteOffset) {
    return SourcePosition.ofPacket(fileName, packet, byteOffset);
  }

  /**
   * Reports damage of one kind at a packet. {@code kind} is a short phrase such as "conflicting
   * overlap" used to count repeats.
   */
  void damaged(long packet, long byteOffset, String kind, String message) {
    if (count(kind, true) <= REPEATS_SHOWN) {
      diagnostics.damaged(at(packet, byteOffset), message);
    }
  }

  void warning(long packet, long byteOffset, String kind, String message) {
    if (count(kind, false) <= REPEATS_SHOWN) {
      diagnostics.warning(at(packet, byteOffset), message);
    }
  }

  /** Reports how many messages of each kind were not shown. */
  void finish() {
    counts.forEach(
        (kind, count) -> {
          if (count > REPEATS_SHOWN) {
            String message =
                count
                    + " "
                    + kind
                    + " messages in total, "
                    + (count - REPEATS_SHOWN)
                    + " not shown";
            if (kindIsDamage.get(kind)) {
              diagnostics.damaged(SourcePosition.ofFile(fileName), message);
            } else {
              diagnostics.warning(SourcePosition.ofFile(fileName), message);
            }
          }
        });
  }

  private int count(String kind, boolean isDamage) {
    kindIsDamage.putIfAbsent(kind, isDamage);
    return counts.merge(kind, 1, Integer::sum);
  }
}
