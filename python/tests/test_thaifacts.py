"""Tests of the Python bindings: the same contract as the Rust library."""

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
    with pytest.raises(ValueError, match="expected YYYY-MM-DD"):
        thaifacts.extract("ข่าว", published="14/02/2024")
    with pytest.raises(ValueError):
        thaifacts.extract_many(["ข่าว"], published="2024-13-01")
