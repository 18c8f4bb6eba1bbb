#!/usr/bin/env bash
# Seeds the fuzz corpora from the fixtures: every fixture article's text (from
# ../shared/corpus or $THAIFACTS_CORPUS), split into paragraphs, for the text
# targets; JSON Lines records built from them for the jsonl target.
set -euo pipefail
cd "$(dirname "$0")"
corpus_src="${THAIFACTS_CORPUS:-../../shared/corpus}"
mkdir -p corpus/normalize corpus/extract corpus/extract_published corpus/jsonl
n=0
for expected in ../fixtures/*.expected.json; do
  name=$(basename "$expected" .expected.json)
  text="../fixtures/$name.txt"
  [ -f "$text" ] || text="$corpus_src/$name.txt"
  while IFS= read -r para; do
    [ -n "$para" ] || continue
    n=$((n + 1))
    for t in normalize extract extract_published; do printf '%s' "$para" > "corpus/$t/seed-$n"; done
    python3 -c 'import json,sys; print(json.dumps({"id": sys.argv[1], "text": sys.argv[2], "published": "2024-02-14"}, ensure_ascii=False))' "$n" "$para" > "corpus/jsonl/seed-$n"
  done < "$text"
done
echo "seeded $n paragraphs"
