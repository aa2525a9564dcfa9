#!/usr/bin/env bash
# The whole job against the whole job in Python: `guazhi render -f FMT`
# from the YAML knowledge base (decoding, checks, every quote verified
# against its source text, the graph, the file), against bench/nx_pipeline.py
# (PyYAML, its C loader when installed, quotes checked, a NetworkX graph,
# NetworkX's writers), each a whole process, on exchange knowledge bases
# (internal/gen -kind exchange).
#
#   bench/pipeline.sh                      # 2,000 and 20,000 officials, median of 3
#   SIZES="2000" RUNS=5 FORMATS="json" bench/pipeline.sh
#   GUAZHI=/path/to/guazhi bench/pipeline.sh   # another build
#
# Prints, per size and format, the median seconds and largest peak memory
# of each, and the ratio Python / guazhi; then growth: the time at the
# largest size over the time at the smallest, per format, for each.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"2000 20000"}
RUNS=${RUNS:-3}
FORMATS=${FORMATS:-"gexf graphml json csv"}
for tool in python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "pipeline.sh: needs $tool" >&2; exit 1; }
done
python3 -c 'import networkx, yaml' || { echo "pipeline.sh: needs python3 with networkx and PyYAML" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
guazhi=${GUAZHI:-$work/guazhi}
[ -n "${GUAZHI:-}" ] || go build -o "$guazhi" ./cmd/guazhi
# the build measured: this tree, or the one GUAZHI names
build="$(git describe --always --dirty 2>/dev/null)"
[ -z "${GUAZHI:-}" ] || build="$GUAZHI ($("$guazhi" version | head -1))"

# measure CMD...: runs it RUNS times; prints "MEDIAN_SECONDS MAX_PEAK_KB".
measure() {
  local i
  : >"$work/runs"
  for ((i = 0; i < RUNS; i++)); do
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; echo "- -"; return; }
    tail -1 "$work/time" >>"$work/runs"
  done
  sort -n "$work/runs" | awk '{ t[NR] = $1; if ($2 > m) m = $2 } END { printf "%s %d\n", t[int((NR + 1) / 2)], m }'
}

echo "# guazhi $build, $(go version | cut -d' ' -f3), python $(python3 -c 'import platform; print(platform.python_version())'), networkx $(python3 -c 'import networkx; print(networkx.__version__)'), PyYAML $(python3 -c 'import yaml; print(yaml.__version__, "with libyaml (CSafeLoader)" if yaml.__with_libyaml__ else "pure Python (SafeLoader)")')"
echo "# $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; median of $RUNS runs"
printf '%-9s %-8s %9s %9s %9s %9s %7s\n' officials format guazhi_s py_s gz_MiB py_MiB ratio
declare -A gz=() py=()
for n in $SIZES; do
  kb=$work/kb$n
  mapfile -t files < <(go run ./internal/gen -kind exchange -officials "$n" -o "$kb")
  for f in $FORMATS; do
    read -r gs gk < <(measure "$guazhi" render -f "$f" -o "$work/out-gz/" "${files[@]}")
    read -r ps pk < <(measure python3 bench/nx_pipeline.py "$f" "$work/out-py" "${files[@]}")
    gz[$n.$f]=$gs py[$n.$f]=$ps
    awk -v n="$n" -v f="$f" -v gs="$gs" -v ps="$ps" -v gk="$gk" -v pk="$pk" 'BEGIN {
      printf "%-9s %-8s %9s %9s %9.0f %9.0f %7.1f\n", n, f, gs, ps, gk/1024, pk/1024, (gs > 0 ? ps/gs : 0) }'
  done
  rm -rf "$kb" "$work/out-gz" "$work/out-py"
done
set -- $SIZES
if [ $# -ge 2 ]; then
  first=$1 last=${!#}
  echo
  echo "growth ($last / $first officials, time):"
  for f in $FORMATS; do
    awk -v f="$f" -v a="${gz[$first.$f]}" -v b="${gz[$last.$f]}" -v c="${py[$first.$f]}" -v d="${py[$last.$f]}" 'BEGIN {
      printf "  %-8s guazhi %.1fx, python %.1fx\n", f, b/a, d/c }'
  done
fi
