"""Research panels: row counts equal peacesciencer 1.2.9's, coverage is honest (NULL, not 0), spot checks."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from realpolitik.errors import BadPeriod, UserError
from realpolitik.panel import dyad_years, state_years
from realpolitik.panel.core import ALIASES, arrow_to_pandas, last_year, step_name
from realpolitik.panel.steps import STEPS
from realpolitik.panel.write import format_of
from tests.conftest import built_once

# peacesciencer 1.2.9 (cow_ddy/gw_ddy to 2024, extended to 2025 by create_dyadyears(mry = TRUE) in 2026)
COUNTS = {
    ("cow", True, 2020): 2_063_610,
    ("cow", True, 2025): 2_252_760,
    ("cow", False, 2025): 1_126_380,
    ("gw", True, 2020): 2_445_018,
    ("gw", True, 2025): 2_638_078,
    ("gw", False, 2025): 1_319_039,
}


@pytest.fixture
def cli(cli_in_process):  # noqa: ANN001, ANN201 - conftest's fixture
    """These tests are about what the commands print, not the process: the CLI runs in-process (a call with its
    own environment still runs as a subprocess)."""
    return cli_in_process


@pytest.mark.parametrize(("system", "directed", "end"), list(COUNTS))
def test_dyad_year_counts_equal_peacesciencer(system, directed, end):
    assert dyad_years(system, directed, (1816, end)).count() == COUNTS[(system, directed, end)]


def test_state_year_counts():
    assert state_years("cow", (1816, 2025)).count() == 17_706
    assert state_years("gw", (1816, 2025)).count() == 20_849  # rows of isard's gw_democracy


def test_dyads_equal_state_year_pairs_minus_false_dyads(store):
    """Every COW dyad-year pairs two states alive that year; nothing is duplicated."""
    p = dyad_years("cow", True, (1816, 1900))
    dup = (
        store.con.cursor()
        .execute(f"SELECT count(*) - count(DISTINCT (ccode1, ccode2, year)) FROM ({p.sql})")
        .fetchone()[0]
    )
    assert dup == 0
    # 1816: 23 COW states -> 23 * 22 directed dyads
    assert (
        store.con.cursor()
        .execute(f"SELECT count(*) FROM ({p.sql}) WHERE year = 1816")
        .fetchone()[0]
        == 23 * 22
    )


@pytest.fixture(scope="module")
def chain(tmp_path_factory) -> pd.DataFrame:  # noqa: ANN001
    """Recent years of the benchmark chain plus trade, majors, ideal points and arms (built by one worker)."""
    p = (
        dyad_years("cow", True, (1975, 2025))
        .add_contiguity()
        .add_atop()
        .add_gml_mids()
        .add_cow_mids()
        .add_nmc()
        .add_democracy()
        .add_rivalries()
        .add_mindist()
        .add_majors()
        .add_cow_trade()
        .add_ideal_points()
        .add_arms()
        .add_crude()
        .add_events()
        .add_peace_years()
    )
    return arrow_to_pandas(built_once(tmp_path_factory, "test_panel-chain", p.to_arrow))


def dyad(frame: pd.DataFrame, a: int, b: int) -> pd.DataFrame:
    return frame[(frame.ccode1 == a) & (frame.ccode2 == b)].set_index("year").sort_index()


def test_coverage_is_null_after_the_data_ends(chain):
    last = {
        "conttype": 2016,
        "atop_defense": 2018,
        "cinc1": 2022,
        "gmlmidonset": 2010,
        "gmlmidspell": 2010,
        "cowmidonset": 2014,
        "td_rivalry": 2010,
        "tss_rivalry": 2020,
        "mindist": 2019,
        "cowmaj1": 2016,
        "flow1": 2014,
        "idealpoint1": 2024,
    }
    for col, year in last.items():
        after = chain.loc[chain.year > year, col]
        assert after.isna().all(), col
        assert chain.loc[chain.year == year, col].notna().any(), col


def test_no_rivalry_coded_outside_rivalry_data(chain):
    """peacesciencer 1.2.9 codes ongoingrivalry = 1 for non-rivals in 2021–2025; here those years are NULL."""
    late = chain[chain.year >= 2021]
    assert late["tss_rivalry"].isna().all() and late["td_rivalry"].isna().all()
    assert (
        int(chain.loc[chain.year == 2020, "tss_rivalry"].sum()) < 200
    )  # a few dozen rival dyads, not every dyad


def test_israel_iran_rivalry(chain):
    d = dyad(chain, 666, 630)
    coded = d.index[d.tss_rivalry == 1]
    assert coded.min() == 1979 and coded.max() == 2020
    assert list(d.loc[1975:1978, "tss_rivalry"]) == [0, 0, 0, 0]
    assert d.loc[1979:2010, "td_rivalry"].eq(1).all()
    assert d.loc[2000, "tss_positional"] == 1 and d.loc[2000, "tss_principal"] == 1


def test_azerbaijan_iran_disputes_and_contiguity(chain):
    d = dyad(chain, 373, 630)
    assert list(d.index[d.cowmidongoing == 1]) == [2001, 2002, 2003, 2011]
    assert list(d.index[d.gmlmidongoing == 1]) == [2001, 2002, 2003]
    assert list(d.index[d.gmlmidonset == 1]) == [2001, 2002, 2003]
    assert d.loc[2001, "gml_hostlev"] == 3
    assert d.loc[2000, "gmlmidspell"] == 9  # the pair exists since 1991 with no earlier dispute
    assert d.loc[2001, "gmlmidspell"] == 10  # the onset year counts the peace years before it
    # ongoing 2001–2003: the years after a dispute year restart at 0 (peacesciencer's spells)
    assert list(d.loc[2002:2005, "gmlmidspell"]) == [0, 0, 0, 1] and d.loc[2010, "gmlmidspell"] == 6
    assert (d.loc[1992:2016, "conttype"] == 1).all()
    assert pd.isna(d.loc[2017, "conttype"])
    assert d.loc[2010, "mindist"] == 0


def test_nmc_democracy_ideal_points(chain, store):
    d = dyad(chain, 373, 666)
    nmc = (
        store.sql("SELECT ccode, cinc FROM cow_nmc WHERE year = 2010 AND ccode IN (373, 666)")
        .set_index("ccode")
        .cinc
    )
    assert d.loc[2010, "cinc1"] == pytest.approx(nmc[373])
    assert d.loc[2010, "cinc_share1"] == pytest.approx(nmc[373] / (nmc[373] + nmc[666]))
    assert d.loc[2019, "v2x_polyarchy1"] == pytest.approx(0.195) and d.loc[
        2019, "v2x_polyarchy2"
    ] == pytest.approx(0.708)
    assert round(float(d.loc[2024, "ideal_distance"]), 3) == 2.813
    assert round(float(dyad(chain, 373, 630).loc[2024, "ideal_distance"]), 3) == 0.615


def test_arms_matches_arms_query(chain):
    from realpolitik.queries import arms

    series = arms.series("Israel", "Azerbaijan").frame.set_index("year")
    d = dyad(chain, 666, 373)
    assert d.loc[2016, "tiv12"] == series.loc[2016, "ISR_to_AZE"]  # both rounded to 4 decimals
    assert pd.isna(d.loc[2016, "tiv21"])  # no deliveries identified: NULL, not 0
    assert pd.isna(d.loc[2016, "tiv21_share"])
    assert 0 < d.loc[2016, "tiv12_share"] <= 1
    assert pd.isna(d.loc[2025, "tiv12"])


def test_arms_zero_is_sipris_zero_and_sums_carry_no_float_noise(chain, store):
    """0.0 only where SIPRI's deliveries are all '0' (under 0.5 TIV); sums of 2-decimal TIVs print as decimals."""
    zeros = store.sql(
        "SELECT supplier_id, recipient_id, year FROM sipri_tiv WHERE year >= 1975 GROUP BY ALL "
        "HAVING max(tiv) = 0"
    )
    assert len(zeros) > 0
    ids = store.sql("SELECT ccode, year, id FROM cw_democracy WHERE year >= 1975")
    code = {(r.id, r.year): r.ccode for r in ids.itertuples()}
    got = chain.set_index(["ccode1", "ccode2", "year"])
    hits = 0
    for r in zeros.itertuples():
        key = (code.get((r.supplier_id, r.year)), code.get((r.recipient_id, r.year)), r.year)
        if key in got.index:
            assert got.loc[key, "tiv12"] == 0.0
            hits += 1
    assert hits > 0
    tiv = chain["tiv12"].dropna()
    assert (tiv > 0).sum() > 1000
    assert (tiv == tiv.round(2)).all()  # no 90.46000000000001


def test_crude_and_events_only_where_present(chain, store):
    d = dyad(chain, 373, 666)
    flow = store.sql(
        "SELECT sum(value_usd) AS v FROM trade_crude_flows WHERE exporter_id = 'AZE' AND importer_id = 'ISR' AND year = 2021"
    ).v[0]
    assert d.loc[2021, "crude_usd12"] == pytest.approx(flow) and bool(d.loc[2021, "crude_mirror12"])
    assert d.loc[[2020, 2022], "crude_usd12"].isna().all()  # no bilateral crude data: NULL, not 0
    assert chain.loc[chain.year == 2024, "events12"].isna().all()  # the event samples end in 2020
    assert chain["events12"].dropna().gt(0).all()


def test_directed_rows_mirror(chain):
    """Directed dyads carry each side's values: 373→630 and 630→373 swap the *1/*2 columns."""
    a, b = dyad(chain, 373, 630), dyad(chain, 630, 373)
    pd.testing.assert_series_equal(a.cinc1, b.cinc2, check_names=False)
    assert (a.loc[2001:2014, "flow1"].fillna(-1) == b.loc[2001:2014, "flow2"].fillna(-1)).all()


def test_gw_panel_uses_cow_data_through_the_crosswalk():
    p = dyad_years("gw", True, (2000, 2000)).add_contiguity().add_nmc().add_democracy().to_pandas()
    d = p[(p.gwcode1 == 260) & (p.gwcode2 == 220)]  # GW 260 = united Germany after 1990, COW 255
    assert int(d.conttype.iloc[0]) == 1 and d.cinc1.notna().all()


def test_state_years_steps():
    s = (
        state_years("cow", (2015, 2025))
        .add_nmc()
        .add_majors()
        .add_democracy()
        .add_ideal_points()
        .to_pandas()
    )
    us = s[s.ccode == 2].set_index("year")
    assert us.loc[2016, "cowmaj"] == 1 and pd.isna(us.loc[2017, "cowmaj"])
    assert pd.isna(us.loc[2023, "cinc"]) and us.loc[2022, "cinc"] > 0
    assert len(s) == state_years("cow", (2015, 2025)).count()


def test_bad_input():
    with pytest.raises(BadPeriod):
        dyad_years(years=(1800, 1900))
    with pytest.raises(BadPeriod):
        dyad_years(years=(1816, last_year() + 1))
    with pytest.raises(UserError):
        dyad_years(system="xyz")
    with pytest.raises(UserError):
        state_years().add_atop()
    with pytest.raises(UserError):
        dyad_years().add("bogus")
    with pytest.raises(UserError):
        dyad_years().add_atop().add_atop()
    with pytest.raises(UserError):
        format_of(__import__("pathlib").Path("x.xlsx"))


@pytest.mark.parametrize("ext", [".parquet", ".csv", ".feather", ".dta"])
def test_write_formats_keep_missing(tmp_path, ext):
    out = dyad_years("cow", False, (2015, 2018)).add_contiguity().write(tmp_path / f"p{ext}")
    if ext == ".dta":
        frame = pd.read_stata(out)
    elif ext == ".feather":
        frame = pd.read_feather(out)
    else:
        frame = duckdb.sql(f"SELECT * FROM '{out}'").df()
    assert len(frame) == dyad_years("cow", False, (2015, 2018)).count()
    assert frame.loc[frame.year == 2017, "conttype"].isna().all()
    assert (frame.loc[frame.year == 2016, "conttype"].dropna() >= 0).all()
    assert frame.loc[frame.year == 2016, "conttype"].notna().all()


def test_cite_lists_every_dataset():
    p = dyad_years(years=(2000, 2001)).add_atop().add_rivalries()
    text = p.cite()
    assert "Leeds" in text and "Thompson" in text and "Sakuwa" in text and "State System" in text
    assert {s.dataset for s in p.sources()} >= {
        "atop",
        "td_rivalries",
        "tss_rivalries",
        "cow_states",
    }


def test_cli_panel(cli, tmp_path):
    out = tmp_path / "d.parquet"
    r = cli(
        "panel",
        "dyad-years",
        "--from",
        "2000",
        "--to",
        "2001",
        "--non-directed",
        "--add",
        "contiguity,gml,rivalry",
        "--out",
        str(out),
    )
    assert r.returncode == 0, r.stderr
    assert "rows" in r.stdout
    frame = duckdb.sql(f"SELECT * FROM '{out}'").df()
    assert (frame.ccode1 < frame.ccode2).all() and {
        "conttype",
        "gmlmidonset",
        "tss_rivalry",
    } <= set(frame.columns)
    bad = cli("panel", "state-years", "--add", "atop", "--out", str(tmp_path / "s.csv"))
    assert bad.returncode == 2 and "dyad-year" in bad.stderr


def test_cli_panel_prints_without_out(cli, tmp_path):
    """Without --out the panel is printed: --format, --limit, a note saying how many rows were left out."""
    import csv
    import io
    import json

    r = cli(
        "panel",
        "state-years",
        "--from",
        "2019",
        "--to",
        "2020",
        "--add",
        "nmc",
        "-n",
        "3",
        "-f",
        "csv",
        "--sort",
    )
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [(x["ccode"], x["year"]) for x in rows] == [("2", "2019"), ("2", "2020"), ("20", "2019")]
    assert float(rows[0]["cinc"]) > 0.1  # the United States, 2019
    r = cli(
        "panel",
        "dyad-years",
        "--from",
        "2020",
        "--to",
        "2020",
        "--add",
        "contiguity",
        "-n",
        "2",
        "-f",
        "json",
    )
    body = json.loads(r.stdout)
    assert len(body["rows"]) == 2 and body["query"]["steps"] == ["contiguity"]
    assert body["notes"][-1].startswith("first 2 of 37,830 rows")  # 195 states in 2020: 195 × 194
    assert {s["dataset"] for s in body["sources"]} == {"cow_states", "cow_contdir"}
    cited = cli(
        "panel", "state-years", "--from", "2020", "--to", "2020", "-f", "json", "--cite", "apa"
    )
    assert len(json.loads(cited.stdout)["rows"]) == 195  # citations on stderr: stdout stays JSON
    assert "Correlates of War" in cited.stderr
    table = cli("panel", "state-years", "--from", "2020", "--to", "2020")
    assert table.returncode == 0 and "first 25 of" in table.stdout.replace("\n", " ")
    out = tmp_path / "s.csv"
    r = cli(
        "panel", "state-years", "--from", "2019", "--to", "2020", "--limit", "7", "--out", str(out)
    )
    assert r.returncode == 0 and len(out.read_text().splitlines()) == 8  # header + 7 rows


@given(
    name=st.sampled_from(sorted({*STEPS, *ALIASES})),
    case=st.sampled_from([str.lower, str.upper, str.title]),
    pad=st.text(" \t", max_size=2),
    hyphens=st.booleans(),
)
def test_step_names_in_any_case_and_spelling_resolve_to_one_step(name, case, pad, hyphens):
    spelled = pad + case(name.replace("_", "-") if hyphens else name) + pad
    assert step_name(spelled) == ALIASES.get(name, name) and step_name(spelled) in STEPS


@given(st.text(min_size=1, max_size=12))
def test_unknown_step_names_are_a_user_error_never_a_crash(name):
    try:
        assert step_name(name) in STEPS
    except UserError as e:
        assert str(e).startswith("unknown panel step") and (
            "did you mean" in str(e) or "known:" in str(e)
        )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["dyad-years", "--add", "contiguty"], "did you mean 'contiguity'?"),
        (["state-years", "-f", "csv", "--out", "x.csv"], "--format is for printing"),
        (["state-years", "--out", "x.xlsx"], "cannot tell the format"),
        (["leader-years", "--from", "1700", "--to", "1710"], "outside Archigos"),
        (["dyad-years", "--from", "2005", "--to", "2001"], "after --to"),
        (["state-years", "--limit", "-1"], "--limit"),
    ],
)
def test_cli_panel_bad_input_exits_2_with_one_line(cli, args, message):
    r = cli("panel", *args)
    assert r.returncode == 2 and message in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("system", "name", "code"), [("cow", "cow_ddy", "ccode"), ("gw", "gw_ddy", "gwcode")]
)
def test_dyads_equal_peacesciencer_reference_rows(raw_dir, store, system, name, code):
    """Row for row, our dyad-years 1816–2024 are peacesciencer 1.2.9's own cow_ddy / gw_ddy."""
    from realpolitik.sources.peacesciencer import read_rda

    ref = read_rda(raw_dir / "peacesciencer" / f"{name}.rda", name)[
        [f"{code}1", f"{code}2", "year"]
    ]
    ref = ref.astype("int32")
    con = store.con.cursor()
    con.register("ref", ref)
    ours = dyad_years(system, True, (1816, 2024)).sql
    a, b = f"{code}1", f"{code}2"
    missing = con.execute(
        f"SELECT count(*) FROM (SELECT {a}, {b}, year FROM ref EXCEPT SELECT {a}, {b}, year FROM ({ours}))"
    ).fetchone()[0]
    extra = con.execute(
        f"SELECT count(*) FROM (SELECT {a}, {b}, year FROM ({ours}) EXCEPT SELECT {a}, {b}, year FROM ref)"
    ).fetchone()[0]
    assert (missing, extra, len(ref)) == (0, 0, {"cow": 2_214_930, "gw": 2_599_466}[system])


_FRAMES: dict[str, pd.DataFrame] = {}


def row(panel, a: int, b: int, year: int) -> dict:
    """The panel's one row for dyad (a, b) in `year`; the panel is materialised once for all the rows asked of it
    (the last two panels are kept: tests alternate between a directed and a non-directed one)."""
    if panel.sql not in _FRAMES:
        while len(_FRAMES) >= 2:
            _FRAMES.pop(next(iter(_FRAMES)))
        _FRAMES[panel.sql] = panel.to_pandas()
    frame = _FRAMES[panel.sql]
    hit = frame[(frame.ccode1 == a) & (frame.ccode2 == b) & (frame.year == year)]
    assert len(hit) == 1
    return hit.iloc[0].to_dict()


def test_conttype_is_the_type_at_the_start_of_the_year():
    p = dyad_years("cow", True, (1836, 2012)).add_contiguity()
    # Sudan–Kenya: land contiguity to 2011-07, none after (South Sudan): 1 in 2011, 0 in 2012
    assert row(p, 625, 501, 2011)["conttype"] == 1 and row(p, 625, 501, 2012)["conttype"] == 0
    # Tunisia–Ottoman Empire: a land record in force all year beside a collapsed "no contiguity" record
    assert row(p, 616, 640, 1836)["conttype"] == 1
    # Azerbaijan–Iran: Azerbaijan enters in 1991-12, contiguous from its first month
    assert row(p, 373, 630, 1991)["conttype"] == 1


def test_atop_alliance_and_either_direction():
    directed = dyad_years("cow", True, (1925, 1989)).add_atop()
    undirected = dyad_years("cow", False, (1925, 1989)).add_atop()
    # Malta → Libya has no defense obligation in 1989, Libya → Malta has: non-directed counts it
    assert row(directed, 338, 620, 1989)["atop_defense"] == 0
    assert row(directed, 620, 338, 1989)["atop_defense"] == 1
    assert row(undirected, 338, 620, 1989)["atop_defense"] == 1
    # UK–Italy 1925: in an ATOP alliance with none of the five obligations
    uk_it = row(directed, 200, 325, 1925)
    assert uk_it["atop_alliance"] == 1 and uk_it["atop_defense"] == uk_it["atop_consul"] == 0


def test_austria_carries_austria_hungary_rivalry_to_1920():
    p = dyad_years("cow", False, (1919, 1921)).add_rivalries()
    assert row(p, 305, 345, 1919)["tss_rivalry"] == 1 and row(p, 305, 345, 1920)["td_rivalry"] == 1
    assert row(p, 305, 345, 1921)["tss_rivalry"] == 0


def test_new_verbs_spot_checks():
    d = (
        dyad_years("cow", True, (1940, 2010))
        .add_cow_wars()
        .add_igos()
        .add_capital_distance()
        .add_peace_years()
    )
    us_ger = row(d, 2, 255, 1942)
    assert us_ger["cowinterongoing"] == 1 and us_ger["warnum"] == 139  # World War II
    assert 5_850 < row(d, 2, 200, 1950)["capdist"] < 5_950  # Washington–London, about 5,900 km
    assert row(d, 2, 200, 1950)["dyadigos"] > 0
    assert pd.isna(
        dyad_years("cow", True, (2015, 2015)).add_igos().to_pandas().dyadigos
    ).all()  # IGO data end 2014
    g = state_years("gw", (2000, 2005)).add_ucdp_acd().add_peace_years().to_pandas()
    us = g[g.gwcode == 2].set_index("year").sort_index()
    assert list(us.ucdpongoing) == [0, 1, 1, 1, 1, 1] and us.loc[2001, "ucdponset"] == 1
    assert list(us.ucdpspell.loc[2002:2003]) == [0, 0]


def test_leader_years(cli, tmp_path):
    from realpolitik.panel import leader_years

    frame = leader_years((2009, 2015)).add_lead().to_pandas()
    obama = frame[frame.obsid == "USA-2009"].set_index("year").sort_index()
    assert list(obama.yrinoffice) == list(range(1, 8)) and obama.loc[2009, "leaderage"] == 48
    assert leader_years().count() == 17_686
    out = tmp_path / "l.csv"
    r = cli(
        "panel",
        "leader-years",
        "--from",
        "2000",
        "--to",
        "2001",
        "--add",
        "lead,democracy",
        "--out",
        str(out),
    )
    assert r.returncode == 0, r.stderr
    bad = cli("panel", "state-years", "--add", "peace_years", "--out", str(tmp_path / "s.csv"))
    assert bad.returncode == 2 and "conflict step" in bad.stderr
    bad = cli("panel", "state-years", "--add", "ucdp_acd", "--out", str(tmp_path / "s.csv"))
    assert bad.returncode == 2 and "Gleditsch" in bad.stderr


def test_the_same_panel_gives_the_same_file_every_run(tmp_path, monkeypatch):
    """Parallel joins emit rows in an order that changes run to run (three runs, three files before the fix);
    written panels must not: the same panel gives the same bytes, on one thread (DuckDB's COPY) and on two (Arrow
    encoding beside DuckDB's one thread)."""
    from realpolitik.panel import write

    monkeypatch.setattr(
        write, "PIPELINE_MIN_CELLS", 0
    )  # Arrow's encoder on two threads for this smaller panel
    p = dyad_years("cow", True, (1990, 2025)).add_contiguity().add_atop().add_mindist()
    for threads in (1, 2):
        runs = [p.write(tmp_path / f"run{threads}{i}.parquet", threads=threads) for i in range(2)]
        assert runs[0].read_bytes() == runs[1].read_bytes()
    con = duckdb.connect()
    run0, fast = tmp_path / "run10.parquet", p.write(tmp_path / "fast.parquet", threads=3)
    assert con.execute(f"SELECT count(*) FROM '{run0}'").fetchone()[0] == p.count()
    # more threads: the same rows, in some order
    for a, b in ((run0, fast), (fast, run0), (run0, tmp_path / "run20.parquet")):
        left = con.execute(f"SELECT count(*) FROM (FROM '{a}' EXCEPT ALL FROM '{b}')").fetchone()[0]
        assert left == 0


def test_arrow_encoded_parquet_holds_the_panels_rows_in_its_order_and_types(tmp_path, monkeypatch):
    """With two threads large Parquet files are encoded by Arrow on the second: the rows, their order and the column
    types are those DuckDB's own COPY writes on one thread."""
    from realpolitik.panel import write

    p = dyad_years("cow", True, (1990, 2000)).add_contiguity().add_gml_mids().add_nmc()
    out, copy = tmp_path / "p.parquet", tmp_path / "copy.parquet"
    with p.pinned(p.query()) as con:

        def one(sql: str):  # noqa: ANN202
            return con.execute(sql).fetchone()[0]

        n, width = p.count(), len(con.execute(f"DESCRIBE {p.query()}").fetchall())
        # an upper bound on rows x columns, here under the threshold: COPY by default
        assert n * width <= write.cells(p, con, None) < write.PIPELINE_MIN_CELLS
        assert write.cells(p, con, 10) == 10 * width
        monkeypatch.setattr(
            write, "PIPELINE_MIN_CELLS", 0
        )  # Arrow's encoder for this smaller panel
        p.write(out, threads=2)
        con.execute(f"COPY ({p.query()}) TO '{copy}' (FORMAT parquet)")
        assert "arrow" in one(f"SELECT created_by FROM parquet_file_metadata('{out}')").lower()
        assert one(f"SELECT count(DISTINCT row_group_id) FROM parquet_metadata('{out}')") > 2
        describe = [con.execute(f"DESCRIBE FROM '{f}'").fetchall() for f in (out, copy)]
        assert describe[0] == describe[1] and one(f"SELECT count(*) FROM '{out}'") == n
        for a, b in ((out, copy), (copy, out)):
            assert one(f"SELECT count(*) FROM (FROM '{a}' EXCEPT ALL FROM '{b}')") == 0
        keys = "SELECT ccode1 AS {0}1, ccode2 AS {0}2, year AS {0}y FROM '{1}'"
        moved = (
            f"SELECT count(*) FROM ({keys.format('x', out)}) POSITIONAL JOIN ({keys.format('z', copy)}) "
            "WHERE x1 <> z1 OR x2 <> z2 OR xy <> zy"
        )
        assert one(moved) == 0  # every row in the same place


def test_pipelined_writer_raises_the_writers_error_and_stops():
    import pyarrow as pa

    from realpolitik.panel.write import pipelined

    batches = (pa.record_batch({"x": list(range(10))}) for _ in range(100))
    seen = []

    def write(batch) -> None:  # noqa: ANN001
        seen.append(batch.num_rows)
        if len(seen) == 3:
            raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        pipelined(batches, write)
    assert len(seen) == 3
    assert pipelined((pa.record_batch({"x": [1, 2]}) for _ in range(4)), lambda b: None) == 8
