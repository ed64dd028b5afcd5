package org.sdcap.v2;

import java.util.List;
import org.sdcap.delta.BodyEncoding;
import org.sdcap.delta.DeltaApplier;

/**
 * The parts of a v2 record that rebuilding a body needs.
 *
 * @param parentSeq the parent's seq, or 0 for a root
 * @param pieces the delta's middle, or null when the record has no body
 * @param bodyForm the {@code body_form} member, or null when the record has no body
 * @param missingBytes bytes of a partial body that were never captured: the v1 field {@code
 *     body_truncated_bytes}, else the capture field {@code missing_bytes}; -1 when unknown
 */
public record V2Record(
    String sessionKey,
    long seq,
    long parentSeq,
    BodyEncoding encoding,
    long bodyLen,
    String bodySha256,
    boolean partial,
    long headLen,
    String bodyForm,
    long missingBytes,
    long prefixLen,
    long suffixLen,
    List<DeltaApplier.ParsedPiece> pieces) {

  public boolean hasBody() {
    return pieces != null;
  }
}
