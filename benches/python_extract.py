"""Times the binding's dict path (`extract`) against its JSON path
(`extract_json`) on the same articles: the 41 fixture texts of the corpus,
repeated (default x10), one call per article, best of 5 rounds.

    python benches/python_extract.py [REPEAT]   (with the wheel installed)

Texts come from $THAIFACTS_CORPUS (default ../shared/corpus beside the repo).
"""

import os
import pathlib
import sys
import time

import thaifacts

ROOT = pathlib.Path(__file__).resolve().parents[1]
CORPUS = pathlib.Path(os.environ.get("THAIFACTS_CORPUS", ROOT.parent / "shared" / "corpus"))


def texts():
    out = []
    for expected in sorted((ROOT / "fixtures").glob("*.expected.json")):
        name = expected.name[: -len(".expected.json")]
        path = ROOT / "fixtures" / f"{name}.txt"
        out.append((path if path.exists() else CORPUS / f"{name}.txt").read_text(encoding="utf-8"))
    return out


def best(fn, rounds=5):
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main():
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    arts = texts() * repeat
    mb = sum(len(t.encode("utf-8")) for t in arts) / 1e6
    cases = [
        ("extract_json", lambda: [thaifacts.extract_json(t) for t in arts]),
        ("extract", lambda: [thaifacts.extract(t) for t in arts]),
    ]
    if "offsets" in (thaifacts.extract.__doc__ or "") or hasattr(thaifacts, "normalize"):
        cases.append(("extract char", lambda: [thaifacts.extract(t, offsets="char") for t in arts]))
    cases.append(("extract_many", lambda: thaifacts.extract_many(arts)))
    print(f"{len(arts)} articles, {mb:.2f} MB")
    base = None
    for name, fn in cases:
        s = best(fn)
        base = base or s
        print(f"{name:<14} {s:7.3f} s  {mb / s:6.1f} MB/s  {s / base:5.2f}x extract_json")


if __name__ == "__main__":
    main()
