#!/usr/bin/env bash
# Measures guazhi check on knowledge bases that are nothing but errors: the
# time, the peak memory (maximum resident set size) and how much it prints.
#
#   bench/errflood.sh            # the 4 MiB YAML and 10 MB JSON Lines floods
#   BIG=100 bench/errflood.sh    # and a broken JSON Lines file of 100 MiB
#   BIG=1024 bench/errflood.sh   # … of 1 GiB (graph.MaxBulkSize; minutes)
#   GUAZHI=/path/to/guazhi bench/errflood.sh   # another build
#
# Inputs (generated in a temporary directory):
#   yaml-items   4 MiB (graph.MaxFileSize) of "- {}" entities, each an error
#   jsonl-lists  10 MB of "[]" lines, each an error
#   jsonl-big    BIG MiB of "[]" lines (with BIG set)
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin=${GUAZHI:-$tmp/guazhi}
[ -n "${GUAZHI:-}" ] || go build -o "$bin" ./cmd/guazhi

python3 - "$tmp" "${BIG:-0}" <<'PY'
import sys
d, big = sys.argv[1], int(sys.argv[2])
with open(d + "/yaml-items.yaml", "w") as f:
    head = "entities:\n"
    f.write(head + "- {}\n" * (((4 << 20) - len(head)) // 5))
with open(d + "/jsonl-lists.jsonl", "w") as f:
    f.write("[]\n" * (10_000_000 // 3))
if big:
    with open(d + "/jsonl-big.jsonl", "w") as f:
        chunk = "[]\n" * (1 << 18)
        for _ in range((big << 20) // len(chunk)):
            f.write(chunk)
PY

printf '%-12s %10s %8s %12s %12s %5s\n' input size seconds peak-MB stderr-bytes exit
for f in "$tmp"/yaml-items.yaml "$tmp"/jsonl-lists.jsonl "$tmp"/jsonl-big.jsonl; do
	[ -e "$f" ] || continue
	set +e
	/usr/bin/time -f '%e %M' -o "$tmp/time" "$bin" check "$f" >/dev/null 2>"$tmp/stderr"
	code=$?
	set -e
	read -r secs kb < <(tail -n 1 "$tmp/time")
	name=$(basename "$f"); name=${name%.*}
	printf '%-12s %10d %8s %12d %12d %5d\n' "$name" "$(stat -c %s "$f")" "$secs" $((kb / 1024)) "$(stat -c %s "$tmp/stderr")" "$code"
	tail -n 2 "$tmp/stderr" | cut -c1-150 | sed 's/^/    /'
done
