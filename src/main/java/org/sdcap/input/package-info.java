/**
 * Reads sdcap's inputs as a stream of {@link org.sdcap.input.InputItem}s: JSONL request logs (v1
 * and full-body), directories of raw body dumps, and, through {@code org.sdcap.pcap}, captures.
 *
 * <p>{@link org.sdcap.input.InputOpener} is the entry point. JSONL follows RFC 8259 for each line
 * and the JSON Lines convention of one value per {@code \n}-terminated line; compressed input is
 * recognised by the magic numbers of gzip (RFC 1952), zstd (RFC 8878), xz and bzip2.
 */
package org.sdcap.input;
