"""thaifacts vs PyThaiNLP on the same text: throughput and agreement.

Run through run.sh (it makes the virtualenv and builds the CLI)."""

import argparse
import json
import os
import pathlib
import subprocess
import tempfile
import time


def fixture_texts(root):
    corpus = pathlib.Path(os.environ.get("THAIFACTS_CORPUS", root.parent / "shared" / "corpus"))
    texts = []
    for expected in sorted((root / "fixtures").glob("*.expected.json")):
        name = expected.name[: -len(".expected.json")]
        p = root / "fixtures" / f"{name}.txt"
        if not p.exists():
            p = corpus / f"{name}.txt"
        texts.append(p.read_text(encoding="utf-8"))
    return texts


def best(fn, runs=3):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--root", required=True)
    args = ap.parse_args()
    root = pathlib.Path(args.root)
    texts = fixture_texts(root)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"text: {len(texts)} fixture articles, {mb:.2f} MB")

    from pythainlp.tokenize import word_tokenize

    paragraphs = [p for t in texts for p in t.split("\n") if p.strip()]
    t_newmm = best(lambda: [word_tokenize(p, engine="newmm") for p in paragraphs], runs=1)
    print(f"PyThaiNLP newmm word_tokenize: {mb / t_newmm:8.2f} MB/s (per paragraph)")

    try:
        from pythainlp.tag import NER

        ner = NER(engine="tltk")
        t_ner = best(lambda: [ner.tag(p) for p in paragraphs[:20]], runs=1)
        ner_mb = sum(len(p.encode("utf-8")) for p in paragraphs[:20]) / 1e6
        print(f"PyThaiNLP NER (tltk):          {ner_mb / t_ner:8.4f} MB/s (first 20 paragraphs)")
    except Exception as e:  # a model that needs a download, or tltk not installed
        print(f"PyThaiNLP NER: not run offline ({type(e).__name__}: {str(e)[:80]})")

    with tempfile.TemporaryDirectory() as tmp:
        src = pathlib.Path(tmp) / "records.jsonl"
        reps = max(1, int(50 / mb))  # about 50 MB
        with src.open("w", encoding="utf-8") as f:
            for r in range(reps):
                for i, t in enumerate(texts):
                    f.write(json.dumps({"id": f"{r}-{i}", "text": t}, ensure_ascii=False) + "\n")
        big = src.stat().st_size / 1e6
        rates = {}
        for threads in (1, 2):
            cmd = [args.cli, "extract", "--jsonl", "--threads", str(threads), str(src)]
            t = best(lambda: subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL), runs=2)
            rates[threads] = big / t
            print(f"thaifacts extract --jsonl ({threads} thread{'s' if threads > 1 else ''}): {big / t:8.2f} MB/s (full extraction, {big:.0f} MB)")
    print(f"ratio thaifacts full extraction (1 thread) / PyThaiNLP newmm tokenizing alone: {rates[1] / (mb / t_newmm):.1f}x")

    # Agreement of the utilities on the same inputs.
    from pythainlp.util import thaiword_to_num

    words = ["สามร้อยห้าสิบหก", "หนึ่งล้านสองแสน", "สิบเอ็ด", "ยี่สิบเอ็ด", "สามร้อยเก้าสิบล้าน", "หนึ่งพันเก้าร้อย"]
    agree = 0
    for w in words:
        ours = json.loads(subprocess.run([args.cli, "extract", "-"], input=(w + "คน").encode(), capture_output=True,
                                         check=True).stdout)["numbers"]
        ours_v = ours[0]["value"] if ours else None
        theirs = thaiword_to_num(w)
        agree += ours_v == theirs
        print(f"  {w}: PyThaiNLP {theirs}  thaifacts {ours_v}")
    print(f"number words: {agree}/{len(words)} agree")

    from pythainlp.util import convert_years

    dates = [("1 มกราคม 2482", "1940-01-01"), ("1 เมษายน 2482", "1939-04-01"), ("14 กุมภาพันธ์ 2567", "2024-02-14")]
    for text, truth in dates:
        ours = json.loads(subprocess.run([args.cli, "extract", "-"], input=text.encode(), capture_output=True,
                                         check=True).stdout)["dates"]
        year = text.split()[-1]
        theirs = convert_years(year, src="be", target="ad")
        print(f"  {text}: truth {truth}  PyThaiNLP year {theirs}  thaifacts {ours[0]['value'] if ours else None}")


if __name__ == "__main__":
    main()
