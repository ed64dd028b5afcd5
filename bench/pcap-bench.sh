#!/usr/bin/env bash
# Measures how fast sdcap reads a large pcap, next to "tshark -r FILE -q" on the same file.
#
# Usage: bench/pcap-bench.sh [CAPTURE] [MEGABYTES]
# Without CAPTURE, writes a synthetic capture of MEGABYTES (default 600) to bench/out/ with the
# test-scope generator BenchCaptureWriter (keep-alive chat requests, 1448-byte segments).
#
# Two sdcap numbers: the capture reader alone, through CaptureDrain (a test-scope main class that
# opens the capture with CaptureSource and drains its records), and the whole "sdcap encode".
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
size=${2:-600}
capture=${1:-bench/out/bench-${size}mb.pcap}
mkdir -p bench/out

mvn -q -DskipTests package
mvn -q dependency:build-classpath -Dmdep.outputFile=bench/out/classpath.txt > /dev/null
classpath="target/classes:target/test-classes:$(cat bench/out/classpath.txt)"
java_options=(-XX:+UseSerialGC -Xmx1g)

if [ ! -f "$capture" ]; then
  java "${java_options[@]}" -cp "$classpath" org.sdcap.pcap.BenchCaptureWriter "$capture" "$size"
fi
bytes=$(stat -c %s "$capture")

seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null 2> bench/out/last-run.err
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

# Warm the page cache so both readers start from memory.
cat "$capture" > /dev/null

sdcap_seconds=$(seconds java "${java_options[@]}" -cp "$classpath" org.sdcap.pcap.CaptureDrain "$capture" --all)
summary=$(tail -1 bench/out/last-run.err)
encode_seconds=$(seconds bin/sdcap encode "$capture")
encode_summary=$(tail -1 bench/out/last-run.err)
tshark_seconds=$(seconds tshark -r "$capture" -q)
# "-q" alone lets tshark skip most dissection; an HTTP tap makes it reassemble and decode HTTP.
tshark_http_seconds=$(seconds tshark -r "$capture" -q -z http,tree)

printf 'capture: %s (%d MB)\n' "$capture" $((bytes >> 20))
printf 'sdcap capture reader: %6.2f s  %7.1f MB/s  (%s)\n' "$sdcap_seconds" "$(echo "$bytes / 1048576 / $sdcap_seconds" | bc -l)" "$summary"
printf 'sdcap encode:         %6.2f s  %7.1f MB/s  (%s)\n' "$encode_seconds" "$(echo "$bytes / 1048576 / $encode_seconds" | bc -l)" "$encode_summary"
printf 'tshark:               %6.2f s  %7.1f MB/s  (tshark -r FILE -q)\n' "$tshark_seconds" "$(echo "$bytes / 1048576 / $tshark_seconds" | bc -l)"
printf 'tshark:               %6.2f s  %7.1f MB/s  (tshark -r FILE -q -z http,tree)\n' "$tshark_http_seconds" "$(echo "$bytes / 1048576 / $tshark_http_seconds" | bc -l)"
