package org.sdcap.encode;

/** Counts of one encoding run, for the summary line. */
public final class EncodeStats {

  long records;
  long sessions;
  long roots;
  long deltas;
  long badLines;
  long bodyBytes;
  long evictions;

  public long records() {
    return records;
  }

  public long sessions() {
    return sessions;
  }

  public long roots() {
    return roots;
  }

  public long deltas() {
    return deltas;
  }

  public long badLines() {
    return badLines;
  }

  public long bodyBytes() {
    return bodyBytes;
  }

  public long evictions() {
    return evictions;
  }
}
