"""Run thaifacts over a JSON Lines dataset with Apache Spark, writing Parquet.

Input: JSON Lines records {"id": ..., "text": ..., "published": "YYYY-MM-DD"?}
(the same records `thaifacts extract --jsonl` reads). Output: Parquet with one
row per non-blank input line: `id`, `line` (the input line number),
`published`, `facts` (typed columns: `people`, `organizations`, `places`,
`dates`, `numbers` as arrays of structs, the field names of the JSON
contract) and `error`. A record that cannot be read (malformed JSON, no
`text`, a field of the wrong type, a bad `published`) is a row with `facts`
null and `error` saying why, with the command-line tool's message: one bad
record never fails the job. The script exits 1 when some rows are errors
(after writing them all), as the command-line tool does.

The Spark schema of `facts` is generated from `thaifacts.json_schema()`, the
JSON Schema the Rust crate derives from its own serde types, so it cannot
drift from the output.

The thaifacts Python binding is called once per partition
(`mapPartitions` → `thaifacts.extract_records`), which parses the records
exactly as the command-line tool does and extracts them on the executor's
cores with the GIL released. The driver needs the binding too (for the
schema); the executors get it from a packed virtual environment shipped with
`--archives` (see the README's Spark section):

    PYSPARK_DRIVER_PYTHON=spark-env/bin/python PYSPARK_PYTHON=./environment/bin/python \\
        spark-env/bin/spark-submit --master 'local[2]' --archives thaifacts-env.tar.gz#environment \\
        examples/spark/thaifacts_spark.py records.jsonl facts.parquet
"""

import argparse
import json
import sys

from pyspark.sql import SparkSession
from pyspark.sql import types as T


def spark_type(schema, root=None):
    """The Spark type of a JSON Schema (the subset schemars writes)."""
    root = root or schema
    if "$ref" in schema:
        return spark_type(root["$defs"][schema["$ref"].rsplit("/", 1)[-1]], root)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            alts = [a for a in schema[key] if a.get("type") != "null"]
            if all("const" in a for a in alts):
                return T.StringType()
            (only,) = alts
            return spark_type(only, root)
    types = schema.get("type")
    types = [t for t in (types if isinstance(types, list) else [types]) if t != "null"]
    (t,) = types
    if t == "object":
        return T.StructType([T.StructField(k, spark_type(v, root)) for k, v in schema["properties"].items()])
    if t == "array":
        return T.ArrayType(spark_type(schema["items"], root))
    return {
        "string": T.StringType(),
        "integer": T.LongType(),
        "number": T.DoubleType(),
        "boolean": T.BooleanType(),
    }[t]


def row_type(facts_type):
    return T.StructType([
        T.StructField("id", T.StringType()),
        T.StructField("line", T.LongType()),
        T.StructField("published", T.StringType()),
        T.StructField("facts", facts_type),
        T.StructField("error", T.StringType()),
    ])


def _coerce(value, dtype):
    """Shapes a decoded JSON value to a Spark type (ints to floats for doubles)."""
    if value is None:
        return None
    if isinstance(dtype, T.StructType):
        return tuple(_coerce(value.get(f.name), f.dataType) for f in dtype.fields)
    if isinstance(dtype, T.ArrayType):
        return [_coerce(v, dtype.elementType) for v in value]
    if isinstance(dtype, T.DoubleType):
        return float(value)
    return value


def _id(value):
    """Ids are strings in the table; other JSON ids keep their JSON text."""
    return value if isinstance(value, str) or value is None else json.dumps(value, ensure_ascii=False)


def extract_partition(facts_type):
    def run(lines):
        import thaifacts

        records = [(index + 1, text) for text, index in lines]
        for (line, text), r in zip(records, thaifacts.extract_records(records)):
            if "error" in r:
                yield (_id(r["id"]), line, None, None, r["error"])
            else:
                published = json.loads(text).get("published") if '"published"' in text else None
                yield (_id(r["id"]), line, published, _coerce(r["facts"], facts_type), None)

    return run


def run(spark, src, dst, partitions=None):
    """Writes the Parquet; returns (rows, error rows)."""
    import thaifacts

    facts_type = spark_type(thaifacts.json_schema())
    sc = spark.sparkContext
    lines = sc.textFile(src, minPartitions=partitions or sc.defaultParallelism)
    # Line numbers before blank lines are dropped, so `line` is the input's.
    numbered = lines.zipWithIndex().filter(lambda p: p[0].strip())
    rows = numbered.mapPartitions(extract_partition(facts_type))
    spark.createDataFrame(rows, row_type(facts_type)).write.mode("overwrite").parquet(dst)
    written = spark.read.parquet(dst)
    return written.count(), written.where("error IS NOT NULL").count()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src", help="JSON Lines records")
    ap.add_argument("dst", help="output Parquet directory")
    ap.add_argument("--master", default=None, help="Spark master, e.g. local[2] (default: spark-submit's)")
    ap.add_argument("--partitions", type=int, default=None)
    args = ap.parse_args()
    builder = SparkSession.builder.appName("thaifacts")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        rows, errors = run(spark, args.src, args.dst, args.partitions)
    finally:
        spark.stop()
    print(f"thaifacts_spark: {rows} records, {errors} errors", file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
