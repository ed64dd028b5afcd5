package org.sdcap.cli;

import java.util.Locale;
import picocli.CommandLine;

/** Converters for sizes ({@code 256M}) and durations ({@code 30m}) given on the command line. */
final class Sizes {

  private Sizes() {}

  /** Parses a byte count with an optional K, M, G or T suffix (powers of 1024; KiB and KB too). */
  static final class ByteSize implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      String text = value.trim().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
      long multiplier = 1;
      if (!text.isEmpty()) {
        char unit = text.charAt(text.length() - 1);
        int shift =
            switch (unit) {
              case 'K' -> 10;
              case 'M' -> 20;
              case 'G' -> 30;
              case 'T' -> 40;
              default -> 0;
            };
        if (shift > 0) {
          multiplier = 1L << shift;
          text = text.substring(0, text.length() - 1);
        }
      }
      try {
        long number = Long.parseLong(text.trim());
        if (number < 0 || number > Long.MAX_VALUE / multiplier) {
          throw new NumberFormatException();
        }
        return number * multiplier;
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a size; use a byte count such as 268435456, 256M or 1G");
      }
    }
  }

  /** Parses a duration in seconds, with an optional s, m, h or d suffix. */
  static final class Duration implements CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      String text = value.trim().toLowerCase(Locale.ROOT);
      double multiplier = 1;
      if (!text.isEmpty()) {
        switch (text.charAt(text.length() - 1)) {
          case 's' -> text = text.substring(0, text.length() - 1);
          case 'm' -> {
            multiplier = 60;
            text = text.substring(0, text.length() - 1);
          }
          case 'h' -> {
            multiplier = 3600;
            text = text.substring(0, text.length() - 1);
          }
          case 'd' -> {
            multiplier = 86400;
            text = text.substring(0, text.length() - 1);
          }
          default -> {}
        }
      }
      try {
        double number = Double.parseDouble(text.trim());
        if (!(number >= 0) || Double.isInfinite(number)) {
          throw new NumberFormatException();
        }
        return number * multiplier;
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a duration; use seconds or a suffix: 90s, 30m, 1h, 2d");
      }
    }
  }
}
