package org.sdcap.v2;

import org.sdcap.delta.BodyEncoding;
import org.sdcap.delta.Delta;
import org.sdcap.delta.TextUnits;
import org.sdcap.input.RequestBody;

/**
 * A body ready to be written: the input body, its text units and encoding, and its delta.
 *
 * @param parentSeq the parent's seq, or 0 for a root
 * @param sha256 the SHA-256 of the body's bytes
 */
public record EncodedBody(
    RequestBody body,
    TextUnits units,
    BodyEncoding encoding,
    int parentSeq,
    Delta delta,
    byte[] sha256) {}
