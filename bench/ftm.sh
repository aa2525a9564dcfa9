#!/usr/bin/env bash
# Times `guazhi render -f ftm` on a synthetic knowledge base (default 1,000
# officials, seed 1): RUNS runs (default 5) under /usr/bin/time, printing
# each run's wall time and peak resident memory and then the median time
# and the largest peak; then checks the file with conform/ftm/check.js
# (when node and conform/ftm/node_modules are there) and prints its counts
# by schema.
# Usage: bench/ftm.sh [OFFICIALS] [RUNS]   (from anywhere; needs /usr/bin/time)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000} runs=${2:-5}
work=$(mktemp -d) # private: mktemp makes it 0700
trap 'rm -rf "$work"' EXIT
go build -o "$work/guazhi" ./cmd/guazhi
go run ./internal/gen -officials "$n" -seed 1 -o "$work/kb" >"$work/files"
mapfile -t kbs <"$work/files"
for _ in $(seq "$runs"); do
  /usr/bin/time -f '%e %M' -o "$work/t" "$work/guazhi" render -f ftm -o "$work/out" "${kbs[@]}" 2>/dev/null
  read -r s kb <"$work/t"
  echo "run: $s s, peak $((kb / 1024)) MiB"
  echo "$s $kb" >>"$work/all"
done
sort -n "$work/all" | awk '{t[NR]=$1; if ($2>m) m=$2} END {printf "render -f ftm, %d officials: median %s s of %d runs, largest peak %d MiB\n", '"$n"', t[int((NR+1)/2)], NR, m/1024}'
f=$(ls "$work"/out/*.ftm.json)
echo "$(wc -l <"$f") entities, $(wc -c <"$f") bytes"
if command -v node >/dev/null && [ -d conform/ftm/node_modules ]; then
  node conform/ftm/check.js "$f"
  echo
fi
