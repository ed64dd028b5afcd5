package org.sdcap.input;

/** One item of an input stream: a request record, or a line that could not be parsed. */
public sealed interface InputItem permits InputRecord, BadLine {

  SourcePosition position();
}
