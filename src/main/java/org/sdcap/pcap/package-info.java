/**
 * Reads plaintext HTTP/1.x requests from packet captures and turns each into an {@link
 * org.sdcap.input.InputRecord} with the fields of the v1 capture middleware.
 *
 * <p>The entry point is {@link org.sdcap.pcap.CaptureSource#open}. The pipeline, one class per
 * step:
 *
 * <ol>
 *   <li>File formats: {@code PcapFileReader} (libpcap: microsecond and nanosecond magic, both byte
 *       orders, Kuznetsov's modified records; draft-ietf-opsawg-pcap) and {@code PcapngFileReader}
 *       (sections in either byte order, several interfaces with {@code if_tsresol} and {@code
 *       if_tsoffset}, enhanced, simple and obsolete packet blocks, other blocks skipped;
 *       draft-ietf-opsawg-pcapng).
 *   <li>Link layers: {@code LinkLayer} (Ethernet with 802.1Q/802.1ad/QinQ tags, MPLS, PPPoE and
 *       LLC/SNAP; Linux SLL and SLL2; BSD NULL and LOOP in either byte order; raw IPv4/IPv6; PPP;
 *       Cisco HDLC; NFLOG; numbers from https://www.tcpdump.org/linktypes.html).
 *   <li>IP: {@code IpLayer} (IPv4, RFC 791; IPv6 with hop-by-hop, routing, fragment, destination
 *       options, AH and mobility headers, RFC 8200) and {@code FragmentReassembler}.
 *   <li>TCP: {@code ConnectionTable}, {@code Connection} and {@code TcpStream} (per-direction
 *       reassembly with 64-bit stream offsets, RFC 9293).
 *   <li>HTTP: {@code HttpRequestParser} and {@code HttpResponseParser} (message framing of RFC
 *       9112; the response is read only for its status).
 *   <li>Records: {@code RecordBuilder} and {@code RecordQueue} (ordering by capture time and
 *       holding a request for its status).
 * </ol>
 *
 * <p>docs/capture-input.md describes the choices a reader of the output needs: which bytes a body
 * holds, the flags of damaged requests, and the memory limits.
 */
package org.sdcap.pcap;
