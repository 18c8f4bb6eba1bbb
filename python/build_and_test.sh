#!/usr/bin/env bash
# Builds the abi3 wheel with maturin in a throwaway virtualenv, installs it,
# runs the pytest suite and type-checks a user script with mypy --strict.
# Used by .ci/run; run it by hand the same way.
#
# The wheel is built for manylinux2014 (glibc 2.17: CentOS 7, RHEL 7+,
# Debian 8+, Ubuntu 14.04+), not for this machine's glibc (2.36): linked by
# the system's cc it needs GLIBC_2.18 ... 2.34 symbols and maturin refuses
# even the manylinux_2_28 tag. maturin's --zig links through zig (the
# ziglang package on PyPI, no download of its own) against glibc 2.17's
# symbols, and maturin's auditwheel check verifies the tag.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
venv="$root/target/py-venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
pip=("$venv/bin/pip" install --quiet --disable-pip-version-check)
"${pip[@]}" "maturin>=1.9,<2" "ziglang>=0.13" "pytest>=7" "mypy>=1.10"
rm -rf "$root/target/wheels"
(cd "$here" && CARGO_TARGET_DIR="$root/target/py-build" PATH="$venv/bin:$PATH" "$venv/bin/maturin" build --release \
    --quiet --zig --compatibility manylinux2014 --out "$root/target/wheels")
ls "$root"/target/wheels/
"${pip[@]}" --force-reinstall --no-deps "$root"/target/wheels/thaifacts-*manylinux2014*.whl
# Import the installed wheel, not the source folder.
(cd "$root/target" && "$venv/bin/python" -m pytest -q "$here/tests")
# The stubs, as a user sees them: mypy --strict on a typed script, then run it.
(cd "$root/target" && "$venv/bin/python" -m mypy --strict --no-incremental "$here/tests/typed_user.py" \
    && "$venv/bin/python" "$here/tests/typed_user.py")
# The README's Python example, as written, in a clean virtualenv that has
# nothing but the wheel.
clean="$root/target/readme-venv"
rm -rf "$clean"
python3 -m venv "$clean"
"$clean/bin/pip" install --quiet --disable-pip-version-check "$root"/target/wheels/thaifacts-*manylinux2014*.whl
"$venv/bin/python" - "$root/README.md" > "$root/target/readme_python.py" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
section = text.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
blocks = re.findall(r"```python\n(.*?)```", section, re.S)
assert blocks, "no python block in the README's Python section"
print("\n".join(blocks))
PY
(cd "$root/target" && "$clean/bin/python" readme_python.py)
