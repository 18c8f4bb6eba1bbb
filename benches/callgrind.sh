#!/usr/bin/env bash
# Instructions per byte of the whole pipeline over the fixtures, counted by
# callgrind: the speed figure that does not drift with the machine's load.
# Usage: benches/callgrind.sh [RUNS] [each]   (needs valgrind; not part of CI)
#   RUNS  how many times the fixtures are extracted (default 3)
#   each  one article at a time, as `extract --jsonl` runs them, instead of
#         the fixtures joined into one text
# Texts come from $THAIFACTS_CORPUS (default ../shared/corpus), as in the tests.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
cd "$root"
export THAIFACTS_CORPUS="${THAIFACTS_CORPUS:-$root/../shared/corpus}"
# The `profiling` profile is the release build with line tables, so that
# callgrind_annotate can point at source lines (release itself ships without
# debug info).
cargo build --profile profiling --quiet --example profile_extract
target="${CARGO_TARGET_DIR:-$root/target}"
out="$(mktemp -d)"
valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" --collect-atstart=no \
    --toggle-collect='*profile_extract::run*' "$target/profiling/examples/profile_extract" "$runs" ${2:-} \
    > "$out/run.txt" 2>&1 || { cat "$out/run.txt" >&2; exit 1; }
bytes=$(grep -oE '^[0-9]+ bytes' "$out/run.txt" | cut -d' ' -f1)
total=$(callgrind_annotate "$out/callgrind.out" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
echo "$total instructions for $runs x $bytes bytes: $(awk -v t="$total" -v b="$bytes" -v n="$runs" 'BEGIN {printf "%.1f", t / (b * n)}') instructions per byte"
echo "profile: callgrind_annotate --inclusive=yes $out/callgrind.out"
