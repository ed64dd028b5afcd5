package org.sdcap.input;

/**
 * A line that is not a usable JSON object, kept byte for byte so that decoding gives it back.
 *
 * @param raw the line without its line terminator
 * @param endsWithNewline whether a newline followed {@code raw} in the input: false for a last line
 *     that the input ended without a newline, and for a run of NUL bytes that the rest of its line
 *     follows directly (the next item then continues the same line)
 */
public record BadLine(SourcePosition position, String reason, byte[] raw, boolean endsWithNewline)
    implements InputItem {}
