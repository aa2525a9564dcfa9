#!/usr/bin/env bash
# Peak memory and time of `guazhi check` on knowledge bases made to be
# costly per byte, and on realistic ones, with the peak per byte of input.
#
#   bench/memory.sh              # prints the table (bench/memory.txt holds the last run)
#   GUAZHI=/path/to/guazhi bench/memory.sh   # another build
#
# The files (made in a temporary directory):
#   entities-empty.yaml   `entities:` then `- {}` lines, 4 MiB (the loader's limit)
#   entities-crlf.yaml    the same as an editor on Windows saves it: a byte-order
#                         mark, `---`, CRLF line ends (and a tab in a comment)
#   entities-tab.yaml     the same with a tab in a comment, which the fast YAML
#                         parser leaves to yaml.v3 (the piece it is in)
#   entities-yaml-v3.yaml the same with an anchor at the start and its alias at
#                         the end, which keeps the file from being cut: yaml.v3
#                         parses all of it (the worst case)
#   top-list.yaml         a top-level list of `- a` lines, 4 MiB (refused: not a mapping)
#   flow-list.yaml        `entities: [a,a,a,…]`, 4 MiB: the most YAML nodes per byte
#   entities-small.yaml   `- {id: eN, kind: official, name: 名N}` lines, 3.6 MB
#   aliases.yaml          one entity with 200,000 aliases in a flow list
#   aliases.jsonl         the same entity as one JSON Lines line (3.1 MB)
#   line-100mb.jsonl      one entity whose note is 100 MB, on one line
#   exchange-20k          internal/gen -kind exchange -officials 20000, as YAML
#                         (four files of up to 4 MiB) and as JSON Lines; the
#                         source texts (3.7 MB) are read too, not counted as input
# "per byte" is the peak resident memory (/usr/bin/time %M) over the input's
# bytes; "above start" takes off the peak of `guazhi version` first (the
# runtime and go-graphviz's WebAssembly module, about 30 MB).
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "memory.sh: needs $tool" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
guazhi=${GUAZHI:-$work/guazhi}
[ -n "${GUAZHI:-}" ] || go build -o "$guazhi" ./cmd/guazhi
# the build measured: this tree, or the one GUAZHI names
build="$(git describe --always --dirty 2>/dev/null)"
[ -z "${GUAZHI:-}" ] || build="$GUAZHI ($("$guazhi" version | head -1))"
go run ./internal/gen -kind exchange -officials 20000 -o "$work/x20k" >/dev/null
go run ./internal/gen -kind exchange -officials 20000 -format jsonl -o "$work/x20k-jsonl" >/dev/null

python3 - "$work" <<'EOF'
import json, os, sys
w = sys.argv[1]
limit = 4 << 20
def fill(name, head, item, tail=""):
    n = (limit - len(head.encode()) - len(tail.encode())) // len(item.encode())
    with open(os.path.join(w, name), "w", encoding="utf-8") as f:
        f.write(head + item * n + tail)
fill("entities-empty.yaml", "entities:\n", "- {}\n")
fill("entities-crlf.yaml", "\ufeff---\r\n# a\ttab\r\nentities:\r\n", "- {}\r\n")
fill("entities-tab.yaml", "# a\ttab\nentities:\n", "- {}\n")
fill("entities-yaml-v3.yaml", "# a\ttab\nentities:\n- &a {}\n", "- {}\n", "- *a\n")
fill("top-list.yaml", "", "- a\n")
n = (limit - 20) // 2
with open(os.path.join(w, "flow-list.yaml"), "w") as f:
    f.write("entities: [" + ",".join(["a"] * n) + "]\n")
with open(os.path.join(w, "entities-small.yaml"), "w", encoding="utf-8") as f:
    f.write("name: small\nentities:\n")
    for i in range(80000):
        f.write(f"  - {{id: e{i}, kind: official, name: 名{i}}}\n")
aliases = [f"别名{i}" for i in range(200000)]
with open(os.path.join(w, "aliases.yaml"), "w", encoding="utf-8") as f:
    f.write("name: aliases\nentities:\n  - id: x\n    kind: official\n    name: 某人\n    aliases: [" + ", ".join(aliases) + "]\n")
with open(os.path.join(w, "aliases.jsonl"), "w", encoding="utf-8") as f:
    f.write(json.dumps({"name": "aliases"}) + "\n")
    f.write(json.dumps({"entity": {"id": "x", "kind": "official", "name": "某人", "aliases": aliases}}, ensure_ascii=False) + "\n")
with open(os.path.join(w, "line-100mb.jsonl"), "w", encoding="utf-8") as f:
    f.write(json.dumps({"name": "line"}) + "\n")
    f.write(json.dumps({"entity": {"id": "x", "kind": "official", "name": "某人", "note": "注" * (100_000_000 // 3)}}, ensure_ascii=False) + "\n")
EOF

/usr/bin/time -f '%M' -o "$work/base" "$guazhi" version >/dev/null
base=$(cat "$work/base")
echo "# guazhi $build, $(go version | cut -d' ' -f3), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# guazhi version peaks at $((base / 1024)) MiB"
printf '%-20s %11s %8s %9s %9s %12s  %s\n' input bytes seconds "peak MiB" "per byte" "above start" result
row() { # row NAME FILE...
  local name=$1; shift
  local bytes
  bytes=$(cat "$@" | wc -c)
  local res
  res=$(/usr/bin/time -f '%e %M' -o "$work/time" "$guazhi" check "$@" 2>&1 >/dev/null | tail -1 || true)
  [ -n "$res" ] || res=ok
  read -r s kib < <(tail -1 "$work/time")
  awk -v n="$name" -v b="$bytes" -v s="$s" -v k="$kib" -v base="$base" -v r="$res" 'BEGIN {
    printf "%-20s %11d %8s %9.0f %9.1f %12.1f  %s\n", n, b, s, k/1024, k*1024/b, (k-base)*1024/b, substr(r, 1, 60) }'
}
row entities-empty.yaml "$work/entities-empty.yaml"
row entities-crlf.yaml "$work/entities-crlf.yaml"
row entities-tab.yaml "$work/entities-tab.yaml"
row entities-yaml-v3.yaml "$work/entities-yaml-v3.yaml"
row top-list.yaml "$work/top-list.yaml"
row flow-list.yaml "$work/flow-list.yaml"
row entities-small.yaml "$work/entities-small.yaml"
row aliases.yaml "$work/aliases.yaml"
row aliases.jsonl "$work/aliases.jsonl"
row line-100mb.jsonl "$work/line-100mb.jsonl"
row exchange-20k.yaml "$work"/x20k/*.yaml
row exchange-20k.jsonl "$work/x20k-jsonl/kb.jsonl"
