#!/usr/bin/env bash
# Checks sdcap's lossless round trip on real inputs. For each FILE_OR_DIR it encodes the input,
# decodes the v2 and compares the result with the input line by line: the same bytes, or the same
# JSON value with exact number text. Then it rebuilds a sample of bodies with `sdcap reconstruct`
# and with the jq recipe and compares both with the original bodies. Prints one line per input.
#
# Usage: bench/roundtrip-check.sh FILE_OR_DIR...
#   ROUNDTRIP_SAMPLES  bodies rebuilt per input (default 20, spread over the file)
#   ROUNDTRIP_DIR      working directory (default: a temporary directory, removed at the end)
#   ROUNDTRIP_ENCODE_OPTIONS  extra encode options, for example "--cache-bytes 1M --max-depth 3"
#
# Inputs are JSONL request logs (plain, or gzip, zstd, xz or bzip2 compressed) and dump directories;
# pcap captures are skipped, because they have no lines to compare with. Needs java, jq and iconv;
# builds target/sdcap.jar with Maven when it is missing. Exits with 1 when any input failed.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
jar=$root/target/sdcap.jar
sdcap=$root/bin/sdcap
samples=${ROUNDTRIP_SAMPLES:-20}
read -r -a encode_options <<<"${ROUNDTRIP_ENCODE_OPTIONS:-}"

if [ $# -eq 0 ]; then
  echo "usage: bench/roundtrip-check.sh FILE_OR_DIR..." >&2
  exit 2
fi
for tool in java jq iconv; do
  if ! command -v "$tool" >/dev/null; then
    echo "roundtrip-check: $tool not found; install it first" >&2
    exit 1
  fi
done
if [ ! -f "$jar" ]; then
  echo "roundtrip-check: building $jar" >&2
  (cd "$root" && mvn -q package -DskipTests)
fi
if [ -n "${ROUNDTRIP_DIR:-}" ]; then
  work=$ROUNDTRIP_DIR
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
"$sdcap" jq-recipe >"$work/rebuild.jq"

# Prints the decompressor for a file's magic bytes, "capture" for pcap and pcapng, or "cat".
reader_of() {
  local magic
  magic=$(head -c 6 "$1" | od -An -tx1 | tr -d ' \n')
  case "$magic" in
    1f8b*) echo "gzip -dc" ;;
    28b52ffd*) echo "zstd -dc" ;;
    fd377a585a00) echo "xz -dc" ;;
    425a68*) echo "bzip2 -dc" ;;
    a1b2c3d4* | d4c3b2a1* | a1b23c4d* | 4d3cb2a1* | 0a0d0d0a*) echo "capture" ;;
    *) echo "cat" ;;
  esac
}

# Rebuilds the sampled bodies listed in $1/samples and compares them with the originals. Prints
# the number that matched, and reports each mismatch on stderr.
check_samples() {
  local dir=$1 v2=$2 name=$3 matched=0
  local k key seq encoding partial allow
  while read -r k key seq encoding partial; do
    allow=()
    [ "$partial" = true ] && allow=(--allow-partial)
    if ! "$sdcap" reconstruct --session "$key" --n "$seq" ${allow[@]+"${allow[@]}"} "$v2" \
      >"$dir/sdcap-$k" 2>"$dir/sdcap-$k.err"; then
      echo "roundtrip-check: $name: sdcap reconstruct --session $key --n $seq failed:" \
        "$(cat "$dir/sdcap-$k.err")" >&2
      continue
    fi
    jq -n -j --arg s "$key" --argjson n "$seq" -f "$work/rebuild.jq" "$v2" >"$dir/jq-$k"
    if [ "$encoding" = latin1 ]; then
      iconv -f UTF-8 -t ISO-8859-1 <"$dir/jq-$k" >"$dir/jq-$k.bytes"
      mv "$dir/jq-$k.bytes" "$dir/jq-$k"
    fi
    if ! cmp -s "$dir/sdcap-$k" "$dir/body-$k"; then
      echo "roundtrip-check: $name: session $key seq $seq:" \
        "sdcap reconstruct differs from the input" >&2
    elif ! cmp -s "$dir/jq-$k" "$dir/body-$k"; then
      echo "roundtrip-check: $name: session $key seq $seq: the jq recipe differs from the input" >&2
    else
      matched=$((matched + 1))
    fi
  done <"$dir/samples"
  echo "$matched"
}

# Prints the value of NAME in "name=value" words.
field() {
  tr ' ' '\n' <<<"$2" | sed -n "s/^$1=//p"
}

failed=0
index=0
for input in "$@"; do
  index=$((index + 1))
  name=$(basename "$input")
  dir=$work/$index
  mkdir -p "$dir"

  plain=$input
  if [ -f "$input" ]; then
    reader=$(reader_of "$input")
    if [ "$reader" = capture ]; then
      echo "SKIP $name: a capture has no input lines to compare with"
      continue
    fi
    if [ "$reader" != cat ]; then
      plain=$dir/input.jsonl
      $reader "$input" >"$plain"
    fi
  elif [ ! -d "$input" ]; then
    echo "FAIL $name: not a file or directory"
    failed=1
    continue
  fi

  status=0
  "$sdcap" encode ${encode_options[@]+"${encode_options[@]}"} -o "$dir/v2.jsonl" "$input" \
    2>"$dir/encode.err" || status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
    echo "FAIL $name: encode exited with $status: $(tail -1 "$dir/encode.err")"
    failed=1
    continue
  fi
  # v1 logs come back as the middleware wrote them only with --to v1, which would cut the bodies
  # of full-body records, so the target follows the records' body form.
  target=full
  if grep -q '"body_form":"v1"' "$dir/v2.jsonl"; then
    target=v1
  fi
  if ! "$sdcap" decode --to "$target" "$dir/v2.jsonl" >"$dir/decoded.jsonl" \
    2>"$dir/decode.err"; then
    echo "FAIL $name: decode failed: $(tail -1 "$dir/decode.err")"
    failed=1
    continue
  fi

  result=ok
  counts=$(java -cp "$jar" "$root/bench/RoundTripCheck.java" "$plain" "$dir/v2.jsonl" \
    "$dir/decoded.jsonl" "$samples" "$dir" "$name" | tr '\n' ' ') || result=differs
  matched=$(check_samples "$dir" "$dir/v2.jsonl" "$name")
  sampled=$(field sampled "$counts")
  if [ "$result" != ok ] || [ "$matched" != "$sampled" ]; then
    verdict=FAIL
    failed=1
  else
    verdict=OK
  fi
  printf '%s %s: %s lines (%s same bytes, %s same JSON value), %s bodies, %s bad lines;' \
    "$verdict" "$name" "$(field lines "$counts")" "$(field same_bytes "$counts")" \
    "$(field same_value "$counts")" "$(field records "$counts")" "$(field bad_lines "$counts")"
  printf ' %s of %s sampled bodies equal from reconstruct and jq; decode --to %s;' \
    "$matched" "$sampled" "$target"
  printf ' encode exit %s, %s\n' "$status" \
    "$(sed -n 's/^sdcap: .* warnings; //p' "$dir/encode.err")"
done
exit "$failed"
