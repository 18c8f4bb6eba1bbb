"""A small user script written against the stubs: build_and_test.sh checks
it with `mypy --strict` and runs it."""

import datetime
from typing import List, Optional

import thaifacts
from thaifacts import ArticleFacts, DateFact, RecordResult


def first_date(text: str, published: datetime.date) -> Optional[str]:
    facts: ArticleFacts = thaifacts.extract(text, published=published, offsets="char")
    dates: List[DateFact] = facts["dates"]
    for d in dates:
        assert text[d["start"] : d["end"]] == d["text"]
        if d["era"] == "BE":
            return d["value"]
    return None


def errors(lines: List[str]) -> List[str]:
    results: List[RecordResult] = thaifacts.extract_records(list(enumerate(lines, start=1)))
    out: List[str] = []
    for r in results:
        if "error" in r:
            out.append(f"{r['line']}: {r['error']}")
        else:
            out.append(f"{r['line']}: {len(r['facts']['numbers'])} numbers")
    return out


def main() -> None:
    text = "เมื่อวันที่ 14 กุมภาพันธ์ 2567 ทน.ขอนแก่นเข้าร่วม 64 เมือง"
    assert first_date(text, datetime.date(2024, 2, 14)) == "2024-02-14"
    doc = thaifacts.normalize("ปี ๒๕๖๗", offsets="char")
    start, end = doc.to_original(3, 7)
    assert "ปี ๒๕๖๗"[start:end] == "๒๕๖๗"
    values: List[float] = [n["value"] for n in thaifacts.extract(text)["numbers"]]
    assert values
    assert errors(['{"id": 1, "text": "ข่าว"}', "{oops"])[1].startswith("2: line 2: invalid JSON record")
    schema_version: int = thaifacts.SCHEMA_VERSION
    assert schema_version == 1
    print("typed_user: ok")


if __name__ == "__main__":
    main()
