package org.sdcap.v2;

/** A line that is not a well-formed v2 record. */
public class V2FormatException extends Exception {

  public V2FormatException(String message) {
    super(message);
  }
}
