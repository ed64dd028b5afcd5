package org.sdcap.input;

import java.io.IOException;
import java.util.List;

/** Reads several inputs as one stream, opening each only when the one before it has ended. */
final class ConcatenatedSource implements RecordSource {

  /** Opens one input path. */
  interface Opener {
    RecordSource open(String path) throws IOException;
  }

  private final List<String> paths;
  private final Opener opener;
  private int nextPath;
  private RecordSource current;

  ConcatenatedSource(List<String> paths, Opener opener) {
    this.paths = List.copyOf(paths);
    this.opener = opener;
  }

  @Override
  public InputItem next() throws IOException {
    while (true) {
      if (current == null) {
        if (nextPath == paths.size()) {
          return null;
        }
        current = opener.open(paths.get(nextPath++));
      }
      InputItem item = current.next();
      if (item != null) {
        return item;
      }
      current.close();
      current = null;
    }
  }

  @Override
  public void close() throws IOException {
    nextPath = paths.size();
    if (current != null) {
      RecordSource closing = current;
      current = null;
      closing.close();
    }
  }
}
