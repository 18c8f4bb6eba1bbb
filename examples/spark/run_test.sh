#!/usr/bin/env bash
# Runs the Spark example's tests in local mode, shipping the thaifacts binding
# to the executors the way the README says: a virtual environment with the
# wheel, packed with venv-pack and given to Spark as an archive
# (--archives / spark.archives), with PYSPARK_PYTHON=./environment/bin/python.
# Then runs the README's Spark commands as written, in a fresh directory.
#
# Needs the venv and wheel of python/build_and_test.sh, and Java 17+
# (PySpark 4); installs Debian's headless JRE when java is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/target/py-venv"
wheel="$(ls "$root"/target/wheels/thaifacts-*.whl)"
if ! command -v java >/dev/null 2>&1; then
  echo "run_test.sh: java not found; installing openjdk-17-jre-headless" >&2
  apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi
pip=(install --quiet --disable-pip-version-check)
"$venv/bin/pip" "${pip[@]}" "pyspark>=3.5,<5" "venv-pack>=0.2"
# Keep Spark on the loopback interface.
export SPARK_LOCAL_IP=127.0.0.1

# The executors' environment: Python and the wheel, nothing else.
exec_env="$root/target/spark-executor-env"
rm -rf "$exec_env" "$root/target/thaifacts-env.tar.gz"
python3 -m venv "$exec_env"
"$exec_env/bin/pip" "${pip[@]}" "$wheel"
"$venv/bin/venv-pack" -q -p "$exec_env" -o "$root/target/thaifacts-env.tar.gz"

cd "$here"
THAIFACTS_SPARK_ARCHIVE="$root/target/thaifacts-env.tar.gz" PYSPARK_PYTHON="$venv/bin/python" \
  "$venv/bin/python" -m pytest -q -s test_spark.py

# The README's Spark section, as written, in an empty directory with the
# wheel and the example where the README expects them.
readme_dir="$(mktemp -d)"
trap 'rm -rf "$readme_dir"' EXIT
mkdir -p "$readme_dir/target" "$readme_dir/examples"
cp -r "$root/target/wheels" "$readme_dir/target/wheels"
cp -r "$root/examples/spark" "$readme_dir/examples/spark"
printf '%s\n' '{"id": "a", "text": "เมื่อวันที่ 14 กุมภาพันธ์ 2567 มี 390 ล้านคน"}' '{"id": "b", "text": 5}' \
  > "$readme_dir/records.jsonl"
"$venv/bin/python" - "$root/README.md" > "$readme_dir/readme_spark.sh" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
section = text.split("\n## Apache Spark\n", 1)[1].split("\n## ", 1)[0]
blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
assert blocks, "no sh block in the README's Spark section"
print("\n".join(blocks))
PY
status=0
(cd "$readme_dir" && bash -euo pipefail readme_spark.sh) || status=$?
# One record of two is bad: the README's run must exit 1 and still write both rows.
if [ "$status" -ne 1 ]; then
  echo "run_test.sh: the README's Spark commands exited $status, expected 1 (one bad record)" >&2
  exit 1
fi
"$venv/bin/python" - "$readme_dir/facts.parquet" <<'PY'
import sys
from pyspark.sql import SparkSession
spark = SparkSession.builder.master("local[1]").config("spark.driver.host", "127.0.0.1").getOrCreate()
try:
    rows = sorted(spark.read.parquet(sys.argv[1]).collect(), key=lambda r: r["line"])
finally:
    spark.stop()
assert [(r["id"], r["line"], r["error"] is None) for r in rows] == [("a", 1, True), ("b", 2, False)], rows
assert rows[0]["facts"]["numbers"][0]["value"] == 390000000.0, rows[0]
print("run_test.sh: the README's Spark commands wrote", len(rows), "rows, one an error row")
PY
