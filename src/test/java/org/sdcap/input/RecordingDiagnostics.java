package org.sdcap.input;

import java.util.ArrayList;
import java.util.List;

/** Keeps every report as {@code "damaged FILE:LINE: message"} or {@code "warning ..."}. */
final class RecordingDiagnostics implements Diagnostics {

  final List<String> reports = new ArrayList<>();

  @Override
  public void damaged(SourcePosition where, String message) {
    reports.add("damaged " + where + ": " + message);
  }

  @Override
  public void warning(SourcePosition where, String message) {
    reports.add("warning " + where + ": " + message);
  }
}
