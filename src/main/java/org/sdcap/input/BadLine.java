package org.sdcap.input;

/**
 * A line that is not a usable JSON object, kept byte for byte so that decoding gives it back.
 *
 * @param raw the line without its line terminator
 * @param endsWithNewline false only for a last line that the input ended without a newline
 */
public record BadLine(SourcePosition position, String reason, byte[] raw, boolean endsWithNewline)
    implements InputItem {}
