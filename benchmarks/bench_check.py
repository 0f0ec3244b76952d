"""Benchmark: check a 2,000-word article warm (target ≤ 1 s), against extraction alone and a cold first run.

The main article is dated 2024-06-01, when SIPRI's 2024 release was current but is no longer the
newest: every SIPRI claim is verified twice (current data and as published), the slow case.

Prints each timing and its ratio to a baseline measured in the same run (`import pandas` in a fresh
interpreter), as the other benchmarks do. No assertion: a report, not a test.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET_S = 1.0


def article(words: int = 2000) -> str:
    """A 2,000-word article: the example article, labelled sentences (claims and no-claims) and plain prose."""
    base = (REPO / "examples" / "article_azerbaijan_israel.md").read_text(encoding="utf-8")
    items = [
        json.loads(x)
        for x in (REPO / "evaluation" / "claims_eval.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    claims = [it["text"] for it in items if it["claims"] and it["date"] == "2024-06-01"][::6]
    plain = [it["text"] for it in items if not it["claims"]]
    filler = (
        "Diplomats on both sides describe the relationship in guarded terms, and much of it is conducted "
        "away from cameras, through defence ministries, energy firms and a small circle of intermediaries. "
    )
    parts = [base]
    i = 0
    while len(" ".join(parts).split()) < words:
        para = " ".join(
            [claims[i % len(claims)], plain[i % len(plain)], filler, plain[(i + 7) % len(plain)]]
        )
        parts.append(para)
        i += 1
    text = "\n\n".join(parts)
    return " ".join(text.split(" ")[:words]) if len(text.split(" ")) > words else text


def baseline() -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import pandas"], check=True)
    return time.perf_counter() - t


def main() -> None:
    from realpolitik.analyses.claims import check
    from realpolitik.analyses.claims.extract import extract

    text = article()
    n_words = len(text.split())
    base = baseline()
    t = time.perf_counter()
    report = check(text, "2024-06-01")
    cold = time.perf_counter() - t
    runs = []
    for _ in range(3):
        t = time.perf_counter()
        report = check(text, "2024-06-01")
        runs.append(time.perf_counter() - t)
    warm = min(runs)
    t = time.perf_counter()
    extract(text)
    ext = time.perf_counter() - t
    print(f"article: {n_words} words, {len(report.claims)} claims ({report.counts()})")
    print(f"baseline `python -c 'import pandas'`: {base:.3f} s")
    print(
        f"check, first call in process (store + pipeline load): {cold:.3f} s  (×{cold / base:.2f} baseline)"
    )
    print(
        f"check, warm (best of 3): {warm:.3f} s  (×{warm / base:.2f} baseline)  target ≤ {TARGET_S} s → {'OK' if warm <= TARGET_S else 'SLOW'}"
    )
    print(f"extraction only, warm: {ext * 1000:.1f} ms")
    # an article dated after the newest SIPRI release: no second (as-published) verification pass
    runs = []
    for _ in range(3):
        t, c = time.perf_counter(), time.process_time()
        check(text, "2025-06-01")
        runs.append((time.perf_counter() - t, time.process_time() - c))
    w, cpu = min(runs)
    print(
        f"check, warm, article dated 2025-06-01 (newest release current, no as-published pass): "
        f"{w:.3f} s wall, {cpu:.3f} s CPU  (×{w / base:.2f} baseline)"
    )


if __name__ == "__main__":
    main()
