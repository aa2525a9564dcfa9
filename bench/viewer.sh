#!/usr/bin/env bash
# Measures the HTML viewer at scale: for each number of synthetic officials
# (default 1,000 and 5,000; seed 1) the page's size and how long headless
# Chromium takes to open its overview at 1600×1000, from the navigation to
# the second frame painted after the viewer drew it (output/html's
# TestBrowserOverviewOpen, which also checks that no two labels overlap).
# Usage: bench/viewer.sh [OFFICIALS...]   (from anywhere; needs chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- 1000 5000
for n in "$@"; do
  GUAZHI_REQUIRE_TOOLS=1 go test ./output/html -count 1 -run '^TestBrowserOverviewOpen$' -v -args -officials "$n" |
    sed -n 's/^ *overview_browser_test.go:[0-9]*: //p'
done
