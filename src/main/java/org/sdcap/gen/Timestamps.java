package org.sdcap.gen;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Time formatting fixed to UTC and the root locale, so output never depends on the machine. */
final class Timestamps {

  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Timestamps() {}

  static String isoMillis(long epochMillis) {
    return ISO_MILLIS.format(Instant.ofEpochMilli(epochMillis));
  }

  /**
   * Formats like "Monday, January 12, 2026 at 09:00:00 UTC". Day and month names come from the enum
   * constants, not from locale data, which differs between JDK releases.
   */
  static String human(long epochMicros) {
    Instant instant = Instant.ofEpochMilli(Math.floorDiv(epochMicros, 1000));
    LocalDateTime time = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    return titleCase(time.getDayOfWeek().name())
        + ", "
        + titleCase(time.getMonth().name())
        + " "
        + time.getDayOfMonth()
        + ", "
        + time.getYear()
        + " at "
        + TIME.format(instant)
        + " UTC";
  }

  private static String titleCase(String upperCase) {
    return upperCase.charAt(0) + upperCase.substring(1).toLowerCase(Locale.ROOT);
  }

  static String date(long epochMicros) {
    return DATE.format(Instant.ofEpochMilli(Math.floorDiv(epochMicros, 1000)));
  }

  /**
   * Formats epoch microseconds as Python's {@code repr} of the float {@code time.time()} would
   * print them: whole seconds, a point, then the microseconds without trailing zeros (at least one
   * digit). Before 2^33 seconds (the year 2242) a double resolves 2^-20 seconds or finer, less than
   * a microsecond, so the shortest decimal that reads back as the same double is exactly this text.
   */
  static String pythonFloatSeconds(long epochMicros) {
    long seconds = Math.floorDiv(epochMicros, 1_000_000L);
    int micros = (int) Math.floorMod(epochMicros, 1_000_000L);
    StringBuilder text = new StringBuilder(20).append(seconds).append('.');
    String fraction = Integer.toString(1_000_000 + micros).substring(1);
    int end = fraction.length();
    while (end > 1 && fraction.charAt(end - 1) == '0') {
      end--;
    }
    return text.append(fraction, 0, end).toString();
  }
}
