#!/usr/bin/env bash
# Side-by-side with PyThaiNLP (documented in the README; not part of CI).
# Installs PyThaiNLP in a throwaway virtualenv, builds the thaifacts CLI, and
# runs compare.py: throughput of PyThaiNLP's newmm word tokenizer (and its NER
# where a model loads offline) against thaifacts on the same text, plus
# agreement of PyThaiNLP's number and Buddhist-year utilities with thaifacts.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/target/peers-venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "pythainlp>=5"
# tltk's NER model ships in its wheel (runs offline); it needs a newer scikit-learn.
"$venv/bin/pip" install --quiet --disable-pip-version-check tltk "scikit-learn>=1.5" || echo "run.sh: tltk not installed; NER is skipped" >&2
(cd "$root" && cargo build --release --quiet)
"$venv/bin/python" "$here/compare.py" --cli "$root/target/release/thaifacts" --root "$root" "$@"
