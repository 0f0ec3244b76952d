"""Verdicts on the bundled snapshot: the example article, period rules, evidence windows, output formats, CLI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from realpolitik.analyses.claims import check
from realpolitik.analyses.claims.extract import extract
from realpolitik.analyses.claims.verify import default_window, verify

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "article_azerbaijan_israel.md"
D = date(2024, 6, 1)


@pytest.fixture
def cli(cli_in_process):  # noqa: ANN001, ANN201 - conftest's fixture
    """These tests are about what the commands print, not the process: the CLI runs in-process (a call with its
    own environment still runs as a subprocess)."""
    return cli_in_process


def checked(text: str, today: date = D):
    (c,) = extract(text, today)
    return verify(c, today)


def test_default_window() -> None:
    p, notes = default_window(date(2024, 6, 1), 1950, 2024)
    assert (p.start, p.end, notes) == (2019, 2023, [])
    p, notes = default_window(date(2031, 1, 1), 1950, 2024)
    assert (p.start, p.end) == (2020, 2024) and notes


def test_mixed_arms_share_lists_every_window() -> None:
    c = checked("More than 60% of Azerbaijani weapons come from Israel.")
    assert c.verdict == "mixed"
    assert (c.period["start"], c.period["end"], c.period["source"]) == (2019, 2023, "default")
    assert c.evidence["actual"]["share"] == pytest.approx(40.2, abs=0.05)
    wins = {w["period"]: w for w in c.evidence["windows"]}
    assert (
        wins["2015–2019"]["share"] == pytest.approx(59.7, abs=0.05)
        and not wins["2015–2019"]["holds"]
    )
    assert (
        wins["2016–2020"]["share"] == pytest.approx(67.7, abs=0.05) and wins["2016–2020"]["holds"]
    )
    assert wins["2017–2021"]["share"] == pytest.approx(59.3, abs=0.05)
    assert (
        wins["2018–2022"]["share"] == pytest.approx(61.3, abs=0.05) and wins["2018–2022"]["holds"]
    )
    assert c.sources and c.sources[0]["dataset"] == "sipri"


def test_explicit_period_is_checked_as_written() -> None:
    assert (
        checked("Israel supplied over 60 per cent of Azerbaijan's arms in 2017–21.").verdict
        == "contradicted"
    )
    c = checked("Israel's share of Azerbaijan's arms imports stood at 25.9% over 2011–2020.")
    assert c.verdict == "supported" and c.evidence["actual"]["share"] == pytest.approx(
        25.9, abs=0.05
    )
    assert (
        checked(
            "Between 2016 and 2020, Israel supplied 69% of Azerbaijan's major arms imports."
        ).verdict
        == "contradicted"
    )


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Azerbaijan took 16% of Israeli arms exports in 2016–20.", "supported"),
        ("Israel was Azerbaijan's largest arms supplier in 2016–20.", "supported"),
        ("The United States accounted for 36% of global arms exports in 2016–20.", "supported"),
        ("France was the third-biggest arms exporter in the world in 2016–2020.", "supported"),
        ("Israel has delivered Harop loitering munitions to Azerbaijan.", "supported"),
        ("Russia supplied Harop drones to Azerbaijan.", "contradicted"),
        ("Azerbaijan operates Chinese-made Widget-77 drones.", "unverifiable"),
        ("Azerbaijan was the 24th largest oil producer in 2020.", "supported"),
        ("In 2023 Azerbaijan ranked 26th among the world's oil producers.", "supported"),
        ("Azerbaijan is the 24th largest oil-producing nation.", "mixed"),
        ("In 2021, Azerbaijan supplied about 65 per cent of Israel's crude imports.", "supported"),
        ("More than half of Israel's oil comes from Azerbaijan.", "supported"),
        ("Israel is Azerbaijan's 3rd largest export partner.", "supported"),
        ("Israel ranks as Azerbaijan's second-largest export market.", "contradicted"),
        ("Azerbaijan shares a 689 km border with Iran.", "supported"),
        ("Azerbaijan shares a 300 km border with Israel.", "contradicted"),
        ("Israel and Iran have been rivals since 1979.", "supported"),
        ("Israel's rivalry with Iran began in 1948.", "contradicted"),
    ],
)
def test_verdicts(text: str, verdict: str) -> None:
    assert checked(text).verdict == verdict


def test_latest_year_with_data_and_mirror_caveat() -> None:
    """No bilateral crude data for the default year (2023): the latest year before the article (2021) decides."""
    c = checked("More than half of Israel's oil comes from Azerbaijan.")
    assert c.verdict == "supported"
    assert c.period == {"start": 2021, "end": 2021, "source": "latest data"}
    assert c.evidence["actual"]["share"] == pytest.approx(65.1, abs=0.05)
    assert "latest year with bilateral data" in c.evidence["summary"]
    assert any("mirror data" in n and "only part" in n for n in c.evidence["notes"])
    assert "more than" in c.evidence["tolerance"]


def test_unverifiable_says_what_would_settle_it() -> None:
    """Before 2021 there is no year with bilateral crude data that the author could have meant."""
    c = checked("More than half of Israel's oil comes from Azerbaijan.", date(2014, 9, 28))
    assert c.verdict == "unverifiable"
    assert "2013" in c.evidence["settle"] and "HS 2709" in c.evidence["settle"]
    (w,) = c.evidence["windows"]
    assert (w["period"], w["mirror"], w["holds"], w["after_article"]) == ("2021", True, True, True)
    assert w["share"] == pytest.approx(65.1, abs=0.05)


def test_example_article() -> None:
    report = check(EXAMPLE.read_text(encoding="utf-8"))
    d = report.to_dict()
    assert d["document"]["date"] == "2024-05-14" and d["document"]["date_source"] == "date line"
    verdicts = {(c["type"], c["verdict"]) for c in d["claims"]}
    types = {c["type"] for c in d["claims"]}
    assert len(types) >= 7
    assert ("arms_import_share", "mixed") in verdicts
    assert (
        "oil_import_share",
        "supported",
    ) in verdicts  # judged on 2021, the latest year with data
    assert ("border_length", "supported") in verdicts and ("rivalry", "supported") in verdicts
    for c in d["claims"]:
        assert set(c) >= {
            "text",
            "span",
            "type",
            "subject",
            "object",
            "claimed",
            "period",
            "verdict",
            "evidence",
            "sources",
        }
        assert d["document"]["text"][c["span"][0] : c["span"][1]] == c["text"]
    json.dumps(d)  # JSON-ready


def test_html_report_escapes_text() -> None:
    report = check(
        "<p>Azerbaijan shares a 689 km border with Iran. <script>alert(1)</script> &amp; more</p>",
        "2024-01-01",
    )
    out = report.to_html()
    assert "<script>alert" not in out and '<mark class="rp-supported"' in out
    md = check("Azerbaijan shares a 689 km border with Iran.", "2024-01-01").to_markdown()
    assert "| 1 |" in md and "supported" in md


def test_cli_check_in_process() -> None:
    from typer.testing import CliRunner

    from realpolitik.cli.main import app

    runner = CliRunner()
    r = runner.invoke(app, ["check", str(EXAMPLE), "--format", "json"])
    assert r.exit_code == 0, r.output
    assert any(c["verdict"] == "mixed" for c in json.loads(r.stdout)["claims"])
    r = runner.invoke(
        app,
        ["check", "-", "--date", "2021-06-01", "--format", "json"],
        input="Israel is Azerbaijan's largest arms supplier.",
    )
    d = json.loads(r.stdout)
    assert d["document"]["date_source"] == "--date" and d["claims"][0]["period"]["start"] == 2016
    assert d["claims"][0]["verdict"] == "supported"
    r = runner.invoke(app, ["check", str(EXAMPLE), "--format", "html"])
    assert r.exit_code == 0 and r.stdout.startswith("<!doctype html>")
    r = runner.invoke(app, ["check", str(EXAMPLE), "--format", "md"])
    assert r.exit_code == 0 and "| mixed |" not in r.stdout and "**mixed**" in r.stdout
    r = runner.invoke(app, ["check", str(EXAMPLE)], terminal_width=200)
    assert r.exit_code == 0 and "mixed" in r.stdout and "date line" in r.stdout


def test_cli_check_html_file(tmp_path) -> None:
    from typer.testing import CliRunner

    from realpolitik.cli.main import app

    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><meta property='article:published_time' content='2021-03-01T10:00:00Z'>"
        "<title>Story</title></head><body><nav>Menu: subscribe for 60% off</nav><article>"
        "<p>Israel was Azerbaijan's largest arms supplier, officials said on Monday, and the "
        "two governments expect the relationship to deepen further over the coming years.</p>"
        "<p>Azerbaijan shares a 689 km border with Iran, which has long objected to the ties "
        "between its northern neighbour and Israel.</p></article></body></html>",
        encoding="utf-8",
    )
    r = CliRunner().invoke(app, ["check", str(page), "--format", "json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert (d["document"]["format"], d["document"]["date"], d["document"]["date_source"]) == (
        "html",
        "2021-03-01",
        "html meta",
    )
    verdicts = {
        c["type"]: (c["verdict"], c["period"]["start"] if c["period"] else None)
        for c in d["claims"]
    }
    assert verdicts["arms_top_supplier"] == (
        "supported",
        2016,
    )  # default window 2016–2020 for a 2021 article
    assert verdicts["border_length"][0] == "supported"
    assert "subscribe" not in d["document"]["text"].lower()


def test_cli_check_errors(cli, tmp_path) -> None:
    r = cli("check", str(tmp_path / "nope.md"))
    assert r.returncode == 2 and "no such file" in r.stderr
    r = cli("check", "-", "--date", "2021-02-30", input="x")
    assert r.returncode == 2 and "bad date" in r.stderr
