package org.sdcap.input;

/** The format of input paths: detected from their content, or forced. */
public enum InputFormat {
  /** A directory is a dump directory; a file is pcap or pcapng by its magic number, else JSONL. */
  AUTO,
  JSONL,
  /** Directories of {@code req_<seq>_<epoch_ms>.json} raw body dumps. */
  DUMPS,
  /** pcap or pcapng captures. */
  PCAP
}
