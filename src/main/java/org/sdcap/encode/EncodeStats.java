package org.sdcap.encode;

/** Counts of one encoding run, for the summary line. */
public final class EncodeStats {

  long records;
  long sessions;
  long roots;
  long badLines;

  public long records() {
    return records;
  }

  public long sessions() {
    return sessions;
  }

  public long roots() {
    return roots;
  }

  public long badLines() {
    return badLines;
  }
}
