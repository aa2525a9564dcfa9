#!/usr/bin/env bash
# Times `guazhi diff` on synthetic knowledge bases of 1,000 and 5,000
# officials (or the sizes given): seed 1 against seed 2 (nearly everything
# differs), and seed 1 against a copy of itself with a few edits (a body
# renamed, a secondment's post changed, a file added with a new official,
# a new secondment and a known secondment re-sourced). Each is run RUNS
# times (default 3) under /usr/bin/time; it prints the median wall time and
# the largest peak resident memory, beside `guazhi check` of one side (a
# diff loads two knowledge bases, so about twice that is its floor), and
# the edited diff's --stat.
# Usage: bench/diff.sh [RUNS] [OFFICIALS ...]   (from anywhere; needs /usr/bin/time)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
sizes=("${@:-1000 5000}")
read -r -a sizes <<<"${sizes[*]}"
work=$(mktemp -d) # private: mktemp makes it 0700
trap 'rm -rf "$work"' EXIT
go build -o "$work/guazhi" ./cmd/guazhi

# timed LABEL ARGS...: RUNS runs of guazhi ARGS, the median and the peak.
timed() {
  local label=$1
  shift
  rm -f "$work/all"
  for _ in $(seq "$runs"); do
    # diff exits 1 when the knowledge bases differ: only 2 is trouble.
    /usr/bin/time -f '%e %M' -o "$work/t" "$work/guazhi" "$@" >/dev/null 2>"$work/err" || [ $? -eq 1 ] ||
      { cat "$work/err"; exit 1; }
    tail -n 1 "$work/t" >>"$work/all"
  done
  sort -n "$work/all" | awk -v l="$label" '{t[NR]=$1; if ($2>m) m=$2} END {printf "%-34s median %5s s of %d runs, peak %4d MiB\n", l, t[int((NR+1)/2)], NR, m/1024}'
}

for n in "${sizes[@]}"; do
  for s in 1 2; do
    go run ./internal/gen -officials "$n" -seed "$s" -o "$work/s$s-$n" >"$work/files$s-$n"
  done
  mapfile -t a <"$work/files1-$n"
  mapfile -t b <"$work/files2-$n"
  # The edited copy of seed 1.
  cp -r "$work/s1-$n" "$work/e-$n"
  first=$(sed "s|^$work/s1-$n|$work/e-$n|" <"$work/files1-$n" | head -n 1)
  sed -i -e '0,/^    name: 东城区$/s//    name: 东城区(新)/' \
    -e '0,/^    to: {body: \([^,]*\), post: \(.*\)}$/s//    to: {body: \1, post: 常务\2}/' "$first"
  # The second secondment (the first's post changed) is re-sourced.
  official=$(awk '/^secondments:/ {s=1} s && /^  - official: / && ++i == 2 {print $3; exit}' "$first")
  to=$(awk '/^secondments:/ {s=1} s && /^    to: \{body: / && ++i == 2 {sub(/,$/, "", $3); print $3; exit}' "$first")
  start=$(awk '/^secondments:/ {s=1} s && /^    start: / && ++i == 2 {print $2; exit}' "$first")
  cat >"$work/e-$n/edits.yaml" <<YAML
sources:
  - {id: bench-edit, title: 一篇新报道}
entities:
  - {id: bench-new, kind: official, name: 新干部}
secondments:
  - {official: bench-new, to: {body: dongcheng}, start: 2020, evidence: [{source: bench-edit, quote: 新干部挂职东城区}]}
  - {official: $official, to: {body: $to}, start: $start, evidence: [{source: bench-edit, quote: 又一篇报道}]}
YAML
  mapfile -t e < <(sed "s|^$work/s1-$n|$work/e-$n|" <"$work/files1-$n")
  e+=("$work/e-$n/edits.yaml")
  old=()
  for f in "${a[@]}"; do old+=(--old "$f"); done
  echo "$n officials ($(cat "${a[@]}" | wc -c) bytes of YAML a side)"
  timed "  check seed 1" check "${a[@]}"
  timed "  diff seed 1 seed 2" diff "${old[@]}" $(printf -- '--new %s ' "${b[@]}")
  timed "  diff seed 1 seed 1" diff "${old[@]}" $(printf -- '--new %s ' "${a[@]}")
  timed "  diff seed 1 edited" diff "${old[@]}" $(printf -- '--new %s ' "${e[@]}")
  "$work/guazhi" diff --stat "${old[@]}" $(printf -- '--new %s ' "${b[@]}") | sed 's/^/    seed 2: /' | tail -n 1 || true
  "$work/guazhi" diff --stat "${old[@]}" $(printf -- '--new %s ' "${e[@]}") | sed 's/^/    edited: /' || true
done
