"""Security and alignment queries, the peacesciencer/isard/UNGA readers, and the rivals/relations CLI."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from realpolitik.errors import UnknownCountry
from realpolitik.queries import alignment, security
from realpolitik.sources.peacesciencer import integerise
from realpolitik.sources.unga import read_idealpoints, release_of


@pytest.fixture
def cli(cli_in_process):  # noqa: ANN001, ANN201 - conftest's fixture
    """These tests are about what the commands print, not the process: the CLI runs in-process."""
    return cli_in_process


def test_rivals_israel_includes_iran():
    r = security.rivals("Israel")
    iran = r.frame.set_index("counterpart_id").loc["IRN"]
    assert bool(iran.rival) and iran.rivalry_tss == "1979–2020" and iran.rivalry_td == "1979–2010"
    assert iran.tss_type == "positional"
    assert {s.dataset for s in r.sources} == {"td_rivalries", "tss_rivalries", "cow_mid", "gml_mid"}
    assert r.frame.rival.iloc[0]  # rivals come first


def test_rivals_year_outside_coverage_says_so():
    r = security.rivals("Israel", 2023)
    assert r.frame.empty
    assert any("outside the coverage" in n for n in r.notes)
    in_2000 = security.rivals("Israel", 2000).frame.set_index("counterpart_id")
    assert "IRN" in in_2000.index and pd.isna(in_2000.loc["IRN", "cow_mids"])


def test_relations_azerbaijan_iran():
    rel = security.relations("Azerbaijan", "Iran")
    d = rel["disputes"].frame
    assert sorted(d.loc[d.dataset == "COW", "first_year"]) == [2001, 2002, 2003, 2011]
    assert sorted(d.loc[d.dataset == "GML", "first_year"]) == [2001, 2002, 2003]
    assert rel["contiguity"].frame.conttype.tolist() == [1]
    assert rel["rivalry"].frame.empty and any(
        "No strategic rivalry" in n for n in rel["rivalry"].notes
    )
    assert rel["alliances"].frame.empty and any("No ATOP" in n for n in rel["alliances"].notes)
    y = rel["yearly"].frame.set_index("year")
    assert round(float(y.loc[2024, "ideal_distance"]), 3) == 0.615
    assert pd.isna(y.loc[2024, "cinc_a"])  # NMC ends 2022: missing, not 0


def test_relations_atop_azerbaijan_turkey():
    a = security.relations("Azerbaijan", "Turkey")["alliances"].frame.set_index("year")
    assert a.loc[2018, "defense"] == 1


@pytest.mark.parametrize(("b", "expected"), [("Israel", 2.813), ("Iran", 0.615)])
def test_ideal_point_distance_2024(b, expected):
    r = alignment.ideal_point_distance("Azerbaijan", b, 2024)
    assert round(float(r.frame.distance.iloc[0]), 3) == expected


def test_regime_scores():
    r = alignment.regime("Azerbaijan", (2019, 2019))
    assert r.frame.v2x_polyarchy.iloc[0] == pytest.approx(0.195)
    empty = alignment.regime("Azerbaijan", (1900, 1905))
    assert empty.frame.empty and any("No democracy scores" in n for n in empty.notes)


def test_cli_rivals_and_relations(cli):
    r = cli("rivals", "Israel", "--format", "json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)["rows"]
    assert any(x["counterpart_id"] == "IRN" and x["rivalry_tss"] == "1979–2020" for x in rows)
    r = cli("relations", "Azerbaijan", "Iran", "--format", "json")
    body = json.loads(r.stdout)
    assert body["query"] == {"command": "relations", "a": "AZE", "b": "IRN"}
    assert set(body["sections"]) == {"alliances", "disputes", "rivalry", "contiguity", "yearly"}
    years = {x["first_year"] for x in body["sections"]["disputes"]["rows"]}
    assert years == {2001, 2002, 2003, 2011}
    md = cli("relations", "Azerbaijan", "Iran", "--format", "md")
    assert "Militarized interstate disputes" in md.stdout and md.returncode == 0
    bad = cli("rivals", "Atlantis")
    assert bad.returncode == 2 and "unknown country" in bad.stderr


def test_unknown_country_raises():
    with pytest.raises(UnknownCountry):
        security.rivals("Atlantis")


@given(st.lists(st.one_of(st.none(), st.integers(-200, 2000)), min_size=1, max_size=20))
def test_integerise_keeps_values_and_missing(values):
    frame = pd.DataFrame({"x": [float("nan") if v is None else float(v) for v in values]})
    out = integerise(frame)
    assert out.x.isna().tolist() == frame.x.isna().tolist()
    assert [int(v) for v in out.x.dropna()] == [v for v in values if v is not None]
    assert str(out.x.dtype).lower().startswith("int")


def test_read_idealpoints_fixture(tmp_path):
    """The reader parses a Stata file written in the published layout (2024: idealpointall empty)."""
    frame = pd.DataFrame(
        {
            "ccode": pd.Series([373, 666], dtype="int16"),
            "iso3c": ["AZE", "ISR"],
            "countryname": ["Azerbaijan", "Israel"],
            "year": pd.Series([2024.0, 2024.0], dtype="float32"),
            "idealpointfp": pd.Series([-0.660445, 2.152297], dtype="float32"),
            "idealpointall": pd.Series([float("nan")] * 2, dtype="float32"),
            "nvotesfp": [74.0, 97.0],
        }
    )
    path = tmp_path / "IdealpointsJuly2025.dta"
    frame.to_stata(path, write_index=False)
    out = read_idealpoints(path)
    assert out.ccode.tolist() == [373, 666] and out.idealpointall.isna().all()
    assert abs(out.idealpointfp[1] - out.idealpointfp[0]) == pytest.approx(2.812742, abs=1e-5)
    assert release_of(path) == "July 2025"


def test_snapshot_tables_use_integer_codes(store):
    types = (
        store.sql("SELECT column_name, column_type FROM (DESCRIBE cow_mid_ddydisps)")
        .set_index("column_name")
        .column_type
    )
    assert types["ccode1"] == "SMALLINT" and types["year"] == "SMALLINT"
    ids = store.sql(
        "SELECT DISTINCT id FROM cw_democracy WHERE ccode = 365 AND year IN (1980, 2000) ORDER BY id"
    ).id.tolist()
    assert ids == ["RUS", "SUN"]
    assert (
        "peacesciencer 1.2.9" in store.source("gml_mid").release
        and "2.2.1" in store.source("gml_mid").release
    )


def test_rivals_lead_with_those_in_force_not_with_1816():
    """Iran's rivals began with Russia (1816–1828) and Afghanistan: the rivalries still coded when TSS ends
    (2020) — the United States, Israel, Saudi Arabia — must come before any that ended."""
    f = security.rivals("Iran").frame
    rivals = f[f["rival"]]
    live = rivals["rivalry_tss"].fillna("").str.endswith("2020")
    assert live.iloc[: int(live.sum())].all() and {"USA", "ISR", "SAU"} <= set(rivals[live]["counterpart_id"])
    assert list(rivals["counterpart_id"]).index("RUS") > list(rivals["counterpart_id"]).index("USA")
