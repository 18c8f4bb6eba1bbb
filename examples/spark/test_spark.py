"""Runs the Spark example in local mode on the fixtures and checks that the
Parquet rows equal the command-line tool's JSON Lines output for the same
records. Run by examples/spark/run_test.sh (and .ci/run)."""

import json
import os
import pathlib
import subprocess
import tempfile
import time

import pytest

pyspark = pytest.importorskip("pyspark")
from pyspark.sql import SparkSession  # noqa: E402

import thaifacts_spark  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = pathlib.Path(os.environ.get("THAIFACTS_CORPUS", ROOT.parent / "shared" / "corpus"))
CLI = ROOT / "target" / "release" / "thaifacts"


def records():
    fixtures = ROOT / "fixtures"
    out = []
    for expected in sorted(fixtures.glob("*.expected.json")):
        name = expected.name[: -len(".expected.json")]
        text_path = fixtures / f"{name}.txt"
        if not text_path.exists():
            text_path = CORPUS / f"{name}.txt"
        assert text_path.exists(), f"{text_path} is missing (set THAIFACTS_CORPUS)"
        published = json.loads(expected.read_text(encoding="utf-8")).get("published")
        out.append({"id": name, "text": text_path.read_text(encoding="utf-8"), "published": published})
    return out


def as_plain(value):
    """Spark Row → dict/list, recursively."""
    if hasattr(value, "asDict"):
        return {k: as_plain(v) for k, v in value.asDict().items()}
    if isinstance(value, list):
        return [as_plain(v) for v in value]
    return value


def test_parquet_rows_equal_cli_output():
    recs = records()
    with tempfile.TemporaryDirectory() as tmp:
        src = pathlib.Path(tmp) / "records.jsonl"
        src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
        dst = str(pathlib.Path(tmp) / "facts.parquet")

        assert CLI.exists(), "build the CLI first: cargo build --release"
        t0 = time.perf_counter()
        cli = subprocess.run([str(CLI), "extract", "--jsonl", str(src)], capture_output=True, check=True)
        cli_seconds = time.perf_counter() - t0
        expected = {}
        for line in cli.stdout.decode("utf-8").splitlines():
            row = json.loads(line)
            expected[row["id"]] = row["facts"]

        spark = SparkSession.builder.master("local[2]").config("spark.driver.host", "127.0.0.1").appName("thaifacts-test").getOrCreate()
        try:
            t0 = time.perf_counter()
            thaifacts_spark.run(spark, str(src), dst, partitions=4)
            spark_seconds = time.perf_counter() - t0
            rows = spark.read.parquet(dst).collect()
        finally:
            spark.stop()

    mb = src_bytes = sum(len(r["text"].encode("utf-8")) for r in recs) / 1e6
    print(f"\n{len(recs)} records, {src_bytes:.2f} MB: CLI {mb / cli_seconds:.1f} MB/s, "
          f"Spark local[2] {mb / spark_seconds:.2f} MB/s (includes job start-up)")
    assert len(rows) == len(recs)
    for row in rows:
        got = as_plain(row["facts"])
        assert got == expected[row["id"]], row["id"]
