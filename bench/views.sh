#!/usr/bin/env bash
# Times the views of `guazhi render` on exchange knowledge bases (internal/gen
# -kind exchange, seed 1) of SIZES officials (default 200 500 1000 5000):
# the overview as SVG and as the HTML viewer (median of RUNS runs, default
# 3), the detail as SVG with dot and with sfdp (one run; a refusal is
# reported as such, with its time), and native Graphviz (dot and sfdp, from
# the graphviz package) on the same detail DOT, each under a TIMEOUT
# (default 150 s). Each line gives wall time and peak resident memory, the
# layout process included (GNU time's maximum covers the processes it
# waits for). Also prints the overview SVG's size in points.
# Usage: bench/views.sh [SIZES...]   (env RUNS, TIMEOUT; needs /usr/bin/time)
set -uo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(200 500 1000 5000)
runs=${RUNS:-3} timeout=${TIMEOUT:-150}
work=$(mktemp -d) # private: mktemp makes it 0700
trap 'rm -rf "$work"' EXIT
go build -o "$work/guazhi" ./cmd/guazhi || exit 1

# timed LABEL CMD...: one run, "LABEL: T s, peak M MiB" or how it ended.
timed() {
  local label=$1
  shift
  /usr/bin/time -f '%e %M' -o "$work/t" timeout "$timeout" "$@" >"$work/out" 2>"$work/err"
  local rc=$?
  read -r s kb < <(tail -1 "$work/t") || { s=?; kb=0; }
  case $rc in
  0) echo "$label: $s s, peak $((kb / 1024)) MiB" ;;
  124) echo "$label: no result after $timeout s" ;;
  2) echo "$label: refused in $s s: $(grep -o 'guazhi: .*' "$work/err" | head -1 | cut -c1-120)…" ;;
  *) echo "$label: failed (exit $rc) after $s s: $(tail -1 "$work/err" | cut -c1-120)" ;;
  esac
}

# median LABEL CMD...: RUNS runs, the median time and the largest peak.
median() {
  local label=$1
  shift
  : >"$work/all"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$work/t" timeout "$timeout" "$@" >/dev/null 2>&1 || { echo "$label: failed"; return; }
    cat "$work/t" >>"$work/all"
  done
  sort -n "$work/all" | awk -v l="$label" -v r="$runs" '{t[NR]=$1; if ($2>m) m=$2} END {printf "%s: median %s s of %d runs, largest peak %d MiB\n", l, t[int((NR+1)/2)], r, m/1024}'
}

for n in "${sizes[@]}"; do
  kb=$work/kb$n
  go run ./internal/gen -kind exchange -officials "$n" -seed 1 -o "$kb" >"$work/files" || exit 1
  mapfile -t files <"$work/files"
  entities=$("$work/guazhi" stats "${files[@]}" | sed -n 2p)
  echo "== $n officials: $entities"
  out=$work/out$n
  median "overview svg" "$work/guazhi" render -f svg -o "$out" "${files[@]}"
  "$work/guazhi" render -f svg,dot -o "$out" "${files[@]}" 2>&1 | grep '^view:' | cut -c1-100
  grep -o 'width="[0-9]*pt" height="[0-9]*pt"' "$out/exchange.svg" | head -1 | sed 's/^/overview size: /'
  median "overview html" "$work/guazhi" render -f html -o "$out" "${files[@]}"
  timed "detail svg, dot" "$work/guazhi" render --view detail --layout dot -f svg -o "$out" "${files[@]}"
  timed "detail svg, sfdp" "$work/guazhi" render --view detail --layout sfdp -f svg -o "$out" "${files[@]}"
  if command -v dot >/dev/null; then
    "$work/guazhi" render --view detail -f dot -o "$out/detail.dot" "${files[@]}" 2>/dev/null
    timed "native dot" dot -Tsvg -o "$out/native.svg" "$out/detail.dot"
    timed "native sfdp (splines=line)" sfdp -Goverlap=scale -Gsplines=line -Tsvg -o "$out/native.svg" "$out/detail.dot"
  fi
done
