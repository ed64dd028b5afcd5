/**
 * JSON as bytes: a strict RFC 8259 scanner that returns exact value spans ({@link
 * org.sdcap.json.JsonScanner}), a writer, and UTF-8 and WTF-8 helpers.
 *
 * <p>Text is never converted to Java strings on the hot path, so numbers, escapes and bytes that
 * are not valid UTF-8 pass through unchanged.
 */
package org.sdcap.json;
