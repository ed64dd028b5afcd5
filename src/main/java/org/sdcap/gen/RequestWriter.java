package org.sdcap.gen;

import java.io.Closeable;
import java.io.IOException;

/** Writes generated requests in one input format. Not thread-safe. */
public interface RequestWriter extends Closeable {

  void write(GeneratedRequest request) throws IOException;

  /** Returns the bytes written so far, before any compression by the caller's stream. */
  long bytesWritten();
}
