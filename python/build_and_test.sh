#!/usr/bin/env bash
# Builds the abi3 wheel with maturin in a throwaway virtualenv, installs it,
# and runs the pytest suite. Used by .ci/run; run it by hand the same way.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
venv="$root/target/py-venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check "maturin>=1.5,<2" "pytest>=7"
rm -rf "$root/target/wheels"
(cd "$here" && CARGO_TARGET_DIR="$root/target/py-build" "$venv/bin/maturin" build --release --quiet --out "$root/target/wheels")
"$venv/bin/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps "$root"/target/wheels/thaifacts-*.whl
# Import the installed wheel, not the source folder.
(cd "$root/target" && "$venv/bin/python" -m pytest -q "$here/tests")
