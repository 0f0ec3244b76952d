"""Reading articles: text, Markdown, HTML (boilerplate dropped), stdin; the date and where it came from."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.analyses.claims.reader import detect_format, parse_date, read_path, read_text
from realpolitik.errors import DataMissing, UserError

HTML = """<!doctype html><html><head><title>Arms for oil</title>
<meta property="article:published_time" content="2022-09-30T08:00:00+00:00"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | Subscribe now for 60% off</nav>
<article><h1>Arms for oil</h1>
<p>More than 60% of Azerbaijani weapons come from Israel, officials in Baku say, and the flow of drones
has only grown since the war. The partnership has deepened for two decades.</p>
<p>Azerbaijan shares a 689 km border with Iran, which watches the relationship closely and has
complained about it many times in public.</p></article>
<footer>Cookie settings. © 2022 Example News. Israel supplies 99% of our cookies.</footer></body></html>"""


def test_markdown_date_line_and_title() -> None:
    doc = read_text(
        "# Title here\n\ndate 2024-05-14\n\n**Israel** is Azerbaijan's 3rd largest export partner.\n",
        name="a.md",
    )
    assert (doc.format, doc.date, doc.date_source, doc.title) == (
        "markdown",
        date(2024, 5, 14),
        "date line",
        "Title here",
    )
    assert "**" not in doc.text and "date 2024" not in doc.text


def test_html_meta_date_and_boilerplate_dropped() -> None:
    doc = read_text(HTML, name="page.html")
    assert (doc.format, doc.date, doc.date_source) == ("html", date(2022, 9, 30), "html meta")
    assert "689 km border" in doc.text
    assert "Subscribe" not in doc.text and "cookies" not in doc.text
    assert doc.title == "Arms for oil"


def test_dateline_and_today() -> None:
    doc = read_text("BAKU, 12 March 2024 — Azerbaijan shares a 689 km border with Iran.")
    assert (doc.date, doc.date_source) == (date(2024, 3, 12), "dateline")
    doc = read_text("TEL AVIV (Reuters), March 12, 2023 - Talks resumed.")
    assert (doc.date, doc.date_source) == (date(2023, 3, 12), "dateline")
    doc = read_text("No date anywhere.", today=date(2025, 1, 2))
    assert (doc.date, doc.date_source) == (date(2025, 1, 2), "today")


def test_date_option_wins() -> None:
    doc = read_text("date 2024-05-14\n\nText.", "2020-01-01")
    assert (doc.date, doc.date_source) == (date(2020, 1, 1), "--date")
    with pytest.raises(UserError):
        parse_date("2020-13-01")
    with pytest.raises(UserError):
        parse_date("yesterday")
    assert parse_date("2016") == date(
        2016, 7, 1
    )  # a bare year: mid-year, after SIPRI's March release


def test_formats_and_files(tmp_path) -> None:
    assert detect_format("plain words only") == "text"
    assert detect_format("<p>hi</p>") == "html"
    assert detect_format("x", "a.markdown") == "markdown"
    f = tmp_path / "a.txt"
    f.write_bytes("Azerbaijan shares a 689 km border with Iran.\n".encode("latin-1"))
    assert read_path(str(f)).format == "text"
    with pytest.raises(DataMissing):
        read_path(str(tmp_path / "missing.md"))


def test_invalid_unicode_is_cleaned_not_fatal(tmp_path) -> None:
    doc = read_text("Israel\ud800 supplied arms\x00 to Azerbaijan.", "2024-01-01")
    assert doc.text == "Israel\ufffd supplied arms  to Azerbaijan."
    doc.text.encode("utf-8")
    p = tmp_path / "mixed.txt"
    p.write_bytes("Caf\u00e9 ".encode() + b"\xff\xfe broken " + "Ba\u00fc".encode())
    assert read_path(str(p), "2024-01-01").text.startswith("Café \ufffd\ufffd broken")
    p.write_bytes("caf\u00e9 na\u00efve r\u00e9sum\u00e9 \u00e0 la".encode("cp1252"))
    assert (
        read_path(str(p), "2024-01-01").text == "café naïve résumé à la"
    )  # mostly not UTF-8: Windows-1252


def test_date_line_only_near_the_top() -> None:
    far = "x\n" * 3000 + "date 2020-01-01\n"
    assert read_text(far, today=date(2024, 1, 1)).date_source == "today"
    assert read_text("date 2020-01-01\n\ntext", today=date(2024, 1, 1)).date == date(2020, 1, 1)


def test_html_without_main_text_falls_back_to_a_linear_parser() -> None:
    from realpolitik.analyses.claims.reader import _plain_html

    out = _plain_html(
        "<nav>Menu</nav><p>Azerbaijan borders Iran.</p><script>var a='Russia';</script><p>B &amp; C</p>"
    )
    assert out == "Azerbaijan borders Iran.\n\nB & C"
