"""Runs the Spark example in local mode on the fixtures, with malformed
records among them, and checks the Parquet against the command-line tool's
JSON Lines output for the same file: every good record's facts, and an error
row (id, line, error) for every bad one. Run by examples/spark/run_test.sh
(and .ci/run): once with the binding shipped to the executors as a packed
virtual environment (THAIFACTS_SPARK_ARCHIVE), the way the README says, on a
local cluster; once in local[2] with the wheel installed in the driver's
Python."""

import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

import pytest

pyspark = pytest.importorskip("pyspark")
from pyspark.sql import SparkSession  # noqa: E402

import thaifacts_spark  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = pathlib.Path(os.environ.get("THAIFACTS_CORPUS", ROOT.parent / "shared" / "corpus"))
CLI = ROOT / "target" / "release" / "thaifacts"
ARCHIVE = os.environ.get("THAIFACTS_SPARK_ARCHIVE")

BAD_LINES = [
    "{not json",
    '{"id": "text-is-a-number", "text": 5}',
    '{"id": "no-text"}',
    '{"id": "be-year", "text": "ข่าว", "published": "2567-02-14"}',
    '{"id": "bad-day", "text": "ข่าว", "published": "2024-02-30"}',
    "[1, 2]",
]


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


def input_lines(recs):
    """The good records with bad lines, blank lines and CRLF between them."""
    lines = []
    for i, r in enumerate(recs):
        lines.append(json.dumps(r, ensure_ascii=False))
        if i % 7 == 3:
            lines.append(BAD_LINES[(i // 7) % len(BAD_LINES)])
        if i % 11 == 5:
            lines.append("")
    lines += BAD_LINES + ['{"text": "ปี 2567", "id": 42}', "   "]
    return lines


def as_plain(value):
    """Spark Row → dict/list, recursively."""
    if hasattr(value, "asDict"):
        return {k: as_plain(v) for k, v in value.asDict().items()}
    if isinstance(value, list):
        return [as_plain(v) for v in value]
    return value


def spark_session(master, archive):
    builder = SparkSession.builder.master(master).config("spark.driver.host", "127.0.0.1").appName("thaifacts-test")
    if archive:
        # The same as spark-submit --archives ARCHIVE#environment with
        # PYSPARK_PYTHON=./environment/bin/python: the executors' Python and
        # the binding come from the packed environment only.
        builder = builder.config("spark.archives", f"{archive}#environment")
        os.environ["PYSPARK_PYTHON"] = "./environment/bin/python"
    else:
        # The install step: the executors run the driver's Python, which has the wheel.
        os.environ["PYSPARK_PYTHON"] = sys.executable
    return builder.getOrCreate()


@pytest.mark.skipif(not ARCHIVE, reason="THAIFACTS_SPARK_ARCHIVE (a venv-pack archive) is not set")
def test_packed_environment_on_a_local_cluster():
    """local-cluster runs executors as separate processes in their own
    directories, where --archives is unpacked, as on a real cluster (in
    local[N] the Python workers run in the driver's directory, so
    ./environment is not there)."""
    check_parquet("local-cluster[1,2,1024]", ARCHIVE)


def test_local_2_with_the_wheel_installed():
    check_parquet("local[2]", None)


def check_parquet(master, archive):
    recs = records()
    lines = input_lines(recs)
    with tempfile.TemporaryDirectory() as tmp:
        src = pathlib.Path(tmp) / "records.jsonl"
        src.write_bytes("\r\n".join(lines).encode("utf-8") + b"\r\n")
        mb = src.stat().st_size / 1e6
        dst = str(pathlib.Path(tmp) / "facts.parquet")

        assert CLI.exists(), "build the CLI first: cargo build --release"
        t0 = time.perf_counter()
        cli = subprocess.run([str(CLI), "extract", "--jsonl", "--quiet", str(src)], capture_output=True)
        cli_seconds = time.perf_counter() - t0
        assert cli.returncode == 1, cli.stderr
        expected = [json.loads(line) for line in cli.stdout.decode("utf-8").splitlines()]

        spark = spark_session(master, archive)
        try:
            # The example is imported here, not run as spark-submit's main
            # script, so its module goes to the executors as a py-file.
            spark.sparkContext.addPyFile(thaifacts_spark.__file__)
            if archive:
                where = spark.sparkContext.parallelize([0], 1).map(lambda _: __import__("thaifacts").__file__).collect()
                assert "/environment/" in where[0], where
            t0 = time.perf_counter()
            n_rows, n_errors = thaifacts_spark.run(spark, str(src), dst, partitions=4)
            spark_seconds = time.perf_counter() - t0
            rows = sorted((as_plain(r) for r in spark.read.parquet(dst).collect()), key=lambda r: r["line"])
        finally:
            spark.stop()

    print(
        f"\n{len(rows)} rows ({n_errors} errors), {mb:.2f} MB: CLI {mb / cli_seconds:.1f} MB/s, "
        f"Spark {master} {mb / spark_seconds:.2f} MB/s (includes job start-up)"
    )
    good = [e for e in expected if "facts" in e]
    bad = [e for e in expected if "error" in e]
    assert len(good) == len(recs) + 1 and len(bad) >= len(BAD_LINES) * 2
    assert (n_rows, n_errors) == (len(expected), len(bad))
    assert [r["line"] for r in rows] == [e["line"] for e in expected]
    for row, want in zip(rows, expected):
        want_id = want["id"] if isinstance(want["id"], str) or want["id"] is None else json.dumps(want["id"])
        assert row["id"] == want_id, row["line"]
        if "error" in want:
            assert row["facts"] is None and row["error"] == want["error"], row["line"]
        else:
            assert row["error"] is None, row["error"]
            assert row["facts"] == want["facts"], row["id"]
    published = {r["id"]: r["published"] for r in recs}
    for row in rows:
        if row["id"] in published:
            assert row["published"] == published[row["id"]]


def test_spark_schema_is_generated_from_the_json_schema():
    import thaifacts
    from pyspark.sql import types as T

    facts = thaifacts_spark.spark_type(thaifacts.json_schema())
    assert set(facts.fieldNames()) == set(thaifacts.ArticleFacts.__annotations__)
    date = facts["dates"].dataType.elementType
    assert isinstance(date["start"].dataType, T.LongType)
    assert isinstance(date["era"].dataType, T.StringType)
    assert isinstance(date["weekday_mismatch"].dataType, T.BooleanType)
    # An unresolved date: a null value, its parts and a relative offset.
    assert isinstance(date["value"].dataType, T.StringType)
    assert isinstance(date["month"].dataType, T.LongType)
    assert isinstance(date["anchor"].dataType, T.StringType)
    assert date["offset"].dataType.fieldNames() == ["count", "unit"]
    number = facts["numbers"].dataType.elementType
    assert isinstance(number["value"].dataType, T.DoubleType)
    assert isinstance(number["of"].dataType, T.DoubleType)
    mention = facts["people"].dataType.elementType["mentions"].dataType.elementType
    assert mention.fieldNames() == ["end", "start", "text"]
