"""Event pipeline on the real samples: counts, de-duplication, dyad aggregates vs an independent hand count."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.errors import BadPeriod
from realpolitik.events import dedup, ingest, pipeline, schema
from realpolitik.events.engines import DuckEngine
from realpolitik.queries import events as q
from realpolitik.sources.events import synthetic

LUKA = "Luka-Radulovic__gdelts-conflict-analysis"


@pytest.fixture
def cli(cli_in_process):  # noqa: ANN001, ANN201 - conftest's fixture
    """These tests are about what the commands print, not the process: the CLI runs in-process."""
    return cli_in_process


@pytest.fixture(scope="module")
def luka_raw(raw_dir: Path) -> pd.DataFrame:
    """The three Nov-2020 files read with plain pandas (no project code): the hand-count input."""
    files = sorted((raw_dir / "events" / LUKA).glob("2020111*.csv"))
    return pd.concat(
        [pd.read_csv(f, dtype=str, keep_default_na=False) for f in files], ignore_index=True
    )


def hand_pair(df: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    x, y = df["Actor_1_Country_ABBR"], df["Actor_2_Country_ABBR"]
    return df[((x == a) & (y == b)) | ((x == b) & (y == a))]


def hand_dedup(df: pd.DataFrame) -> pd.DataFrame:
    """The documented GDELT rule, done independently: same day, Actor1Code, Actor2Code, EventCode, URL."""
    keys = ["Day", "Actor_1_Country_Code", "Actor_2_Country_Code", "Event_Code", "Source_URL"]
    return df.sort_values("Global_Event_ID").drop_duplicates(keys, keep="first")


def test_snapshot_counts_per_dataset_and_dedup_effect(store) -> None:
    rep = store.sql("SELECT * FROM events_ingest_report")
    by = rep.groupby("dataset")[["rows_read", "duplicates", "rows_kept"]].sum()
    print("\nevents_samples: rows read / duplicates removed / kept per dataset\n" + by.to_string())
    assert by.loc["gdelt2"].tolist() == [11_465, 3_962, 7_503]  # 2,111 official + 9,354 re-exported
    assert by.loc["gdelt1"].tolist() == [106_154, 468, 105_686]  # 710 + 105,444 R re-export
    assert by.loc["icews"].tolist() == [3_705, 0, 3_705]
    per_file = rep.set_index("origin")["rows_read"]
    assert per_file[f"{LUKA}/20201115.csv"] == 3929
    assert per_file["arekziobrowski__gdelt-big-data/20191024143000.export.CSV"] == 2111
    kept = store.sql("SELECT dataset, COUNT(*) AS n FROM events_rows GROUP BY dataset").set_index(
        "dataset"
    )["n"]
    assert kept.to_dict() == {"gdelt1": 105_686, "gdelt2": 7_503, "icews": 3_705}
    # de-duplication share is large in GDELT 2.0 re-exports, small in 1.0 (backfile rows have no URL)
    assert by.loc["gdelt2", "duplicates"] / by.loc["gdelt2", "rows_read"] == pytest.approx(
        0.3456, abs=1e-4
    )


def test_nov2020_dyads_match_hand_count_before_dedup(raw_dir: Path, luka_raw: pd.DataFrame) -> None:
    files = sorted((raw_dir / "events" / LUKA).glob("2020111*.csv"))
    frames = [ingest.load_small(f, "gdelt2-luka", f.name) for f in files]
    eng = DuckEngine(threads=2)
    try:
        eng.frame("ev", pd.concat(frames, ignore_index=True))
        month = eng.df(pipeline.dyad_month_sql("ev"))
    finally:
        eng.close()
    for a, b, n_sources_md in [("ARM", "AZE", 178), ("AZE", "RUS", 107)]:
        hand = hand_pair(luka_raw, a, b)
        assert len(hand) == n_sources_md  # SOURCES.md counts undirected actor-country pairs
        rows = month[
            ((month.source_id == a) & (month.target_id == b))
            | ((month.source_id == b) & (month.target_id == a))
        ]
        assert rows["events"].sum() == len(hand)
        gold = hand["Goldstein_Scale"].astype(float)
        assert rows["goldstein_sum"].sum() / rows["goldstein_n"].sum() == pytest.approx(
            gold.mean(), abs=1e-12
        )
        directed = rows.set_index("source_id")["events"].to_dict()
        assert directed[a] == int((hand["Actor_1_Country_ABBR"] == a).sum())
    assert hand_pair(luka_raw, "ARM", "AZE")["Goldstein_Scale"].astype(
        float
    ).mean() == pytest.approx(0.5837, abs=1e-4)
    assert hand_pair(luka_raw, "AZE", "RUS")["Goldstein_Scale"].astype(
        float
    ).mean() == pytest.approx(3.0336, abs=1e-4)


@pytest.mark.parametrize(
    ("a", "b", "n_raw", "n_dedup", "gold"),
    [("ARM", "AZE", 178, 102, 0.7569), ("AZE", "RUS", 107, 58, 2.8759)],
)
def test_nov2020_dyad_query_matches_hand_count_after_dedup(
    luka_raw, a, b, n_raw, n_dedup, gold
) -> None:  # noqa: ANN001
    hand = hand_dedup(hand_pair(luka_raw, a, b))
    assert len(hand_pair(luka_raw, a, b)) == n_raw and len(hand) == n_dedup
    res = q.dyad(a, b, "2020-11", "2020-11")
    row = res.frame.set_index("dataset").loc["gdelt2"]
    assert row["period"] == "2020-11"
    assert row["events"] == len(hand)
    assert row["goldstein_mean"] == pytest.approx(
        hand["Goldstein_Scale"].astype(float).mean(), abs=1e-12
    )
    assert row["goldstein_mean"] == pytest.approx(gold, abs=1e-4)
    m = hand["Num_Mentions"].astype(float)
    wmean = (hand["Goldstein_Scale"].astype(float) * m).sum() / m.sum()
    assert row["goldstein_wmean"] == pytest.approx(wmean, abs=1e-12)
    assert row["tone_mean"] == pytest.approx(hand["AVG_TONE"].astype(float).mean(), abs=1e-12)
    quads = hand["Quad_Class"].astype(int).value_counts()
    assert [
        row["verbal_coop"],
        row["material_coop"],
        row["verbal_conflict"],
        row["material_conflict"],
    ] == [int(quads.get(k, 0)) for k in (1, 2, 3, 4)]
    coop, conf = quads.get(1, 0) + quads.get(2, 0), quads.get(3, 0) + quads.get(4, 0)
    assert row["cc_index"] == pytest.approx((coop - conf) / (coop + conf))
    assert row["a_to_b"] == int((hand["Actor_1_Country_ABBR"] == a).sum())


def test_dyad_query_directed_year_and_errors() -> None:
    both = q.dyad("Armenia", "Azerbaijan", "2020", "2020", freq="year", dataset="gdelt2").frame
    one = q.dyad(
        "Armenia", "Azerbaijan", "2020", "2020", freq="year", dataset="gdelt2", directed=True
    ).frame
    back = q.dyad(
        "Azerbaijan", "Armenia", "2020", "2020", freq="year", dataset="gdelt2", directed=True
    ).frame
    assert both["events"].iloc[0] == one["events"].iloc[0] + back["events"].iloc[0] == 102
    assert one["events"].iloc[0] == 62
    with pytest.raises(BadPeriod):
        q.dyad("Armenia", "Azerbaijan", "2020-13", None)
    with pytest.raises(BadPeriod, match="coverage"):
        q.dyad("Armenia", "Azerbaijan", "2030", "2031")
    res = q.dyad("Armenia", "Azerbaijan", "2019-10", "2019-10")
    assert res.frame["events"].tolist() == [0]  # covered month, no events: 0 events, null means
    assert res.frame["goldstein_mean"].isna().all()


def test_ingest_writes_parquet_and_year_equals_sum_of_months(raw_dir: Path, tmp_path: Path) -> None:
    ev = raw_dir / "events"
    paths = [
        ev / LUKA / "20201113.csv",
        ev / "arekziobrowski__gdelt-big-data" / "20191024143000.export.CSV",
    ]
    res = ingest.ingest(paths, tmp_path)
    assert res.inputs["format"].tolist() == ["gdelt2-luka", "gdelt2"]
    assert res.report["rows_read"].sum() == 2824 + 2111
    events = pd.read_parquet(tmp_path / "events.parquet")
    assert len(events) == res.report["rows_kept"].sum()
    assert list(events.columns) == schema.COLUMNS
    month = pd.read_parquet(tmp_path / "dyad_month.parquet")
    year = pd.read_parquet(tmp_path / "dyad_year.parquet")
    m = (
        month.assign(year=month["month"].str[:4].astype(int))
        .groupby(["dataset", "source_id", "target_id", "year"])[pipeline.SUMS]
        .sum()
    )
    y = (
        year.astype({"year": "int64"})
        .set_index(["dataset", "source_id", "target_id", "year"])[pipeline.SUMS]
        .sort_index()
    )
    pd.testing.assert_frame_equal(m.sort_index(), y, check_dtype=False)
    assert not (tmp_path / "_ranked.parquet").exists()
    res2 = q.dyad("Armenia", "Azerbaijan", "2020-11", "2020-11", data_dir=tmp_path)
    assert res2.frame["events"].iloc[0] > 0


def test_dedup_rule_on_a_constructed_frame() -> None:
    base = {c: None for c in schema.COLUMNS}
    row = {
        **base,
        "dataset": "gdelt2",
        "origin": "t",
        "date": "2020-11-13",
        "source_actor": "ARM",
        "target_actor": "AZE",
        "event_code": "190",
        "source_url": "u1",
        "mentions": 1,
    }
    rows = [
        {**row, "event_id": "3"},
        {**row, "event_id": "2"},  # duplicate of 3, smaller id: kept
        {**row, "event_id": "4", "source_url": "u2"},  # other URL
        {**row, "event_id": "5", "source_url": None},  # no URL: never merged
        {**row, "event_id": "6", "source_url": None},
        {**row, "event_id": "7", "dataset": "icews"},  # not GDELT
        {**row, "event_id": "8", "dataset": "icews"},
    ]
    eng = DuckEngine(threads=1)
    try:
        eng.frame("e", schema.finish(pd.DataFrame(rows)))
        kept = eng.df(dedup.dedup_sql("e"))
        rep = eng.df(dedup.report_sql("e"))
    finally:
        eng.close()
    assert sorted(kept["event_id"]) == ["2", "4", "5", "6", "7", "8"]
    assert rep.set_index("dataset")["duplicates"].to_dict() == {"gdelt2": 1, "icews": 0}


def test_synthetic_files_have_official_layout_and_code_distribution(tmp_path: Path) -> None:
    path = synthetic.write_export(tmp_path / "20200101000000.export.CSV", 20_000, seed=7)
    assert ingest.detect(path) == "gdelt2"
    res = ingest.ingest([path], tmp_path / "out")
    raw = synthetic.generate(20_000, seed=7)
    assert raw.equals(synthetic.generate(20_000, seed=7))  # seeded
    assert not raw.equals(synthetic.generate(20_000, seed=8))
    assert raw["SOURCEURL"].str.startswith("https://synthetic.invalid/").all()
    shares = raw["EventRootCode"].value_counts(normalize=True)
    assert shares["04"] == pytest.approx(0.279, abs=0.015) and shares["19"] == pytest.approx(
        0.075, abs=0.01
    )
    codes = synthetic.cameo.event_codes().set_index("code")
    assert (
        raw["GoldsteinScale"].to_numpy() == codes.loc[raw["EventCode"], "goldstein"].to_numpy()
    ).all()
    assert (
        raw["QuadClass"].to_numpy() == codes.loc[raw["EventCode"], "quad_class"].to_numpy()
    ).all()
    dup_share = res.report["duplicates"].sum() / 20_000
    assert 0.03 < dup_share < 0.07  # ~5% repeated rows are found by the de-duplication


def test_cli_dyad_json_chart_and_errors(cli, tmp_path: Path) -> None:  # noqa: ANN001
    out = cli(
        "events",
        "dyad",
        "Armenia",
        "Azerbaijan",
        "--from",
        "2020-11",
        "--to",
        "2020-11",
        "--format",
        "json",
    )
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["rows"][0]["events"] == 102 and doc["query"]["a"] == "ARM"
    assert doc["sources"][0]["dataset"] == "events_samples"
    chart = tmp_path / "c.html"
    out = cli(
        "events",
        "dyad",
        "ARM",
        "AZE",
        "--from",
        "2020-11",
        "--to",
        "2020-11",
        "--chart",
        str(chart),
    )
    assert out.returncode == 0 and "gdelt2 events" in out.stdout  # the sparkline line
    assert "vega" in chart.read_text().lower()
    bad = cli("events", "dyad", "Armenia", "Azerbaijan", "--from", "2020-13")
    assert bad.returncode == 2 and "bad month" in bad.stderr
    bad = cli("events", "ingest", str(tmp_path / "missing.CSV"), "--out", str(tmp_path / "o"))
    assert bad.returncode == 2 and "not found" in bad.stderr


def test_dyad_signs_layer_agrees_with_dyad_query() -> None:
    signs = q.dyad_signs("2020-11", "2020-11", dataset="gdelt2", min_events=20).frame
    row = signs[(signs.id1 == "ARM") & (signs.id2 == "AZE")].iloc[0]
    one = q.dyad("ARM", "AZE", "2020-11", "2020-11", dataset="gdelt2").frame.iloc[0]
    assert row["events"] == one["events"] == 102
    assert row["cc_index"] == pytest.approx(one["cc_index"]) and row["sign"] == 1
    assert (signs["events"] >= 20).all() and (signs["id1"] < signs["id2"]).all()


_event = st.fixed_dictionaries(
    {
        "source_id": st.sampled_from(["ARM", "AZE", "RUS", None]),
        "target_id": st.sampled_from(["ARM", "AZE", "RUS", None]),
        "date": st.dates(
            min_value=pd.Timestamp("2019-11-01").date(), max_value=pd.Timestamp("2020-02-28").date()
        ),
        "quad_class": st.integers(1, 4),
        "goldstein": st.one_of(st.none(), st.sampled_from([-10.0, -2.0, 0.0, 1.0, 3.4, 7.0])),
        "mentions": st.integers(1, 20),
        "tone": st.floats(-10, 10, allow_nan=False),
    }
)


@settings(max_examples=25, deadline=None)
@given(st.lists(_event, min_size=1, max_size=60))
def test_dyad_month_matches_pandas_groupby(rows: list[dict]) -> None:
    df = schema.finish(
        pd.DataFrame(rows).assign(
            dataset="gdelt2", origin="h", event_id=[str(i) for i in range(len(rows))]
        )
    )
    eng = DuckEngine(threads=1)
    try:
        eng.frame("e", df)
        got = eng.df(pipeline.dyad_month_sql("e"))
    finally:
        eng.close()
    ok = df[df.source_id.notna() & df.target_id.notna() & (df.source_id != df.target_id)].copy()
    ok["month"] = pd.to_datetime(ok["date"]).dt.strftime("%Y-%m")
    want = ok.groupby(["source_id", "target_id", "month"]).agg(
        events=("event_id", "size"),
        goldstein_n=("goldstein", "count"),
        goldstein_sum=("goldstein", "sum"),
        mentions=("mentions", "sum"),
    )
    got = got.set_index(["source_id", "target_id", "month"]).sort_index()
    assert len(got) == len(want)
    assert got["events"].tolist() == want.sort_index()["events"].tolist()
    assert got["goldstein_n"].tolist() == want.sort_index()["goldstein_n"].tolist()
    assert got["mentions"].tolist() == want.sort_index()["mentions"].tolist()
    assert got["goldstein_sum"].fillna(0).to_numpy() == pytest.approx(
        want.sort_index()["goldstein_sum"].to_numpy()
    )


def test_icews_dyad_matches_hand_count(raw_dir: Path) -> None:
    raw = pd.read_csv(
        raw_dir / "events" / "andybega__icews" / "events.2018.sample.tab",
        sep="\t",
        dtype=str,
        quoting=3,
        keep_default_na=False,
    )
    s, t = raw["Source Country"], raw["Target Country"]
    pair = raw[
        ((s == "Russian Federation") & (t == "Ukraine"))
        | ((s == "Ukraine") & (t == "Russian Federation"))
    ]
    row = q.dyad("Russia", "Ukraine", "2018-06", "2018-06", dataset="icews").frame.iloc[0]
    assert row["events"] == len(pair) > 0
    assert row["goldstein_mean"] == pytest.approx(pair["Intensity"].astype(float).mean(), abs=1e-12)
    assert pd.isna(row["tone_mean"]) and pd.isna(
        row["goldstein_wmean"]
    )  # ICEWS has no tone or mentions
