"""Tests of the Python bindings: the same contract as the Rust library."""

import datetime
import importlib.util
import json
import pathlib
import subprocess

import pytest

import thaifacts

ROOT = pathlib.Path(__file__).resolve().parents[2]
FOUNDING = ROOT / "fixtures" / "000_khonkaen_unesco.txt"


def test_contract_fields():
    facts = thaifacts.extract(FOUNDING.read_text(encoding="utf-8"))
    assert facts["schema_version"] == thaifacts.SCHEMA_VERSION == 1
    for field in ("people", "organizations", "places", "dates", "numbers"):
        assert isinstance(facts[field], list)


def test_same_json_as_the_cli():
    text = FOUNDING.read_text(encoding="utf-8")
    cli = ROOT / "target" / "release" / "thaifacts"
    if not cli.exists():
        pytest.skip("the release binary is not built")
    out = subprocess.run([str(cli), "extract", str(FOUNDING)], capture_output=True, check=True).stdout
    assert thaifacts.extract_json(text) + "\n" == out.decode("utf-8")
    assert thaifacts.extract(text) == json.loads(out)


def test_spans_are_byte_offsets_into_utf8():
    text = FOUNDING.read_text(encoding="utf-8")
    raw = text.encode("utf-8")
    facts = thaifacts.extract(text, published="2024-02-14")
    spans = [(d["start"], d["end"], d["text"]) for d in facts["dates"] + facts["numbers"]]
    for kind in ("people", "organizations", "places"):
        for entry in facts[kind]:
            spans += [(m["start"], m["end"], m["text"]) for m in entry["mentions"]]
    for start, end, fact_text in spans:
        assert raw[start:end].decode("utf-8") == fact_text


def test_extract_many_keeps_order_and_matches_extract():
    texts = [FOUNDING.read_text(encoding="utf-8"), "", "ปี 2567", "ข่าว"] * 5
    many = thaifacts.extract_many(texts, published="2024-02-14")
    assert len(many) == len(texts)
    for text, facts in zip(texts, many):
        assert facts == thaifacts.extract(text, published="2024-02-14")


def test_empty_text_gives_empty_facts():
    facts = thaifacts.extract("")
    assert all(facts[k] == [] for k in ("people", "organizations", "places", "dates", "numbers"))


def test_bad_published_is_a_value_error():
    with pytest.raises(ValueError, match='published: expected YYYY-MM-DD or a Thai date such as 14 ก.พ. 2567, but found "14/2024"'):
        thaifacts.extract("ข่าว", published="14/2024")
    with pytest.raises(ValueError):
        thaifacts.extract_many(["ข่าว"], published="2024-13-01")


def test_thai_published_date_is_read():
    text = "เมื่อวันที่ 5 ก.พ. ที่ประชุม"
    assert thaifacts.extract(text, published="14 ก.พ. 2567") == thaifacts.extract(text, published="2024-02-14")


def _spans(facts):
    spans = [(d["start"], d["end"], d["text"]) for d in facts["dates"] + facts["numbers"]]
    for kind in ("people", "organizations", "places"):
        for entry in facts[kind]:
            spans += [(m["start"], m["end"], m["text"]) for m in entry["mentions"]]
    for person in facts["people"]:
        spans += [(m["start"], m["end"], m["text"]) for m in person["statements"]]
    return spans


def test_char_offsets_slice_the_str():
    text = FOUNDING.read_text(encoding="utf-8")
    by_char = thaifacts.extract(text, published="2024-02-14", offsets="char")
    by_byte = thaifacts.extract(text, published="2024-02-14")
    spans = _spans(by_char)
    assert len(spans) > 50
    for start, end, fact_text in spans:
        assert text[start:end] == fact_text
    # Only the offsets differ.
    assert len(_spans(by_byte)) == len(spans)
    assert [s[2] for s in _spans(by_byte)] == [s[2] for s in spans]
    many = thaifacts.extract_many([text, "ปี 2567"], published="2024-02-14", offsets="char")
    assert many[0] == by_char
    with pytest.raises(ValueError, match='offsets: expected "byte" or "char", but found "chars"'):
        thaifacts.extract(text, offsets="chars")


def test_published_accepts_a_date_and_is_strict():
    text = "เมื่อวันที่ 5 ก.พ. ที่ประชุมมีมติ"
    as_str = thaifacts.extract(text, published="2024-02-14")
    assert as_str["dates"][0]["value"] == "2024-02-05"
    assert as_str["dates"][0]["anchor"] == "published"
    unresolved = thaifacts.extract(text)["dates"][0]
    assert (unresolved["value"], unresolved["month"], unresolved["day"]) == (None, 2, 5)
    assert thaifacts.extract(text, published=datetime.date(2024, 2, 14)) == as_str
    assert thaifacts.extract_json(text, published=datetime.date(2024, 2, 14)) == thaifacts.extract_json(
        text, published="2024-02-14"
    )
    for bad in ("2024-2-14", " 2024-02-14", "+10000-01-01", "2024-02-30"):
        with pytest.raises(ValueError, match="^published: expected "):
            thaifacts.extract(text, published=bad)
    be = "whose year looks like a Buddhist-era year: the Gregorian date is 2024-02-14"
    with pytest.raises(ValueError, match=be):
        thaifacts.extract(text, published="2567-02-14")
    with pytest.raises(ValueError, match=be):
        thaifacts.extract(text, published=datetime.date(2567, 2, 14))
    with pytest.raises(TypeError, match="found a datetime.datetime"):
        thaifacts.extract(text, published=datetime.datetime(2024, 2, 14, 9, 30))
    with pytest.raises(TypeError, match="found int"):
        thaifacts.extract(text, published=20240214)


def test_normalize_maps_back_in_bytes_and_chars():
    text = "ปี ๒๕๖๗\u200b เเละ"
    doc = thaifacts.normalize(text)
    assert doc.text == "ปี 2567 และ"
    start = doc.text.encode().index("และ".encode())
    s, e = doc.to_original(start, len(doc.text.encode()))
    assert text.encode()[s:e].decode() == "เเละ"
    doc = thaifacts.normalize(text, offsets="char")
    s, e = doc.to_original(doc.text.index("และ"), len(doc.text))
    assert text[s:e] == "เเละ"
    s, e = doc.to_original(doc.text.index("2567"), doc.text.index("2567") + 4)
    assert text[s:e] == "๒๕๖๗"
    assert doc.to_original(10**9, 10**9 + 5) == (len(text), len(text))
    assert repr(doc) == "Normalized(text='ปี 2567 และ')"


def test_extract_records_matches_the_cli():
    cli = ROOT / "target" / "release" / "thaifacts"
    if not cli.exists():
        pytest.skip("the release binary is not built")
    lines = [
        json.dumps({"id": "a", "text": FOUNDING.read_text(encoding="utf-8"), "published": "2024-02-14"}),
        "{not json",
        "",
        '{"id": 3, "text": 5}',
        '{"id": "d", "text": "x", "published": "2567-02-14"}',
        '{"text": "ปี 2567"}',
    ]
    records = [(i + 1, line) for i, line in enumerate(lines) if line.strip()]
    got = thaifacts.extract_records(records)
    out = subprocess.run(
        [str(cli), "extract", "--jsonl", "--quiet"], input="\n".join(lines).encode(), capture_output=True
    )
    assert out.returncode == 1
    assert got == [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert [r["line"] for r in got] == [1, 2, 4, 5, 6]
    assert got[2] == {"id": 3, "line": 4, "error": "line 4 (id 3): `text` is a number, expected a string"}


def test_json_schema_is_the_clis_and_types_are_current():
    schema = thaifacts.json_schema()
    assert schema["title"] == "ArticleFacts"
    cli = ROOT / "target" / "release" / "thaifacts"
    if cli.exists():
        assert json.loads(subprocess.run([str(cli), "schema"], capture_output=True, check=True).stdout) == schema
    spec = importlib.util.spec_from_file_location("gen_types", ROOT / "python" / "gen_types.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    generated = gen.render(schema)
    shipped = pathlib.Path(thaifacts.types.__file__).read_text(encoding="utf-8")
    assert shipped == generated, "python/thaifacts/types.py is out of date: run python python/gen_types.py"
    # Every field of real output is a field of its TypedDict, and back.
    facts = thaifacts.extract(FOUNDING.read_text(encoding="utf-8"), published="2024-02-14")
    assert set(facts) == set(thaifacts.ArticleFacts.__annotations__)
    assert set(facts["dates"][0]) == set(thaifacts.DateFact.__annotations__)
    assert set(facts["numbers"][0]) == set(thaifacts.NumberFact.__annotations__)
    assert set(facts["people"][0]) == set(thaifacts.Person.__annotations__)


def test_wheel_is_typed_and_carries_its_licences():
    from importlib import metadata

    dist = metadata.distribution("thaifacts")
    files = {str(f) for f in dist.files or []}
    for name in ("thaifacts/py.typed", "thaifacts/_thaifacts.pyi", "thaifacts/types.py"):
        assert name in files, sorted(files)
    licences = {f.rsplit("/", 1)[-1] for f in files if "/licenses/" in f}
    assert {"LICENSE-MIT", "LICENSE-APACHE", "DATA-LICENSES.md"} <= licences, sorted(files)
    # The code's licence, and the licences of the lexicon data compiled in
    # (DATA-LICENSES.md): districts (CC BY 4.0), the Thai names corpus (CC BY-SA 4.0).
    assert dist.metadata["License-Expression"] == "(MIT OR Apache-2.0) AND CC-BY-4.0 AND CC-BY-SA-4.0"
