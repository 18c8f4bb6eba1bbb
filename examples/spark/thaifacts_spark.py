"""Run thaifacts over a JSON Lines dataset with Apache Spark, writing Parquet.

Input: JSON Lines records {"id": ..., "text": ..., "published": "YYYY-MM-DD"?}
(the same records `thaifacts extract --jsonl` reads). Output: Parquet with one
row per record: `id`, `published`, and the facts as typed columns (`people`,
`organizations`, `places`, `dates`, `numbers` as arrays of structs, the field
names of the JSON contract).

The thaifacts Python binding is called once per partition
(`mapPartitions` → `thaifacts.extract_many`), which runs the partition on the
executor's cores with the GIL released.

Local mode:

    python thaifacts_spark.py records.jsonl out.parquet --master 'local[2]'

On a cluster, ship the wheel to the executors (it is a self-contained abi3
wheel) and submit:

    spark-submit --master yarn --py-files thaifacts-0.1.0-cp39-abi3-manylinux_2_34_x86_64.whl \\
        thaifacts_spark.py hdfs:///news/records.jsonl hdfs:///news/facts.parquet

(or install the wheel on every node with pip and drop --py-files).
"""

import argparse
import json

from pyspark.sql import SparkSession
from pyspark.sql import types as T

MENTION = T.StructType([
    T.StructField("start", T.LongType()),
    T.StructField("end", T.LongType()),
    T.StructField("text", T.StringType()),
])

FACTS = T.StructType([
    T.StructField("schema_version", T.LongType()),
    T.StructField("people", T.ArrayType(T.StructType([
        T.StructField("name", T.StringType()),
        T.StructField("title", T.StringType()),
        T.StructField("positions", T.ArrayType(T.StringType())),
        T.StructField("mentions", T.ArrayType(MENTION)),
        T.StructField("statements", T.ArrayType(MENTION)),
    ]))),
    T.StructField("organizations", T.ArrayType(T.StructType([
        T.StructField("name", T.StringType()),
        T.StructField("abbreviations", T.ArrayType(T.StringType())),
        T.StructField("kind", T.StringType()),
        T.StructField("mentions", T.ArrayType(MENTION)),
    ]))),
    T.StructField("places", T.ArrayType(T.StructType([
        T.StructField("name", T.StringType()),
        T.StructField("kind", T.StringType()),
        T.StructField("mentions", T.ArrayType(MENTION)),
    ]))),
    T.StructField("dates", T.ArrayType(T.StructType([
        T.StructField("text", T.StringType()),
        T.StructField("start", T.LongType()),
        T.StructField("end", T.LongType()),
        T.StructField("value", T.StringType()),
        T.StructField("end_value", T.StringType()),
        T.StructField("precision", T.StringType()),
        T.StructField("era", T.StringType()),
        T.StructField("time", T.StringType()),
        T.StructField("weekday_mismatch", T.BooleanType()),
    ]))),
    T.StructField("numbers", T.ArrayType(T.StructType([
        T.StructField("text", T.StringType()),
        T.StructField("start", T.LongType()),
        T.StructField("end", T.LongType()),
        T.StructField("value", T.DoubleType()),
        T.StructField("end_value", T.DoubleType()),
        T.StructField("of", T.DoubleType()),
        T.StructField("unit", T.StringType()),
        T.StructField("kind", T.StringType()),
        T.StructField("qualifier", T.StringType()),
    ]))),
])

ROW = T.StructType([
    T.StructField("id", T.StringType()),
    T.StructField("published", T.StringType()),
    T.StructField("facts", FACTS),
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


def extract_partition(records):
    """Calls thaifacts once per partition; groups records by publication date."""
    import thaifacts

    records = list(records)
    by_date = {}
    for i, r in enumerate(records):
        by_date.setdefault(r["published"], []).append(i)
    facts = [None] * len(records)
    for published, idx in by_date.items():
        for i, f in zip(idx, thaifacts.extract_many([records[i]["text"] for i in idx], published=published)):
            facts[i] = f
    for r, f in zip(records, facts):
        yield (r["id"], r["published"], _coerce(f, FACTS))


def parse_line(line):
    rec = json.loads(line)
    rid = rec.get("id")
    return {
        "id": rid if isinstance(rid, str) or rid is None else json.dumps(rid),
        "text": rec["text"],
        "published": rec.get("published"),
    }


def run(spark, src, dst, partitions=None):
    lines = spark.sparkContext.textFile(src, minPartitions=partitions or spark.sparkContext.defaultParallelism)
    rows = lines.filter(lambda l: l.strip()).map(parse_line).mapPartitions(extract_partition)
    spark.createDataFrame(rows, ROW).write.mode("overwrite").parquet(dst)


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
        run(spark, args.src, args.dst, args.partitions)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
