"""Output that fits: every command's table at 80 columns cuts no header or cell, numbers are
formatted by kind, JSON/CSV stay complete, and a Result renders in notebooks."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from realpolitik.cli.main import app
from realpolitik.render.cells import human, money
from realpolitik.render.words import nth, ordinal, plural
from realpolitik.result import Result, Rows

COMMANDS = [
    "arms suppliers Azerbaijan --from 2016 --to 2020",
    "arms recipients Israel --from 2016 --to 2020",
    "arms top exporters",
    "arms deals Israel Azerbaijan",
    "arms windows Azerbaijan Israel",
    "arms series Russia India",
    "borders Azerbaijan",
    "border Azerbaijan Iran",
    "oil producers --year 2021",
    "oil production Azerbaijan",
    "oil sources Israel --year 2021",
    "oil buyers Azerbaijan --year 2021",
    "oil dyad Israel Azerbaijan",
    "trade partners Azerbaijan",
    "trade dyad Israel Azerbaijan",
    "rivals Iran",
    "relations Israel Azerbaijan",
    "profile Azerbaijan",
    "events dyad Israel Azerbaijan",
    "network balance --year 2020",
    "network balance --from 2015 --to 2020",
    "network triads Azerbaijan --year 2020",
    "network partnerships --year 2020 --top 5",
    "data info",
    "data releases",
]
runner = CliRunner()


def _run(args: list[str]) -> str:
    res = runner.invoke(app, args, env={"COLUMNS": "80"}, catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.output


def _md_tables(md: str) -> list[tuple[list[str], list[list[str]]]]:
    """(header, rows) of every Markdown table in the output, cells unescaped."""
    tables, lines = [], md.splitlines()
    split = re.compile(r"(?<!\\)\|")
    for i, line in enumerate(lines):
        if line.startswith("| ") and i + 1 < len(lines) and lines[i + 1].startswith("|---"):
            header = [c.strip() for c in split.split(line)[1:-1]]
            rows = []
            for body in lines[i + 2 :]:
                if not body.startswith("| "):
                    break
                rows.append([c.strip().replace("\\|", "|") for c in split.split(body)[1:-1]])
            tables.append((header, rows))
    return tables


@pytest.mark.parametrize("command", COMMANDS)
def test_every_table_fits_80_columns_without_cutting_words(command: str) -> None:
    args = command.split()
    table = _run(args)
    md = _run([*args, "--format", "md"])
    wide = [line for line in table.splitlines() if cell_len(line.rstrip()) > 80]
    assert not wide, wide
    assert "…" not in table or "…" in md  # rich's ellipsis would mean a cut cell
    flat = " ".join(table.split())
    tokens = set(flat.split())
    hidden = set()
    for _, names in re.findall(r"(\d+) more columns in --format json or csv: ([\w, ]+?)(?= note:| source:|$)", flat):  # fmt: skip
        hidden |= {n.strip() for n in names.split(",")}
    first = re.search(r"more rows? not shown \(first (\d+)", flat)
    tables = _md_tables(md)
    assert tables, md
    for header, rows in tables:
        shown_rows = int(first.group(1)) if first and len(tables) == 1 else 25
        for i, col in enumerate(header):
            if col in hidden or not rows:  # an empty section prints its title and "(no rows)"
                continue
            missing = [w for w in col.replace("_", " ").split() if w not in tokens]
            assert not missing, (col, missing)
            for row in rows[:shown_rows]:
                cut = [w for w in row[i].split() if w not in tokens]
                assert not cut, (col, row[i], cut)


def test_json_and_csv_stay_complete() -> None:
    body = json.loads(_run(["arms", "deals", "Israel", "Azerbaijan", "--format", "json"]))
    assert len(body["rows"]) > 25 and "comments" in body["rows"][0]  # no row limit, all columns
    csv_text = _run(["arms", "deals", "Israel", "Azerbaijan", "--format", "csv"])
    assert csv_text.splitlines()[0].split(",")[-3:] == ["comments", "tiv", "tiv_order"]
    assert len(csv_text.splitlines()) == len(body["rows"]) + 1
    limited = json.loads(_run(["arms", "recipients", "Israel", "-n", "3", "--format", "json"]))
    assert len(limited["rows"]) == 3 and "more rows not shown" in limited["notes"][-1]


def test_limit_and_more_note_in_tables() -> None:
    out = _run(["arms", "recipients", "Israel", "--from", "2016", "--to", "2020", "-n", "5"])
    assert "40 more rows not shown (first 5; --limit 0 shows all)" in " ".join(out.split())
    triads = _run(
        ["network", "triads", "Russia", "--year", "2020"]
    )  # 224 triads (Azerbaijan's: 17)
    assert len(triads) < 60_000 and "more rows not shown" in " ".join(triads.split())  # was 1.4 MB


def test_numbers_by_kind() -> None:
    assert human("year", 1815.0) == "1815" and human("first_year", 2016) == "2016"
    assert human("share", 0.677392) == "67.7 %" and human("b_share_of_a_exports", 0.5) == "50.0 %"
    assert human("value_usd", 887_543_953.0) == "$887.5 m"
    assert human("value_usd_m", 7354.0) == "$7.35 bn"
    assert human("milex", 2_641_000.0) == "$2.64 bn"  # COW NMC: thousands of US$
    assert human("tiv", 0.0) == "0.0" and human("tiv", 697.0) == "697.0"  # SIPRI's 0 is < 0.5
    assert human("tiv", None) == "–" and human("km", float("nan")) == "–"
    assert human("rows", 273296) == "273,296"
    assert human("date", dt.datetime(2020, 11, 1)) == "2020-11-01"
    assert human("mirror", True) == "yes"
    assert money(-2.5e9) == "-$2.50 bn" and money(12345) == "$12,345"


def test_whole_numbers_that_pandas_made_floats() -> None:
    """An integer column with a missing value arrives as floats (1815.0, NaN): shown as integers."""
    import pandas as pd

    r = Result(pd.DataFrame({"count": [3.0, None], "km": [689.0, 12.5]}), {"command": "t"})
    out = _capture(r)
    assert " 3 " in f" {out} " and "3.0" not in out and "689.0" in out


def _capture(r: Result) -> str:
    from io import StringIO

    from rich.console import Console

    from realpolitik.render.formats import to_rich

    console = Console(file=StringIO(), width=80)
    console.print(to_rich(r, 80))
    return console.file.getvalue()  # type: ignore[attr-defined]


def test_words() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 102)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "102nd"
    ]  # fmt: skip
    assert nth(1) == "largest" and nth(3) == "3rd largest"
    assert plural(1, "dispute") == "1 dispute" and plural(2, "dispute") == "2 disputes"
    assert plural(0, "country", "countries") == "0 countries"


def test_result_rows_frame_and_notebook_html() -> None:
    import realpolitik as rp

    r = rp.arms.windows("Azerbaijan", "Israel")
    assert isinstance(r._data, Rows)  # plain rows until someone asks for pandas
    recs = r.records()
    none = next(x for x in recs if x["rank"] is None)
    assert none["tiv"] is None and none["share"] == 0.0  # nothing delivered: null TIV, share 0
    assert isinstance(next(x["rank"] for x in recs if x["rank"] is not None), int)
    html = r._repr_html_()
    assert "<svg" in html and "<table>" in html and "Notes" in html and "sipri" in html
    assert isinstance(r._data, Rows)  # the chart did not turn the rows into pandas
    frame = r.frame
    assert list(frame.columns) == ["start", "end", "tiv", "total", "share", "rank"]
    row = frame[frame["end"] == 2020].iloc[0]
    assert round(100 * row["share"], 1) == 67.7


def test_to_polars_and_duckdb_relation() -> None:
    pl = pytest.importorskip("polars")
    import realpolitik as rp

    r = rp.arms.suppliers("Azerbaijan", (2016, 2020))
    df = r.to_polars()
    assert df.schema["rank"] == pl.Int32 or df.schema["rank"] == pl.Int64
    assert df.filter(pl.col("id") == "ISR")["tiv"][0] == pytest.approx(697.45)
    rel = rp.get_store().relation("SELECT count(*) AS n FROM sipri_tiv WHERE year = 2020")
    assert rel.fetchall()[0][0] > 0 and rel.df()["n"][0] > 0


def test_to_polars_without_polars_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    from realpolitik.errors import UserError

    real = builtins.__import__

    def no_polars(name: str, *args: object, **kwargs: object) -> object:
        if name == "polars":
            raise ImportError("no polars")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_polars)
    r = Result(Rows(("a",), ("INTEGER",), [(1,)]), {"command": "t"})
    with pytest.raises(UserError, match=r"pip install 'realpolitik\[polars\]'"):
        r.to_polars()


def test_succession_pointer_where_a_series_starts_empty() -> None:
    import realpolitik as rp

    notes = " ".join(rp.arms.series("Russia", "India").notes)
    assert "Soviet Union (1922–1991)" in notes and "'Soviet Union'" in notes
    assert not any("predecessor" in n for n in rp.arms.series("Israel", "Azerbaijan").notes)
    # SIPRI counts West Germany as Germany: no pointer to a predecessor without rows of its own
    assert not any("West Germany" in n for n in rp.arms.series("Germany", "Israel").notes)


def test_a_series_starts_when_both_states_are_in_the_system() -> None:
    """Russia–India before 1992 is not 'no deliveries' year after year: there was no Russia. The series starts
    in 1992 and says so; Germany keeps SIPRI's own rows from 1950 (West Germany's, under 'Germany')."""
    import realpolitik as rp

    r = rp.arms.series("Russia", "India")
    years = r.frame["year"].tolist()
    assert years[0] == 1992 and years == list(range(1992, years[-1] + 1))
    assert "Years before 1992 are left out: Russia is in the state system from 1992." in r.notes
    assert rp.arms.series("Germany", "Greece").frame["year"].iloc[0] == 1950
