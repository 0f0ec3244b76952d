"""The report: notebook HTML (``_repr_html_``), overlapping highlights, the explain account, the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

from realpolitik.analyses.claims import check

TEXT = "The top three buyers of Israeli arms were India (45 per cent), Azerbaijan (17 per cent) and Vietnam (8.5 per cent)."


def test_notebook_fragment() -> None:
    report = check(TEXT, "2020-03-12")
    frag = report._repr_html_()
    assert "<html" not in frag and frag.startswith("<div class='rp-report'>")
    assert frag.count('class="rp-claim') == len(report.claims) == 6
    assert (
        "rp-contradicted" in frag and "rp-supported" in frag
    )  # 45 % (42.9 %) contradicted, ranks supported
    assert "tolerance:" in frag


def test_overlapping_claims_are_all_highlighted_and_numbered() -> None:
    report = check(TEXT, "2020-03-12")
    page = report.to_html()
    for k in range(1, len(report.claims) + 1):
        assert f'<sup id="c{k}">{k}</sup>' in page and f'href="#c{k}"' in page


def test_explain_shows_every_stage() -> None:
    report = check(TEXT, "2020-03-12")
    text = report.explain_text()
    for stage in ("2 mentions", "3 frame", "4 claim", "5 verify", "tolerance:"):
        assert stage in text
    d = report.explain()
    (s,) = d["sentences"]
    assert len(s["frames"]) == 6 and all(c["verdict"] for c in s["claims"])
    assert "text" not in d["document"]  # the text is in each sentence, not repeated


def _cli(*args: str, stdin: object = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "realpolitik.cli.main", *args],
        capture_output=True,
        text=True,
        stdin=stdin,
        timeout=300,
    )


def test_cli_explain_json_and_closed_stdin(tmp_path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    out = _cli("check", str(f), "--date", "2020-03-12", "--explain", "--format", "json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["sentences"][0]["claims"]
    closed = subprocess.run(
        [sys.executable, "-c", "import os, sys; os.close(0); sys.stdin = None; "
         "from realpolitik.cli.main import main; sys.argv = ['realpolitik', 'check', '-']; main()"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert closed.returncode == 2 and len(closed.stderr.strip().splitlines()) == 1
    assert "stdin" in closed.stderr or "standard input" in closed.stderr


def test_narrow_console_gets_one_block_per_claim_and_wide_a_table() -> None:
    from rich.console import Console

    report = check(TEXT, "2020-03-12")
    narrow = Console(width=80, record=True)
    narrow.print(report.to_rich(80))
    text = narrow.export_text()
    assert "┃" not in text and max(len(line) for line in text.splitlines()) <= 80
    assert text.count("tolerance:") == len(report.claims)
    assert "Vietnam" in text and "contradicted" in text
    wide = Console(width=160, record=True)
    wide.print(report.to_rich(160))
    assert "┃ claim" in wide.export_text()


def test_possessives_of_plural_names() -> None:
    from realpolitik.analyses.claims.verify.common import poss

    assert (poss("USA"), poss("ISR"), poss("BLR")) == ("United States'", "Israel's", "Belarus's")
    (c,) = check("The US had 36 per cent of global arms exports in 2015-19.", "2020-03-12").claims
    assert c.evidence["summary"].startswith("United States' share")
