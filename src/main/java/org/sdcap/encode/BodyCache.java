package org.sdcap.encode;

/**
 * The retained bodies of all sessions in least-recently-used order, kept within a byte budget.
 * Adding or using a body makes it the most recent; going over the budget evicts the least recent.
 */
final class BodyCache {

  private final long budgetBytes;
  private long usedBytes;

  /** Least recently used end of the list. */
  private RetainedBody head;

  /** Most recently used end of the list. */
  private RetainedBody tail;

  /** Called when an eviction leaves a session without retained bodies. */
  private final java.util.function.Consumer<SessionState> onSessionEmptied;

  BodyCache(long budgetBytes, java.util.function.Consumer<SessionState> onSessionEmptied) {
    this.budgetBytes = budgetBytes;
    this.onSessionEmptied = onSessionEmptied;
  }

  long usedBytes() {
    return usedBytes;
  }

  void add(RetainedBody body) {
    if (body.session.bodies.isEmpty()) {
      usedBytes += SessionState.OVERHEAD_BYTES;
    }
    body.session.add(body);
    linkAtTail(body);
    usedBytes += body.memoryBytes();
    evictOverBudget(body);
  }

  /** Marks {@code body} as just used, and accounts memory it gained (a copy index built). */
  void touch(RetainedBody body, long memoryBefore) {
    unlink(body);
    linkAtTail(body);
    usedBytes += body.memoryBytes() - memoryBefore;
    evictOverBudget(body);
  }

  /** Accounts memory {@code body} gained (a copy index built) without changing its recency. */
  void accountGrowth(RetainedBody body, long memoryBefore) {
    usedBytes += body.memoryBytes() - memoryBefore;
    evictOverBudget(body);
  }

  /** Evicts every retained body of {@code session}, as when it was idle longer than the TTL. */
  void evictSession(SessionState session) {
    for (RetainedBody body : session.bodies.values().toArray(new RetainedBody[0])) {
      evict(body);
    }
  }

  private void evictOverBudget(RetainedBody keep) {
    while (usedBytes > budgetBytes && head != null && head != keep) {
      evict(head);
    }
  }

  private void evict(RetainedBody body) {
    unlink(body);
    body.session.remove(body);
    usedBytes -= body.memoryBytes();
    if (body.session.bodies.isEmpty()) {
      usedBytes -= SessionState.OVERHEAD_BYTES;
      onSessionEmptied.accept(body.session);
    }
  }

  private void linkAtTail(RetainedBody body) {
    body.previous = tail;
    body.next = null;
    if (tail != null) {
      tail.next = body;
    } else {
      head = body;
    }
    tail = body;
  }

  private void unlink(RetainedBody body) {
    if (body.previous != null) {
      body.previous.next = body.next;
    } else {
      head = body.next;
    }
    if (body.next != null) {
      body.next.previous = body.previous;
    } else {
      tail = body.previous;
    }
    body.previous = null;
    body.next = null;
  }
}
