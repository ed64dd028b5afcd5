package org.sdcap.v2;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sdcap.delta.TextUnits;

/**
 * Rebuilt bodies that later records may name as parents, in least-recently-used order within a byte
 * budget.
 *
 * <p>The encoder adds each body and marks a parent used only when a written record names it, so
 * replaying adds and uses in file order gives the encoder's recency order. Because this store
 * counts only body bytes while the encoder also counts its indexes, a budget at least as large as
 * the encoder's keeps every body the encoder could still name.
 */
final class BodyStore {

  private final long budgetBytes;
  private long usedBytes;
  private final LinkedHashMap<String, TextUnits> bodies = new LinkedHashMap<>(64, 0.75f, true);

  BodyStore(long budgetBytes) {
    this.budgetBytes = budgetBytes;
  }

  TextUnits get(String sessionKey, long seq) {
    return bodies.get(sessionKey + '#' + seq);
  }

  void put(String sessionKey, long seq, TextUnits body) {
    TextUnits previous = bodies.put(sessionKey + '#' + seq, body);
    if (previous != null) {
      usedBytes -= previous.bytes().length;
    }
    usedBytes += body.bytes().length;
    var iterator = bodies.entrySet().iterator();
    while (usedBytes > budgetBytes && bodies.size() > 1) {
      Map.Entry<String, TextUnits> eldest = iterator.next();
      usedBytes -= eldest.getValue().bytes().length;
      iterator.remove();
    }
  }
}
