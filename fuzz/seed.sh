#!/usr/bin/env bash
# Seeds the fuzz corpora from the fixtures (texts from ../shared/corpus or
# $THAIFACTS_CORPUS). Besides one seed per paragraph, every target gets long
# seeds of 100 KB to 1 MB (the fixtures joined, without spaces, and hostile
# shapes repeated), because libFuzzer's inputs only grow slowly from short
# seeds; run with -len_control=0 and a -max_len of 1 MB or more (see
# fuzz/README.md) so they are used whole.
#
#   corpus/normalize, corpus/extract   article text
#   corpus/extract_published           4-byte day number (little-endian,
#                                      0001-01-01 is 1), then article text
#   corpus/jsonl                       JSON Lines records, some faulty
#   corpus/lexicon                     category byte, lexicon lines, NUL, article
set -euo pipefail
cd "$(dirname "$0")"
export CORPUS_SRC="${THAIFACTS_CORPUS:-../../shared/corpus}"
python3 - <<'PY'
import json, os, pathlib, struct, datetime

src = pathlib.Path(os.environ["CORPUS_SRC"])
texts = []
for expected in sorted(pathlib.Path("../fixtures").glob("*.expected.json")):
    name = expected.name[: -len(".expected.json")]
    local = pathlib.Path("../fixtures") / f"{name}.txt"
    texts.append((local if local.exists() else src / f"{name}.txt").read_text(encoding="utf-8"))
paragraphs = [p for t in texts for p in t.split("\n") if p.strip()]
joined = "\n".join(texts)

def cut(s, size):
    """The first `size` bytes of `s` repeated, cut back to a char boundary."""
    b = (s.encode() * (size // len(s.encode()) + 1))[:size]
    return b.decode("utf-8", "ignore")

long_texts = {
    "long-100k": cut(joined, 100_000),
    "long-300k": cut(joined, 300_000),
    "long-1m": cut(joined, 1_000_000),
    "long-nospace-256k": cut("".join(joined.split()), 256_000),
    "long-titles-100k": cut("นายธนพล ใจดี รศ.ดร.พล.ต.อ.สมชาย นายกเทศมนตรีนครขอนแก่น ", 100_000),
    "long-numbers-100k": cut("1,234.5 ล้านบาท 10-15 คน 1 ใน 64 เมือง ร้อยละ 5 US$3 ", 100_000),
    "long-dates-100k": cut("14 ก.พ. 2567 ปี 2564-2566 ปีงบประมาณ 2567 เวลา 09.30 น. ", 100_000),
    "long-parens-100k": cut("ก (ก.) ((( ", 100_000),
}

def write(target, name, data):
    d = pathlib.Path("corpus") / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode())

def day(y, m, d):
    return struct.pack("<i", datetime.date(y, m, d).toordinal())

days = [day(2024, 2, 14), day(1940, 3, 31), day(1941, 1, 1), day(1, 1, 1), day(9999, 12, 31),
        struct.pack("<i", 2**31 - 1), struct.pack("<i", -2**31)]
for i, p in enumerate(paragraphs):
    write("normalize", f"seed-{i}", p)
    write("extract", f"seed-{i}", p)
    write("extract_published", f"seed-{i}", days[i % len(days)] + p.encode())
    write("jsonl", f"seed-{i}", json.dumps({"id": i, "text": p, "published": "2024-02-14"}, ensure_ascii=False) + "\n")
for name, t in long_texts.items():
    write("normalize", name, t)
    write("extract", name, t)
    for j, d in enumerate(days[:3]):
        write("extract_published", f"{name}-{j}", d + t.encode())

# JSON Lines: every fixture a record, with the faults the binary meets.
def records(size):
    lines, i = [], 0
    faults = ["", "\r", "   ", "{not json", '{"id": "x", "text": 5}', '{"id": 7, "published": "2024-02-30", "text": "ก"}',
              '{"text": null}', '{"id": [1, {"a": 2}], "text": "ปี 2567"}', '{"id": "crlf", "text": "ข่าว"}\r']
    while sum(len(l.encode()) + 1 for l in lines) < size:
        t = texts[i % len(texts)]
        pub = ["2024-02-14", None, "1940-03-31", "2567-02-14"][i % 4]
        rec = {"id": f"r{i}", "text": t} | ({"published": pub} if pub else {})
        lines.append(json.dumps(rec, ensure_ascii=i % 2 == 0))
        lines.append(faults[i % len(faults)])
        i += 1
    return ("\n".join(lines) + "\n").encode()
write("jsonl", "long-300k", records(300_000))
write("jsonl", "long-1m", records(1_000_000))
write("jsonl", "invalid-utf8", b'{"id": 1, "text": "\xff"}\n{"id": 2, "text": "ok"}\n')

# Lexicons: for each category, lines of its shipped file, NUL, an article.
files = ["titles.txt", "months.tsv", "org_heads.tsv", "org_known.tsv", "venue_heads.tsv", "positions.txt",
         "provinces.tsv", "number_words.tsv", "units.tsv", "number_context.tsv", "weekdays.tsv", "relative_dates.tsv"]
extra = {7: "ล้านล้าน\tscale\t1e308\nโกฏิ\tscale\t10000000\n", 8: "ก้อน\tcount\tก้อน\n"}
for c, f in enumerate(files):
    lines = (pathlib.Path("../src/lexicon") / f).read_text(encoding="utf-8").split("\n")
    entries = [l for l in lines if l and not l.startswith("#")][:40]
    lexicon = "# fuzz seed\n" + "\n".join(entries) + "\n" + extra.get(c, "")
    write("lexicon", f"seed-{c}", bytes([c]) + lexicon.encode() + b"\0" + texts[c % len(texts)].encode())
    write("lexicon", f"long-{c}", bytes([c]) + lexicon.encode() + b"\0" + long_texts["long-100k"].encode())
print(f"seeded {len(paragraphs)} paragraphs and {len(long_texts)} long texts (up to 1 MB)")
PY
