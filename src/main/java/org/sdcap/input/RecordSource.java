package org.sdcap.input;

import java.io.Closeable;
import java.io.IOException;

/** A stream of input items in input order. Not thread-safe. */
public interface RecordSource extends Closeable {

  /** Returns the next item, or null at the end of the input. */
  InputItem next() throws IOException;
}
