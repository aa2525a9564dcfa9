#!/usr/bin/env bash
# Runs each command 10 times under each of several address-space limits
# (prlimit --as) and prints how many runs succeeded: guazhi's commands,
# built with and without cgo, with a warm and with no compilation cache, and
# a Go program that does nothing but print, as the floor. Failures under a
# limit are not deterministic (they depend on how many threads the Go
# runtime starts, each of which glibc may give a 64 MiB malloc arena), so a
# count says more than a threshold. Issue 11 item 15.
# Usage: bench/aslimit.sh   (from the repository root; needs prlimit)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/guazhi" ./cmd/guazhi
CGO_ENABLED=0 go build -o "$work/guazhi-nocgo" ./cmd/guazhi
mkdir -p "$work/hello"
cat >"$work/hello/main.go" <<'GO'
package main

import "fmt"

func main() { fmt.Println("hello") }
GO
(cd "$work/hello" && go mod init hello >/dev/null 2>&1 && go build -o "$work/hello-cgo" . && CGO_ENABLED=0 go build -o "$work/hello-nocgo" .)

limits=(640 768 1024 1280 1536 2048)

# count LIMIT_MIB CMD...: how many of 10 runs succeed under the limit.
count() {
  local lim=$1 n=0
  shift
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    if prlimit --as=$((lim << 20)) "$@" >/dev/null 2>&1; then n=$((n + 1)); fi
  done
  echo "$n"
}

"$work/guazhi" version >/dev/null # fills the user's cache
export XDG_CACHE_HOME HOME
printf '%-56s' "runs of 10 that succeed, under --as= (MiB)"
printf ' %5s' "${limits[@]}"
echo
run() { # LABEL ENV... -- CMD...
  local label=$1
  shift
  local envs=()
  while [ "$1" != -- ]; do envs+=("$1"); shift; done
  shift
  printf '%-56s' "$label"
  for lim in "${limits[@]}"; do printf ' %5s' "$(count "$lim" env "${envs[@]}" "$@")"; done
  echo
}
nocache=(XDG_CACHE_HOME=/dev/null/none)
run "Go hello world (cgo)" -- "$work/hello-cgo"
run "Go hello world (CGO_ENABLED=0)" -- "$work/hello-nocgo"
run "guazhi version (cgo, warm cache)" -- "$work/guazhi" version
run "guazhi version (cgo, no cache)" "${nocache[@]}" -- "$work/guazhi" version
run "guazhi version (cgo, warm cache, MALLOC_ARENA_MAX=2)" MALLOC_ARENA_MAX=2 -- "$work/guazhi" version
run "guazhi version (CGO_ENABLED=0, warm cache)" -- "$work/guazhi-nocgo" version
run "guazhi version (CGO_ENABLED=0, no cache)" "${nocache[@]}" -- "$work/guazhi-nocgo" version
run "guazhi check (cgo, warm cache)" -- "$work/guazhi" check
run "guazhi render -f svg -o - (cgo, warm cache)" -- "$work/guazhi" render -f svg -o -
run "guazhi render -f svg -o - (CGO_ENABLED=0, warm cache)" -- "$work/guazhi-nocgo" render -f svg -o -
