#!/usr/bin/env bash
# Runs the Spark example's test in local mode, in the virtualenv that
# python/build_and_test.sh made (with the thaifacts wheel installed).
# Needs Java 17+ (PySpark 4); installs Debian's headless JRE when missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/target/py-venv"
if ! command -v java >/dev/null 2>&1; then
  echo "run_test.sh: java not found; installing openjdk-17-jre-headless" >&2
  apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check "pyspark>=3.5,<5"
cd "$here"
# Keep Spark on the loopback interface.
export SPARK_LOCAL_IP=127.0.0.1
PYSPARK_PYTHON="$venv/bin/python" "$venv/bin/python" -m pytest -q -s test_spark.py
