package org.sdcap.delta;

/** A delta that does not fit its parent: a damaged or hand-edited v2 record. */
public class DeltaException extends Exception {

  public DeltaException(String message) {
    super(message);
  }
}
