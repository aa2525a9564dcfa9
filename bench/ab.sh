#!/usr/bin/env bash
# Compares benchmarks of an earlier revision with the working tree by running
# the two builds' test binaries alternately, round after round, so that both
# see the same load on a shared machine (single runs here swing by ±20-50 %).
# Prints one line per run: package, old|new, benchmark, ns/op; read the
# fastest of each.
# Usage: bench/ab.sh REV ROUNDS BENCH PKG...
#   e.g. bench/ab.sh 67a29c8 3 'Write/10k$' ./output/csv ./output/json
set -euo pipefail
cd "$(dirname "$0")/.."
rev=$1 rounds=$2 bench=$3
shift 3
work=$(mktemp -d) # private: mktemp makes it 0700
trap 'git worktree remove --force "$work/old" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/old" "$rev"
for p in "$@"; do
  n=$(echo "$p" | tr -c 'a-zA-Z0-9\n' _)
  (cd "$work/old" && go test -c -o "$work/old-$n.test" "$p")
  go test -c -o "$work/new-$n.test" "$p"
done
for _ in $(seq "$rounds"); do
  for p in "$@"; do
    n=$(echo "$p" | tr -c 'a-zA-Z0-9\n' _)
    for v in old new; do
      dir=$p
      [ "$v" = old ] && dir=$work/old/$p
      (cd "$dir" && "$work/$v-$n.test" -test.run '^$' -test.bench "$bench" -test.benchtime "${BT:-3x}") |
        awk -v p="$p" -v v="$v" '/^Benchmark/ {print p, v, $1, $3}'
    done
  done
done
