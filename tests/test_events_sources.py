"""Event loaders on the real samples (official formats strict, re-exports through adapters) and CAMEO tables."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.errors import UserError
from realpolitik.sources.events import adapters, cameo, gdelt1, gdelt2, icews, plover


@pytest.fixture(scope="module")
def ev(raw_dir: Path) -> Path:
    return raw_dir / "events"


def test_gdelt2_official_export_loads_strictly(ev: Path) -> None:
    df = gdelt2.read_gdelt2(ev / "arekziobrowski__gdelt-big-data" / "20191024143000.export.CSV")
    assert df.shape == (2111, 61)
    assert list(df.columns) == gdelt2.NAMES
    assert (df["DATEADDED"] == 20191024143000).all()
    assert df["SQLDATE"].min() == 20181024 and df["SQLDATE"].max() == 20191024
    # CAMEO codes keep their leading zeros
    assert df["EventRootCode"].str.len().eq(2).all()
    countries = pd.concat([df["Actor1CountryCode"], df["Actor2CountryCode"]])
    rows_with = {
        c: int(((df["Actor1CountryCode"] == c) | (df["Actor2CountryCode"] == c)).sum())
        for c in ["ISR", "IRN", "AZE", "ARM", "TUR", "RUS"]
    }
    assert rows_with == {
        "ISR": 21,
        "IRN": 47,
        "AZE": 3,
        "ARM": 6,
        "TUR": 57,
        "RUS": 91,
    }  # SOURCES.md
    assert countries.notna().any()
    a, b = df["Actor1CountryCode"], df["Actor2CountryCode"]
    pair = lambda x, y: int((((a == x) & (b == y)) | ((a == y) & (b == x))).sum())  # noqa: E731
    assert (pair("IRN", "RUS"), pair("IRN", "TUR"), pair("ISR", "TUR")) == (5, 6, 3)  # SOURCES.md


def test_gdelt1_mixed_57_58_columns(ev: Path) -> None:
    df = gdelt1.read_gdelt1(ev / "reed9999__gdelt-demo" / "gdelt1_events_sample_20160728.tsv")
    assert len(df) == 710
    assert df["SOURCEURL"].notna().sum() == 509  # daily-export rows (58 columns)
    assert df["SOURCEURL"].isna().sum() == 201  # backfile rows (57 columns)
    assert set(df.loc[df["SOURCEURL"].isna(), "DATEADDED"]) <= {"20130203", "20130206"}


def test_icews_dataverse_tab(ev: Path) -> None:
    df = icews.read_icews(ev / "andybega__icews" / "events.2018.sample.tab")
    assert df.shape == (3705, 20)
    assert df["Event Date"].min() == "2018-06-01" and df["Event Date"].max() == "2018-06-02"
    either = lambda n: int(((df["Source Country"] == n) | (df["Target Country"] == n)).sum())  # noqa: E731
    assert (
        either("Russian Federation") == 333 and either("Israel") == 96 and either("Armenia") == 19
    )
    r = adapters.read_icews_r_export(ev / "andybega__icews" / "icews_sample_20180601_03.tsv")
    assert len(r) == 4993 and list(r.columns) == icews.COLUMNS


def test_plover_gold_standard_json(ev: Path) -> None:
    df = plover.read_plover(ev / "openeventdata__PLOVER" / "PLOVER_GSR_CAMEO.txt")
    assert (
        df["id"].nunique() == 321
    )  # 323 records minus DOCUMENT; COERCE-0004 is used twice upstream
    assert len(df) == 363  # compound actors give one row per source x target
    norm = plover.normalise(df, "gsr")
    assert norm["quad_class"].notna().all()
    assert (norm["date"].astype(str) == "2000-01-01").all()  # placeholder dates, as documented
    assert norm.loc[norm["source_code"] == "JAP", "source_id"].eq("JPN").all()


def test_luka_radulovic_adapter_maps_by_position_and_restores_zeros(ev: Path) -> None:
    folder = ev / "Luka-Radulovic__gdelts-conflict-analysis"
    sizes = {f.name: len(adapters.read_luka_radulovic(f)) for f in sorted(folder.glob("*.csv"))}
    assert sizes == {"20201113.csv": 2824, "20201114.csv": 2601, "20201115.csv": 3929}
    df = adapters.read_luka_radulovic(folder / "20201113.csv")
    assert list(df.columns) == gdelt2.NAMES
    assert df["EventCode"].isin(cameo.event_codes()["code"]).all()  # '40' restored to '040'
    assert df["EventRootCode"].str.len().eq(2).all()
    assert (df["SQLDATE"] == "20201113").all()
    with pytest.raises(UserError):
        adapters.read_luka_radulovic(
            ev / "arekziobrowski__gdelt-big-data" / "20191024143000.export.CSV"
        )


def test_r_export_adapter_handles_row_name_shift_and_empty_file(ev: Path) -> None:
    folder = ev / "mpiccirilli__UNDP-BCPR-Project" / "individual_csvs"
    frames = {f.name: adapters.read_r_export(f) for f in sorted(folder.glob("*.csv.gz"))}
    assert sum(len(f) for f in frames.values()) == 105_444  # SOURCES.md
    assert len(frames["march13.csv.gz"]) == 0  # empty in the sample
    for shifted in [
        "december12.csv.gz",
        "january13.csv.gz",
        "february13.csv.gz",
        "april13.csv.gz",
        "may13.csv.gz",
    ]:
        df = frames[shifted]
        assert df["GLOBALEVENTID"].str.fullmatch(r"\d{9}").all(), shifted
        assert df["SQLDATE"].str.fullmatch(r"201[23]\d{4}").all(), shifted
        assert df["EventRootCode"].str.fullmatch(r"\d\d").all(), shifted
    assert (
        frames["june2011.csv.gz"].columns.tolist() == gdelt1.NAMES
    )  # trailing 'month' column dropped


def test_official_loaders_reject_other_layouts(tmp_path: Path) -> None:
    bad2 = tmp_path / "x.export.CSV"
    bad2.write_text("\t".join(["1"] * 60) + "\n")
    with pytest.raises(UserError, match="61"):
        gdelt2.read_gdelt2(bad2)
    bad1 = tmp_path / "x.tsv"
    bad1.write_text("\t".join(["1"] * 58) + "\n" + "\t".join(["1"] * 56) + "\n")
    with pytest.raises(UserError, match="line 2 has 56"):
        gdelt1.read_gdelt1(bad1)
    bad3 = tmp_path / "x.tab"
    bad3.write_text("Event ID\tDate\n1\t2\n")
    with pytest.raises(UserError):
        icews.read_icews(bad3)


def test_cameo_tables() -> None:
    codes = cameo.event_codes()
    assert len(codes) == 311 and codes["goldstein"].notna().all()
    g = cameo.goldstein_map()
    assert g["190"] == -10.0 and g["040"] == 1.0 and g["0871"] == 9.0
    assert [
        cameo.quad_class(r) for r in ["01", "05", "06", "08", "09", "13", "14", "20", "21", None]
    ] == [1, 1, 2, 2, 3, 3, 4, 4, None, None]
    assert cameo.plover_event("0871") == "RETREAT"
    assert cameo.plover_event("1712") == "ASSAULT"  # a code-level override of root 17 (COERCE)
    assert cameo.plover_event("0834") == "CONCEDE"  # via its base code 083
    assert cameo.plover_event("010") is None  # statements have no PLOVER type
    assert cameo.country_id("ROM") == "ROU" and cameo.country_id("ARM") == "ARM"
    assert cameo.country_id("WST") is None and cameo.country_id("EUR") is None
    assert cameo.actor_types()["GOV"] == "Government"


def test_static_country_lookup_agrees_with_resolver() -> None:
    table = cameo.country_table(cameo.known_codes())
    sample = table.sample(60, random_state=1)
    for code, cid in zip(sample["code"], sample["id"], strict=True):
        assert cameo.country_id(code) == cid


field = st.text(
    alphabet=st.characters(blacklist_categories=["Cs", "Cc"], blacklist_characters="\t\r\n"),
    max_size=8,
)


@settings(max_examples=60, deadline=None)
@given(st.lists(field, min_size=57, max_size=58))
def test_gdelt1_parse_lines_roundtrip(fields: list[str]) -> None:
    df = gdelt1.parse_lines(["\t".join(fields)])
    assert len(df) == 1
    got = df.iloc[0].tolist()
    want = [f.strip() or None for f in fields] + ([None] if len(fields) == 57 else [])
    assert [(g.strip() or None) if isinstance(g, str) else g for g in got] == want


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=1, max_value=80).filter(lambda n: n not in (57, 58)))
def test_gdelt1_parse_lines_rejects_other_widths(width: int) -> None:
    with pytest.raises(UserError):
        gdelt1.parse_lines(["\t".join(["x"] * width)])


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(cameo.event_codes()["code"].tolist()))
def test_restore_cameo_zeros_inverts_numeric_resave(code: str) -> None:
    root, base = code[:2], code[:3]
    lost = pd.DataFrame(
        {
            "EventRootCode": [str(int(root))],
            "EventCode": [str(int(code))],
            "EventBaseCode": [str(int(base))],
        }
    )
    fixed = adapters.restore_cameo_zeros(lost).iloc[0]
    assert (fixed["EventRootCode"], fixed["EventCode"], fixed["EventBaseCode"]) == (
        root,
        code,
        base,
    )
