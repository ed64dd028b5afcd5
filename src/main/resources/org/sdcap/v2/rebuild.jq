# Rebuilds the body of record $n of session $s from an sdcap v2 file.
# Needs jq 1.6 or later. Reads the file as a stream (no --slurp); keeps
# only the delta members of the session's records up to $n.
#   jq -n -j --arg s SESSION_KEY --argjson n N -f rebuild.jq v2.jsonl > body
# For a record with "body_encoding": "latin1", pipe the output through
#   iconv -f UTF-8 -t ISO-8859-1
# to turn its one-code-point-per-byte text back into the original bytes.

# Applies the delta of record $r to the parent body $p ("" for a root).
# Offsets and lengths count code points, as jq's string slicing does.
def apply_delta($p; $r):
  ($r.prefix_len // 0) as $prefix
  | ($r.suffix_len // 0) as $suffix
  | $p[0:$prefix]
    + (if ($r.delta | type) == "string" then $r.delta
       else [$r.delta[] | if type == "string" then . else $p[.[0]:(.[0] + .[1])] end]
            | join("")
       end)
    + (if $suffix > 0 then $p[($p | length) - $suffix:] else "" end);

reduce (inputs | select(.session_key == $s and .seq <= $n)) as $r
  ({}; .[$r.seq | tostring] = ($r | {parent_seq, prefix_len, suffix_len, delta}))
| . as $records
| if $records[$n | tostring] == null then error("record \($n) of session \($s) is not in the input")
  elif $records[$n | tostring].delta == null then error("record \($n) of session \($s) has no body")
  else . end
| [$n | recurse($records[tostring].parent_seq // empty)]
| reverse
| reduce .[] as $seq ("";
    if $records[$seq | tostring] == null
    then error("record \($seq), a parent in the chain, is not in the input")
    else apply_delta(.; $records[$seq | tostring]) end)
