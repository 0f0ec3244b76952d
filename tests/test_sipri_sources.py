"""SIPRI readers: real files as published plus fixtures the tests write in the official formats."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.sources import sipri

PREAMBLE_NEW = """Transfers of major conventional arms from All countries  to All countries . Deals with deliveries made for the year range '1995' to '2025';
A '?' in a column indicates uncertain data.;
An empty field for 'Number ordered' indicates that data is not yet available.;
SIPRI trend-indicator values (TIVs) are in millions.;
An empty field for 'SIPRI TIV for total order' indicates that data is not available.;
A '0' for 'SIPRI TIV of delivered weapons' indicates that the volume of deliveries is between 0 and 0.5 million SIPRI TIV.
Figures may not add up to stated totals due to the conventions of rounding.;
For the method used see <https://www.sipri.org/databases/armstransfers/sources-and-methods>.
;
Source: SIPRI Arms Transfers Database (c) SIPRI.;
Data generated: 12 Feb 2026 12:26:12 PM;
"""
HEADER_NEW = ",".join(sipri.DELIVERY_COLUMNS)


def write_deliveries(path: Path, rows: list[list[str]]) -> Path:
    lines = PREAMBLE_NEW.splitlines() + [HEADER_NEW + ";"] + [",".join(r) + ";" for r in rows]
    path.write_bytes("\r\n".join(lines).encode("ascii") + b"\r\n")
    return path


def test_deliveries_fixture_crlf_and_trailing_semicolons(tmp_path):
    rows = [
        [
            "1",
            "Israel",
            "Azerbaijan",
            "Harop",
            "loitering munition",
            "Missiles",
            "2016",
            "Yes",
            "50",
            "No",
            "2016",
            "No",
            "New",
            "0.5",
            "0.4",
            "20",
            "No",
        ],
        [
            "2",
            "Russia",
            "Azerbaijan",
            "T-90S",
            "tank",
            "Armoured vehicles",
            "2010",
            "No",
            "20",
            "",
            "2016",
            "Yes",
            "New",
            "2",
            "2",
            "0",
            "",
        ],
    ]
    df, gen = sipri.read_deliveries(write_deliveries(tmp_path / "tr.csv", rows))
    assert gen == datetime(2026, 2, 12)
    assert sipri.release_of(gen) == "2025"
    assert list(df["tiv"]) == [20.0, 0.0]
    assert df["local_production"].tolist()[0] is False and df["local_production"].isna().tolist()[1]
    assert df["delivered_estimated"].isna().tolist() == [False, True]
    assert int(df["year"].iloc[0]) == 2016


def test_deliveries_rejects_other_formats(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text(PREAMBLE_NEW + "SIPRI AT Database ID,Supplier\n1,Israel\n")
    with pytest.raises(ValueError, match="missing"):
        sipri.read_deliveries(p)


REGISTER_PREAMBLE = "\n".join(
    [
        "Transfers of major conventional arms",
        *["x"] * 8,
        "",
        "Data generated: 13 Mar 2025 10:02:49 AM",
    ]
)
REGISTER_HEADER = "Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons"


def test_register_fixture_rejoins_split_comments(tmp_path):
    good = 'Azerbaijan,Israel,2016,?,50,,Harop,loitering munition,50,?,2016; 2017,New,"ordered, with ""quotes""",0.4,20,20'
    split_a = "Azerbaijan,Israel,2012,,1,,EL/M-2080,radar,1,,2013,New,first line of"
    split_b = "comment continues,10,10,10"
    text = (
        REGISTER_PREAMBLE
        + "\n"
        + REGISTER_HEADER
        + "\n"
        + "\n".join([good, split_a, split_b])
        + "\n"
    )
    p = tmp_path / "reg.csv"
    p.write_bytes(text.encode("latin-1"))
    df, gen = sipri.read_register(p)
    assert len(df) == 2
    assert df["comments"].iloc[1] == "first line of\ncomment continues"
    assert df["order_year_uncertain"].tolist() == [True, False]
    assert int(df["first_delivery"].iloc[0]) == 2016 and int(df["last_delivery"].iloc[0]) == 2017
    assert gen == datetime(2025, 3, 13) and sipri.release_of(gen) == "2025"


@given(
    st.lists(
        st.lists(
            st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=5),
            min_size=4,
            max_size=4,
        ),
        max_size=20,
    ),
    st.lists(st.integers(min_value=1, max_value=3), max_size=20),
)
@settings(max_examples=200, deadline=None)
def test_join_split_records_roundtrip(records, cuts):
    """Splitting any record's last-but-some field at a line break and rejoining restores it."""
    physical: list[list[str]] = []
    for i, rec in enumerate(records):
        cut = cuts[i] if i < len(cuts) else 0
        if cut:
            k = cut - 1  # split inside field k (0..2), so the first part is short
            physical.append([*rec[:k], rec[k] + "a"])
            physical.append(["b" + "", *rec[k + 1 :]])
        else:
            physical.append(list(rec))
    joined = sipri._join_split_records(physical, 4)
    assert len(joined) == len(records)
    for i, (got, rec) in enumerate(zip(joined, records, strict=True)):
        if i < len(cuts) and cuts[i]:
            k = cuts[i] - 1
            assert got[k] == rec[k] + "a\nb" and got[:k] == rec[:k] and got[k + 1 :] == rec[k + 1 :]
        else:
            assert got == rec


@given(
    st.dictionaries(
        st.text(alphabet="ABCDEFGHIJ abcdefghij'-", min_size=1, max_size=12)
        .map(str.strip)
        .filter(bool),
        st.dictionaries(st.integers(1950, 1960), st.integers(0, 5000), max_size=5),
        max_size=6,
    )
)
@settings(max_examples=100, deadline=None)
def test_tiv_table_roundtrip(tmp_path_factory, table):
    """A table written in SIPRI's per-supplier layout reads back to exactly its non-empty cells."""
    years = list(range(1950, 1961))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["TIV of arms exports from Testland, 1950-1960"])
    for line in [
        "Figures are SIPRI TIVs",
        "",
        "Source: SIPRI Arms Transfers Database",
        "Generated: 28 July 2022",
        "",
    ]:
        w.writerow([line])
    w.writerow(["", *years, "Total"])
    names = [n for n in table if n != "Total"]
    for name in names:
        w.writerow([name, *[table[name].get(y, "") for y in years], sum(table[name].values())])
    w.writerow(["Total", *[""] * (len(years) + 1)])
    p = tmp_path_factory.mktemp("t") / "TIV-Export-TST-1950-1960.csv"
    p.write_text(buf.getvalue())
    df, gen = sipri.read_tiv_table(p)
    assert gen == datetime(2022, 7, 28)
    assert set(df["supplier"]) <= {"Testland"} and set(df["supplier_code"]) <= {"TST"}
    got = {(r.recipient, r.year): r.tiv for r in df.itertuples()}
    assert got == {(n, y): float(v) for n in names for y, v in table[n].items()}


def test_real_files_parse(raw_dir):
    root = raw_dir / "sipri"
    d, gen = sipri.read_deliveries(root / sipri.DELIVERIES)
    assert len(d) == 25_024 and gen == datetime(2026, 2, 12)
    r, _ = sipri.read_register(root / sipri.REGISTER)
    assert len(r) == 29_515
    assert r["tiv_delivered"].sum() == pytest.approx(2_092_211, abs=1)
    totals, side, gen_t = sipri.read_totals(root / sipri.TOTALS[0])
    assert side == "imports" and sipri.release_of(gen_t) == "2024"


def test_tables_agree_with_360info_tidy_copy(raw_dir):
    """The per-supplier tables and 360info's tidy file carry the same dyad-year values."""
    root = raw_dir / "sipri"
    tidy = sipri.read_tidy_360info(root / "360-info__report-arms-trade/sipri-exports-processed.csv")
    t, _ = sipri.read_tiv_table(root / sipri.TABLES_DIR / "TIV-Export-ISR-1950-2021.csv")
    isr = tidy[tidy["supplier"] == "Israel"]
    merged = isr.merge(t, on=["recipient", "year"], suffixes=("_tidy", "_table"))
    assert len(merged) > 100
    assert (merged["tiv_tidy"] == merged["tiv_table"]).all()
