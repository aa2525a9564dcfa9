#!/usr/bin/env bash
# Times guazhi against NetworkX and native Graphviz on the same graphs, in
# one run, and prints the ratios.
#
#   bench/compare.sh
#   EXPORT_SIZES="1000 10000" SVG_NODES="100 500" bench/compare.sh
#
# Exports: for each size in EXPORT_SIZES (officials; default 1000 10000
# 100000) it generates a knowledge base (go run ./internal/gen, seed 1),
# writes its node-link JSON with guazhi, loads that into NetworkX, and
# times, on that one graph:
#   guazhi    each writer in-process after one load (bench/exporttime:
#             GEXF, GraphML, CSV, node-link JSON), best of 3
#   NetworkX  write_gexf, write_graphml, node_link_data + json.dump, and
#             csv.writer over the graph (bench/nx_export.py), best of RUNS
# and the whole command `guazhi render -f gexf,graphml,csv,json` from the
# YAML and from the JSON Lines form, with its peak memory.
#
# SVG: for each node count in SVG_NODES (default 100 500 2000) it times
# `guazhi render -f svg --layout E` (go-graphviz, WebAssembly; the whole
# command, with a warm compilation cache) against native `E -Tsvg` on the
# DOT that `guazhi render -f dot --layout E` writes, for E = dot and sfdp,
# and --layout auto. TIMEOUT (seconds, default 300) bounds each command.
set -euo pipefail
cd "$(dirname "$0")/.."

EXPORT_SIZES=${EXPORT_SIZES-"1000 10000 100000"}
SVG_NODES=${SVG_NODES-"100 500 2000"}
TIMEOUT=${TIMEOUT:-300}
export RUNS=${RUNS:-1}

for tool in python3 dot sfdp /usr/bin/time timeout; do
  command -v "$tool" >/dev/null || { echo "compare.sh: needs $tool" >&2; exit 1; }
done
python3 -c 'import networkx' || { echo "compare.sh: needs python3 with networkx" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/guazhi" ./cmd/guazhi
go build -o "$work/gen" ./internal/gen
go build -o "$work/exporttime" ./bench/exporttime
guazhi=$work/guazhi

# measure CMD...: prints "SECONDS PEAK_KB" (wall time and peak resident
# memory), "timeout -" or "failed -".
measure() {
  if /usr/bin/time -f '%e %M' -o "$work/time" timeout "$TIMEOUT" "$@" >/dev/null 2>"$work/err"; then
    cat "$work/time"
  elif [ "$(head -c 7 "$work/time")" = "Command" ] && grep -q 'status 124' "$work/time"; then
    echo "timeout -"
  else
    sed 's/^/  | /' "$work/err" | head -5 >&2
    echo "failed -"
  fi
}

ratio() { # ratio A B: A/B to one decimal, or -
  awk -v a="$1" -v b="$2" 'BEGIN { if (a+0 > 0 && b+0 > 0) printf "%.1f", a/b; else printf "-" }'
}

mib() { awk -v k="$1" 'BEGIN { if (k+0 > 0) printf "%.0f", k/1024; else printf "-" }'; }

echo "# guazhi $(git describe --always --dirty 2>/dev/null), $(go version | cut -d' ' -f3), networkx $(python3 -c 'import networkx; print(networkx.__version__)'), $(dot -V 2>&1)"
echo "# $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"

if [ -n "$EXPORT_SIZES" ]; then
  echo
  echo "## Export: guazhi writer vs NetworkX, same graph (seconds; ratio = NetworkX / guazhi)"
  printf '%-9s %-8s %-8s %-9s %-10s %-7s %s\n' officials edges format guazhi networkx ratio "MB (guazhi/nx)"
  for n in $EXPORT_SIZES; do
    kb=$work/kb$n out=$work/out$n
    mkdir -p "$out"
    mapfile -t files < <("$work/gen" -officials "$n" -seed 1 -o "$kb")
    "$work/gen" -officials "$n" -seed 1 -format jsonl -o "$kb-jsonl" >/dev/null
    "$guazhi" render -f json -o "$out/graph.json" "${files[@]}" >/dev/null 2>&1
    declare -A gz=() gzb=() nx=() nxb=()
    while read -r f s b; do gz[$f]=$s gzb[$f]=${b:-}; done < <("$work/exporttime" -o "$out" "${files[@]}")
    edges=-
    while read -r f s b; do
      if [ "$f" = graph ]; then edges=$b; else nx[$f]=$s nxb[$f]=$b; fi
    done < <(python3 bench/nx_export.py "$out/graph.json" "$out")
    for f in gexf graphml csv json; do
      printf '%-9s %-8s %-8s %-9s %-10s %-7s %s\n' "$n" "$edges" "$f" "${gz[$f]}" "${nx[$f]}" "$(ratio "${nx[$f]}" "${gz[$f]}")" \
        "$(awk -v a="${gzb[$f]}" -v b="${nx[$f]:+${nxb[$f]}}" 'BEGIN { printf "%.1f/%.1f", a/1e6, b/1e6 }')"
    done
    echo "           guazhi load (YAML, quotes verified): ${gz[load]} s"
    read -r s kib < <(measure "$guazhi" render -f gexf,graphml,csv,json -o "$out/cli" "${files[@]}")
    echo "           guazhi render -f gexf,graphml,csv,json, YAML in:        $s s, peak $(mib "$kib") MiB"
    read -r s kib < <(measure "$guazhi" render -f gexf,graphml,csv,json -o "$out/cli" "$kb-jsonl/kb.jsonl")
    echo "           guazhi render -f gexf,graphml,csv,json, JSON Lines in:  $s s, peak $(mib "$kib") MiB"
    rm -rf "$out" "$kb" "$kb-jsonl"
    unset gz gzb nx nxb
  done
fi

if [ -n "$SVG_NODES" ]; then
  echo
  echo "## SVG: guazhi render (go-graphviz, whole command) vs native Graphviz on guazhi's DOT (seconds; ratio = guazhi / native)"
  # Fill go-graphviz's compiled-WebAssembly cache, untimed.
  "$guazhi" render -f svg -o "$work/warm.svg" >/dev/null 2>&1
  printf '%-6s %-6s %-6s %-9s %-9s %-9s %s\n' nodes edges layout guazhi native ratio "guazhi -f dot (load+DOT)"
  for t in $SVG_NODES; do
    # officials + max(officials/10, 24) bodies, companies and organisations = t nodes
    if [ "$t" -le 264 ]; then n=$((t - 24)); else n=$(( (t * 10 + 5) / 11 )); fi
    kb=$work/svg$t
    mapfile -t files < <("$work/gen" -officials "$n" -seed 1 -o "$kb")
    read -r _ _ nodes _ edges _ < <("$guazhi" check "${files[@]}")
    for e in dot sfdp; do
      "$guazhi" render -f dot --layout "$e" -o "$kb/g-$e.dot" "${files[@]}" >/dev/null 2>&1
      read -r gd _ < <(measure "$guazhi" render -f dot --layout "$e" -o "$kb/x.dot" "${files[@]}")
      read -r gs _ < <(measure "$guazhi" render -f svg --layout "$e" -o "$kb/g-$e.svg" "${files[@]}")
      read -r ns _ < <(measure "$e" -Tsvg -o "$kb/n-$e.svg" "$kb/g-$e.dot")
      printf '%-6s %-6s %-6s %-9s %-9s %-9s %s\n' "$nodes" "$edges" "$e" "$gs" "$ns" "$(ratio "$gs" "$ns")" "$gd"
    done
    read -r ga _ < <(measure "$guazhi" render -f svg --layout auto -o "$kb/g-auto.svg" "${files[@]}")
    printf '%-6s %-6s %-6s %-9s\n' "$nodes" "$edges" auto "$ga"
    rm -rf "$kb"
  done
fi
