"""SIPRI releases side by side: sipri_tiv_releases / sipri_releases, `release=` on every arms query,
`--release` on every arms command, and the release current at a date. Figures are the sanity checks
of raw/sipri_releases/SOURCES.md, read from the bundled snapshot."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.errors import BadPeriod, UserError
from realpolitik.queries import arms
from realpolitik.sources import sipri_releases


@pytest.fixture
def cli(cli_in_process):  # noqa: ANN001, ANN201 - conftest's fixture
    """These tests are about what the commands print, not the process: the CLI runs in-process (a call with its
    own environment still runs as a subprocess)."""
    return cli_in_process


def shares(result) -> dict[str, float]:  # noqa: ANN001
    return dict(zip(result.frame["id"], result.frame["share"], strict=True))


def test_the_store_lists_each_release(store) -> None:  # noqa: ANN001
    info = store.sql("SELECT * FROM sipri_releases ORDER BY release").set_index("release")
    assert arms.releases(store) == ["2016", "2022", "2024", "2025"]
    assert (
        info.loc["2016", "generated"] == "2016-07-24" and info.loc["2016", "data_through"] == 2015
    )
    assert (
        info.loc["2016", "format"] == "per-recipient TIV tables"
        and info.loc["2016", "files"] == 252
    )
    assert (info.loc["2016", "first_year"], info.loc["2016", "last_year"]) == (1950, 2015)
    assert info.loc["2022", "format"] == "per-supplier TIV tables"
    assert info.loc["2024", "format"] == "per-delivery export" and info.loc["2024", "files"] == 2
    assert (info.loc["2024", "first_year"], info.loc["2024", "last_year"]) == (1950, 2023)
    assert info.loc["2024", "tiv"] == pytest.approx(
        2_065_055, abs=1
    )  # = SIPRI's 1950–2024 world total
    assert (info.loc["2025", "first_year"], info.loc["2025", "last_year"]) == (1995, 2024)
    assert (
        info.loc["2025", "in_current"] == "1995–2024"
        and info.loc["2022", "in_current"] == "1950–1994"
    )


def test_release_table_has_sipri_tiv_columns_and_the_current_rows(store) -> None:  # noqa: ANN001
    cols = list(store.sql("SELECT * FROM sipri_tiv LIMIT 0").columns)
    assert list(store.sql("SELECT * FROM sipri_tiv_releases LIMIT 0").columns) == cols
    diff = store.sql(
        """
        SELECT count(*) AS n FROM (
            SELECT supplier, recipient, year, tiv FROM sipri_tiv WHERE year >= 1995
            EXCEPT SELECT supplier, recipient, year, tiv FROM sipri_tiv_releases WHERE release = '2025')
        """
    )
    assert int(diff["n"].iloc[0]) == 0
    n22 = store.sql("SELECT count(*) AS n FROM sipri_tiv_releases WHERE release = '2022'")
    assert int(n22["n"].iloc[0]) == len(store.sql("SELECT 1 FROM sipri_tiv_tables"))


def test_2016_release_india_as_sipri_published_it(store) -> None:  # noqa: ANN001
    r = arms.suppliers("India", (2011, 2015), store=store, release="2016")
    assert r.frame["tiv"].sum() == pytest.approx(20_114)
    s = shares(r)
    assert round(100 * s["RUS"]) == 70 and round(100 * s["USA"]) == 14
    assert round(100 * s["ISR"], 1) == 4.5
    assert r.sources[0].release.startswith("2016 (per-recipient TIV tables generated 2016-07-24")
    assert "2016 release" in r.sources[0].citation
    assert any("as published" in n for n in r.notes)


def test_israel_azerbaijan_2015_in_each_release(store) -> None:  # noqa: ANN001
    got = {}
    for release in ("2016", "2022", "2024", "2025"):
        frame = arms.series("Israel", "Azerbaijan", store=store, release=release).frame
        row = frame[frame["year"] == 2015]
        got[release] = None if row.empty else float(row["ISR_to_AZE"].iloc[0])
    assert got == {"2016": 104.0, "2022": 116.0, "2024": 111.5, "2025": 111.5}


def test_2024_release_india_2019_2023(store) -> None:  # noqa: ANN001
    r = arms.suppliers("India", (2019, 2023), store=store, release="2024")
    assert r.frame["tiv"].sum() == pytest.approx(13_754, abs=1)
    s = shares(r)
    assert (round(100 * s["RUS"]), round(100 * s["FRA"]), round(100 * s["USA"])) == (36, 33, 13)
    aze = arms.suppliers("Azerbaijan", (2016, 2020), store=store, release="2024").frame
    assert aze.loc[aze["id"] == "ISR", "tiv"].iloc[0] == pytest.approx(697.45)


def test_current_data_are_unchanged(store) -> None:  # noqa: ANN001
    assert (
        round(100 * shares(arms.suppliers("Azerbaijan", (2016, 2020), store=store))["ISR"], 1)
        == 67.7
    )


def test_every_arms_query_takes_a_release(store) -> None:  # noqa: ANN001
    top = arms.top("exporters", (2011, 2015), 3, store=store, release="2016").frame
    assert list(top["id"]) == ["USA", "RUS", "CHN"]
    rec = arms.recipients("Israel", (2011, 2015), store=store, release="2016").frame
    assert "AZE" in set(rec["id"])
    win = arms.windows("Azerbaijan", "Israel", 5, store=store, release="2016").frame
    assert int(win["end"].max()) == 2015
    pw = arms.partner_windows("Azerbaijan", "Israel", "imports", 5, store=store, release="2024")
    assert int(pw["end"].max()) == 2023
    gw = arms.global_windows("supplier", 5, store=store, release="2016")
    assert int(gw["end"].max()) == 2015
    dw = arms.dyad_windows("Israel", "Azerbaijan", 5, store=store, release="2024").frame
    assert int(dw["end"].max()) == 2023
    assert not arms.deals("Israel", "Azerbaijan", store=store, release="2025").frame.empty
    with pytest.raises(UserError, match="deal register of release 2025 only"):
        arms.deals("Israel", "Azerbaijan", store=store, release="2016")
    with pytest.raises(UserError, match="releases held: 2016, 2022, 2024, 2025"):
        arms.suppliers("India", (2011, 2015), store=store, release="2019")
    with pytest.raises(BadPeriod, match="2025 release"):
        arms.suppliers("India", (1990, 1994), store=store, release="2025")


@pytest.mark.parametrize(
    "command",
    [
        ["suppliers", "India"],
        ["recipients", "Israel"],
        ["top", "exporters"],
        ["deals", "Israel", "Azerbaijan"],
        ["windows", "Azerbaijan", "Israel"],
        ["series", "Israel", "Azerbaijan"],
    ],
)
def test_every_arms_command_takes_release(cli, command: list[str]) -> None:  # noqa: ANN001
    r = cli("arms", *command, "--release", "1999")
    assert r.returncode == 2 and r.stderr.count("\n") == 1
    assert "releases held: 2016, 2022, 2024, 2025" in r.stderr
    r = cli("arms", *command, "--release", "2025", "--format", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["sources"][0]["release"].startswith("2025")


def test_release_option_defaults_to_the_release_s_latest_years(cli) -> None:  # noqa: ANN001
    r = cli("arms", "suppliers", "India", "--release", "2016", "--format", "json")
    out = json.loads(r.stdout)
    assert (out["query"]["from"], out["query"]["to"], out["query"]["release"]) == (
        2011,
        2015,
        "2016",
    )


@pytest.mark.parametrize(
    ("when", "release"),
    [
        ("2024-10-09", "2024"),  # the seed article: the March-2024 release
        ("2025-02-28", "2024"),
        ("2025-03-01", "2025"),
        ("2026-02-12", "2025"),  # the date of the bundled 2025 export
        ("2016-08-01", "2016"),
        ("2022-12-31", "2022"),
        ("2020-06-01", None),  # the 2020 release is not in the store
        ("2016-02-01", None),  # the 2015 release
    ],
)
def test_release_current_at(store, when: str, release: str | None) -> None:  # noqa: ANN001
    assert arms.release_current_at(when, store) == release
    assert arms.release_current_at(date.fromisoformat(when), store) == release


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
@settings(max_examples=200, deadline=None)
def test_release_current_at_is_the_march_rule(when: date) -> None:
    from realpolitik.store import get_store

    got = arms.release_current_at(when, get_store())
    rule = str(when.year if when.month >= 3 else when.year - 1)
    assert got == (rule if rule in {"2016", "2022", "2024", "2025"} else None)
    later = arms.release_current_at(when + timedelta(days=366), get_store())
    assert got is None or later is None or later >= got  # releases never go back in time


# --- the old per-recipient tables ------------------------------------------------------------------


def write_import_table(path, recipient: str, rows: dict[str, dict[int, int]]) -> None:  # noqa: ANN001
    """A 'TIV of arms exports to <recipient>' table in the 2016 layout: 69 fields on every line."""
    years = list(range(1950, 2016))
    width = 2 + len(years) + 1
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    for line in [f"TIV of arms exports to {recipient}, 1950-2015", "Generated: 24 July 2016",
                 "Figures are SIPRI TIVs", "", "", "", "", "", "Source: SIPRI Arms Transfers Database", ""]:  # fmt: skip
        w.writerow([line] + [""] * (width - 1))
    w.writerow(["", "", *years, "Total"])
    for name, values in rows.items():
        w.writerow(["", name, *[values.get(y, "") for y in years], sum(values.values())])
    w.writerow([""] * width)
    w.writerow(["", "Total", *[""] * (len(years) + 1)])
    path.write_text(buf.getvalue())


@given(
    st.dictionaries(
        st.text(alphabet="ABCDEFGHIJ abcdefghij()*'-", min_size=1, max_size=14)
        .map(str.strip)
        .filter(lambda s: s and s != "Total"),
        st.dictionaries(st.integers(1950, 2015), st.integers(0, 9000), max_size=6),
        max_size=6,
    )
)
@settings(max_examples=100, deadline=None)
def test_import_table_roundtrip(tmp_path_factory, table: dict[str, dict[int, int]]) -> None:  # noqa: ANN001
    """A per-recipient table reads back to exactly its non-empty cells, with the title's recipient."""
    p = tmp_path_factory.mktemp("t") / "TIV-Import-TST-1950-2015.csv"
    write_import_table(p, "Testland", table)
    assert sipri_releases.sniff(p) == "per-recipient TIV tables"
    df, gen = sipri_releases.read_tiv_import_table(p)
    assert gen is not None and gen.date() == date(2016, 7, 24)
    assert set(df["recipient"]) <= {"Testland"}
    got = {(r.supplier, r.year): r.tiv for r in df.itertuples()}
    assert got == {(n, y): float(v) for n, vs in table.items() for y, v in vs.items()}


def test_import_table_cut_short_or_doubled_is_refused(tmp_path) -> None:  # noqa: ANN001
    from realpolitik.snapshot.dataset import RawFormatError

    p = tmp_path / "TIV-Import-AZB-1950-2015.csv"
    write_import_table(p, "Azerbaijan", {"Israel": {2015: 104}, "Russia": {2015: 181}})
    text = p.read_text()
    p.write_text(text[: text.index("\n,Russia")] + "\n")
    with pytest.raises(RawFormatError, match="no 'Total' row"):
        sipri_releases.read_tiv_import_table(p)
    israel = next(line for line in text.splitlines() if line.startswith(",Israel"))
    p.write_text(text.replace(israel, israel + "\n" + israel))
    with pytest.raises(RawFormatError, match="appears twice"):
        sipri_releases.read_tiv_import_table(p)


def test_release_folder_must_match_its_files_dates(tmp_path) -> None:  # noqa: ANN001
    from realpolitik.snapshot.dataset import RawFormatError

    folder = tmp_path / "2019" / "someone__repo"
    folder.mkdir(parents=True)
    write_import_table(folder / "TIV-Import-AZB-1950-2015.csv", "Azerbaijan", {"Israel": {2015: 1}})
    with pytest.raises(RawFormatError, match="belong to release 2016, not 2019"):
        sipri_releases.read_releases(tmp_path)


def test_real_release_folders(raw_dir) -> None:  # noqa: ANN001
    """The raw copies: 252 per-recipient files (sha256 of their concatenation as SOURCES.md gives
    it), and the two 2024 per-delivery files with no deal-year in both."""
    import hashlib

    rows = {r.release: r for r in sipri_releases.read_releases(raw_dir / "sipri_releases")}
    assert sorted(rows) == ["2016", "2024"]
    r16 = rows["2016"]
    digest = hashlib.sha256(
        b"".join(f.read_bytes() for f in sorted(r16.files, key=lambda f: f.name))
    )
    assert digest.hexdigest() == "a3f7b5ff798d15cf780ff82d12d1ec1f9fcbcd6ebf2c38131ef01ba169d45da9"
    assert rows["2024"].format == "per-delivery export" and len(rows["2024"].files) == 2
    sums = r16.frame[r16.frame["year"].between(2011, 2015)].groupby("year")["tiv"].sum()
    assert list(sums) == [30_262, 28_702, 27_313, 28_100, 28_653]
