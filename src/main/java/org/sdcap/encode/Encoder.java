package org.sdcap.encode;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sdcap.delta.BodyEncoding;
import org.sdcap.delta.CopyIndexes;
import org.sdcap.delta.Delta;
import org.sdcap.delta.DeltaEncoder;
import org.sdcap.delta.TextUnits;
import org.sdcap.input.BadLine;
import org.sdcap.input.Field;
import org.sdcap.input.InputItem;
import org.sdcap.input.InputRecord;
import org.sdcap.input.RecordSource;
import org.sdcap.input.RequestBody;
import org.sdcap.json.Utf8;
import org.sdcap.v2.EncodedBody;
import org.sdcap.v2.V2Writer;

/**
 * Turns a stream of input items into v2 records: assigns each record its session and seq, picks a
 * parent among the session's retained bodies and writes the body as a delta against it.
 */
public final class Encoder {

  /** Windows of a body sampled when scoring parent candidates by shared content. */
  private static final int SIMILARITY_SAMPLES = 16;

  /** JSON bytes a delta record spends on parent_seq and its lengths beyond a root's. */
  private static final int DELTA_OVERHEAD_BYTES = 32;

  private final EncodeOptions options;
  private final V2Writer writer;
  private final Map<String, SessionState> sessions = new HashMap<>();
  private final DormantSessions dormant = new DormantSessions();

  /** The session of the record being encoded, which must stay in {@link #sessions}. */
  private SessionState current;

  private final BodyCache cache;
  private final EncodeStats stats = new EncodeStats();
  private final MessageDigest sha256;

  public Encoder(EncodeOptions options, V2Writer writer) {
    this.options = options;
    this.writer = writer;
    this.cache = new BodyCache(options.cacheBytes(), this::makeDormant);
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Encodes every item of {@code source}, then flushes the writer. */
  public EncodeStats encodeAll(RecordSource source) throws IOException {
    for (InputItem item = source.next(); item != null; item = source.next()) {
      encode(item);
    }
    return finish();
  }

  /** Flushes what was written and returns the run's counts. */
  public EncodeStats finish() {
    writer.flush();
    return stats();
  }

  public void encode(InputItem item) {
    if (item instanceof BadLine line) {
      stats.badLines++;
      writer.writeBadLine(line);
    } else if (item instanceof InputRecord record) {
      encodeRecord(record);
    }
  }

  public EncodeStats stats() {
    stats.sessions = sessions.size() + dormant.size();
    return stats;
  }

  private void encodeRecord(InputRecord record) {
    String key = options.keyer().keyOf(record);
    SessionState session = sessions.get(key);
    if (session == null) {
      session = new SessionState(key);
      dormant.restore(Long.parseUnsignedLong(key, 16), session);
      sessions.put(key, session);
    }
    current = session;
    double ts = timestampOf(record, options.tsField());
    if (!Double.isNaN(ts)
        && !Double.isNaN(session.lastTs)
        && ts - session.lastTs > options.ttlSeconds()) {
      cache.evictSession(session);
    }
    if (!Double.isNaN(ts)) {
      session.lastTs = ts;
    }
    int seq = session.nextSeq++;
    stats.records++;

    RequestBody body = record.body();
    EncodedBody encoded = null;
    if (body != null) {
      encoded = encodeBody(session, seq, body);
    }
    writer.writeRecord(key, seq, record, encoded);

    current = null;
    if (session.bodies.isEmpty()) {
      makeDormant(session);
    }
  }

  private EncodedBody encodeBody(SessionState session, int seq, RequestBody body) {
    byte[] bytes = body.bytes();
    int codePoints = Utf8.validCodePointCount(bytes, 0, bytes.length);
    BodyEncoding encoding = codePoints >= 0 ? BodyEncoding.UTF8 : BodyEncoding.LATIN1;
    TextUnits units = codePoints >= 0 ? TextUnits.utf8(bytes, codePoints) : TextUnits.latin1(bytes);
    long[] prefixHashes = PrefixHashes.of(bytes);
    byte[] digest = sha256.digest(bytes);

    RetainedBody parent = chooseParent(session, bytes, prefixHashes, encoding);
    Delta delta = null;
    if (parent != null) {
      long memoryBefore = parent.memoryBytes();
      RetainedBody chosen = parent;
      delta =
          CopyIndexes.encode(units, parent.units, chosen::copyIndex, encoding == BodyEncoding.UTF8);
      if (DeltaEncoder.estimatedCost(delta) + DELTA_OVERHEAD_BYTES > bytes.length * 0.9) {
        cache.accountGrowth(parent, memoryBefore);
        delta = null;
        parent = null;
      } else {
        // Only a parent that a written record names counts as used, so that a decoder replaying
        // adds and uses in file order gets the same least-recently-used order as this cache.
        cache.touch(parent, memoryBefore);
      }
    }
    if (delta == null) {
      delta = DeltaEncoder.root(units);
      stats.roots++;
    }

    int depth = parent == null ? 0 : parent.depth + 1;
    cache.add(new RetainedBody(session, seq, units, encoding, depth, prefixHashes));
    return new EncodedBody(body, units, encoding, parent == null ? 0 : parent.seq, delta, digest);
  }

  /**
   * Picks the parent: the retained body sharing the longest prefix, unless that prefix is under
   * half the body. An early edit (a per-request billing line, a timestamp) can hide which
   * conversation the body continues. So in that case the latest retained bodies are also scored by
   * how many sampled windows of the body they contain. The best score wins; ties go to the longest
   * prefix, then to the most recent body.
   */
  private RetainedBody chooseParent(
      SessionState session, byte[] bytes, long[] prefixHashes, BodyEncoding encoding) {
    RetainedBody best = session.longestPrefixMatch(prefixHashes);
    if (best != null && best.encoding != encoding) {
      best = null;
    }
    int bestPrefix = best == null ? 0 : DeltaEncoder.commonPrefixLength(best.units.bytes(), bytes);
    if (best != null && bestPrefix * 2L >= bytes.length) {
      return belowMaxDepth(best);
    }

    List<RetainedBody> candidates = new ArrayList<>(SessionState.RECENT + 1);
    if (best != null) {
      candidates.add(best);
    }
    for (RetainedBody recent : session.recent()) {
      if (recent != best && recent.encoding == encoding) {
        candidates.add(recent);
      }
    }
    if (candidates.size() <= 1) {
      return candidates.isEmpty() ? null : belowMaxDepth(candidates.get(0));
    }

    CopyIndexes.Samples samples =
        new CopyIndexes.Samples(bytes, bestPrefix, bytes.length, SIMILARITY_SAMPLES);
    RetainedBody winner = null;
    int winnerScore = -1;
    for (RetainedBody candidate : candidates) {
      long memoryBefore = candidate.memoryBytes();
      int score = samples.sharedWith(candidate.copyIndex());
      cache.accountGrowth(candidate, memoryBefore);
      if (score > winnerScore) {
        winner = candidate;
        winnerScore = score;
      }
      if (score == samples.count()) {
        // Candidates come in order of preference, so no later one can beat a full score.
        break;
      }
    }
    // Accounting the indexes built above may have evicted bodies; a parent must still be retained.
    if (winner != null && session.bodies.get(winner.seq) == winner) {
      return belowMaxDepth(winner);
    }
    return best != null && session.bodies.get(best.seq) == best ? belowMaxDepth(best) : null;
  }

  /**
   * Returns {@code body}, or null (a root) when a child of it would exceed the maximum depth.
   * Falling back to a shallower body instead would let one body gain children without bound, and
   * the point of the limit is that damage to one record reaches a bounded number of others.
   */
  private RetainedBody belowMaxDepth(RetainedBody body) {
    return body.depth < options.maxDepth() ? body : null;
  }

  /**
   * Moves a session whose last retained body was evicted out of {@link #sessions} into the compact
   * {@link DormantSessions}; the session being encoded stays.
   */
  private void makeDormant(SessionState session) {
    if (session == current || sessions.get(session.key) != session) {
      return;
    }
    sessions.remove(session.key);
    dormant.put(Long.parseUnsignedLong(session.key, 16), session.nextSeq, session.lastTs);
  }

  /**
   * Returns the record's time in epoch seconds: a JSON number, or a string holding a number or an
   * ISO 8601 time with a zone offset ({@code 2026-12-04T20:19:08.5Z}); NaN when there is none.
   */
  static double timestampOf(InputRecord record, String tsField) {
    Field ts = record.field(tsField);
    if (ts == null) {
      return Double.NaN;
    }
    String text = ts.stringValue();
    if (text == null) {
      text = ts.rawText().trim();
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException notANumber) {
      try {
        java.time.OffsetDateTime time = java.time.OffsetDateTime.parse(text);
        return time.toEpochSecond() + time.getNano() / 1e9;
      } catch (java.time.format.DateTimeParseException notATime) {
        return Double.NaN;
      }
    }
  }
}
