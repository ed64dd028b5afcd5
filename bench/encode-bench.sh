#!/usr/bin/env bash
# Benchmarks `sdcap encode` against jq and zstd on generated full-body JSONL, and prints a
# Markdown table for docs/benchmarks.md.
#
# Usage: bench/encode-bench.sh
#   BENCH_BYTES  size of the generated full-body log (default 1G; suffixes K, M, G are binary)
#   BENCH_SEED   generator seed (default 1)
#   BENCH_DIR    working directory for generated and encoded files (default bench/out)
#
# Needs java, jq, zstd and GNU time (/usr/bin/time, Debian package "time"). Builds
# target/sdcap.jar with Maven when it is missing. MB/s means 10^6 bytes of input per second of
# wall-clock time.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bytes=${BENCH_BYTES:-1G}
seed=${BENCH_SEED:-1}
dir=${BENCH_DIR:-$root/bench/out}
jar=$root/target/sdcap.jar
command_line="BENCH_BYTES=$bytes BENCH_SEED=$seed bench/encode-bench.sh"

for tool in java jq zstd; do
  if ! command -v "$tool" >/dev/null; then
    echo "encode-bench: $tool not found; install it first" >&2
    exit 1
  fi
done
if [ ! -x /usr/bin/time ]; then
  echo "encode-bench: /usr/bin/time not found; install GNU time (apt-get install time)" >&2
  exit 1
fi
if [ ! -f "$jar" ]; then
  echo "encode-bench: building $jar" >&2
  (cd "$root" && mvn -q package -DskipTests)
fi
mkdir -p "$dir"

# Runs a command under GNU time; its statistics go to $dir/NAME.time. Returns the command's status.
timed() {
  local name=$1
  shift
  /usr/bin/time -v -o "$dir/$name.time" "$@"
}

# Prints the wall-clock seconds recorded in $dir/NAME.time ("h:mm:ss" or "m:ss.ss").
seconds() {
  awk -F': ' '/Elapsed \(wall clock\)/ {
    n = split($2, part, ":"); s = 0
    for (i = 1; i <= n; i++) s = s * 60 + part[i]
    printf "%.2f", s
  }' "$dir/$1.time"
}

peak_rss_mb() {
  awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$dir/$1.time"
}

speed() {
  awk -v b="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", b / s / 1e6; else print "n/a" }'
}

size_of() {
  stat -c %s "$1"
}

mb() {
  awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'
}

full=$dir/full.jsonl
v1=$dir/v1.jsonl
echo "encode-bench: generating $bytes of full-body JSONL (seed $seed) and its v1 log" >&2
java -XX:+UseSerialGC -cp "$jar" org.sdcap.gen.GenerateMain --seed "$seed" --format full \
  --bytes "$bytes" --out "$full" --also "v1=$v1"
input=$(size_of "$full")

echo "encode-bench: sdcap encode" >&2
encode_note=""
if timed encode "$root/bin/sdcap" encode "$full" >"$dir/v2.jsonl" 2>"$dir/encode.err"; then
  encode_speed=$(speed "$input" "$(seconds encode)")
  encode_rss="$(peak_rss_mb encode) MB"
  v2_size=$(size_of "$dir/v2.jsonl")
  zstd -19 -T1 -q -c "$dir/v2.jsonl" >"$dir/v2.jsonl.zst"
  v2_text="$(mb "$v2_size") MB"
  v2_zstd_text="$(mb "$(size_of "$dir/v2.jsonl.zst")") MB"
else
  encode_note=$(head -n 1 "$dir/encode.err")
  encode_speed="n/a"
  encode_rss="n/a"
  v2_text="n/a"
  v2_zstd_text="n/a"
fi

echo "encode-bench: jq -c ." >&2
timed jq jq -c . "$full" >/dev/null
echo "encode-bench: zstd -3 --long=27" >&2
timed zstd3 zstd -3 --long=27 -T1 -q -c "$full" >"$dir/full.jsonl.zst3"
echo "encode-bench: zstd -19 --long=27 (slow)" >&2
timed zstd19 zstd -19 --long=27 -T1 -q -c "$full" >"$dir/full.jsonl.zst19"

cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
java_version=$(java -version 2>&1 | head -n 1)

cat <<TABLE
Input: $(mb "$input") MB of generated full-body JSONL, $(wc -l <"$full") requests (seed $seed).
Machine: $(nproc) CPUs, $cpu; $java_version.
Command: \`$command_line\`

| Tool | Speed (MB/s of input) | Output | Peak RSS |
| --- | ---: | ---: | ---: |
| \`sdcap encode\` | $encode_speed | v2: $v2_text | $encode_rss |
| \`sdcap encode\`, then \`zstd -19\` | | v2 + zstd: $v2_zstd_text | |
| \`jq -c . >/dev/null\` | $(speed "$input" "$(seconds jq)") | | $(peak_rss_mb jq) MB |
| \`zstd -3 --long=27\` | $(speed "$input" "$(seconds zstd3)") | $(mb "$(size_of "$dir/full.jsonl.zst3")") MB | $(peak_rss_mb zstd3) MB |
| \`zstd -19 --long=27\` | $(speed "$input" "$(seconds zstd19)") | $(mb "$(size_of "$dir/full.jsonl.zst19")") MB | $(peak_rss_mb zstd19) MB |
| v1 truncated log of the same traffic | | $(mb "$(size_of "$v1")") MB | |
TABLE
if [ -n "$encode_note" ]; then
  echo
  echo "sdcap encode failed: $encode_note"
fi
