"""Oil and gas: OWID grapher parsing on generated files, and ranks/shares on the real snapshot."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from realpolitik.sources import owid


@pytest.fixture
def cli(cli_in_process):  # noqa: ANN001, ANN201 - conftest's fixture
    """These tests are about what the commands print, not the process: the CLI runs in-process."""
    return cli_in_process


def _write_chart(tmp_path, rows, column="Oil production (TWh)"):
    csv = tmp_path / "oil-production-by-country.csv"
    pd.DataFrame(rows, columns=["Entity", "Code", "Year", column]).to_csv(csv, index=False)
    meta = tmp_path / "oil-production-by-country.metadata.json"
    meta.write_text(
        json.dumps(
            {
                "chart": {
                    "title": "Oil production",
                    "originalChartUrl": "https://ourworldindata.org/grapher/x",
                },
                "columns": {
                    column: {
                        "titleLong": "Oil production",
                        "shortUnit": "TWh",
                        "unit": "terawatt-hours",
                        "timespan": "1900-2023",
                        "citationLong": "EI (2024)",
                        "lastUpdated": "2024-06-20",
                    }
                },
                "dateDownloaded": "2025-02-09",
            }
        )
    )
    return csv, meta


def test_grapher_csv_split(tmp_path):
    csv, meta = _write_chart(
        tmp_path,
        [
            ("Azerbaijan", "AZE", 2020, 402.7),
            ("USSR", "OWID_USS", 1990, 6000.0),
            ("World", "OWID_WRL", 2020, 48000.0),
            ("Africa (EI)", None, 2020, 3500.0),
        ],
    )
    frame = owid.read_chart_csv(csv)
    assert frame.attrs["column"] == "Oil production (TWh)"
    states, aggs = owid.split(frame, "oil_production", owid.read_metadata(meta)["unit"])
    assert states["kind"].tolist() == ["country", "state"]
    assert states["id"].tolist() == ["AZE", "SUN"]
    assert set(aggs["entity"]) == {"World", "Africa (EI)"}
    assert (states["unit"] == "TWh").all()


def test_grapher_csv_rejects_other_formats(tmp_path):
    bad = tmp_path / "x.csv"
    bad.write_text("country,year,value\nA,2020,1\n")
    with pytest.raises(ValueError, match="not an OWID grapher CSV"):
        owid.read_chart_csv(bad)


@given(st.one_of(st.text(max_size=8), st.none(), st.from_regex(r"[A-Z]{3}", fullmatch=True)))
def test_classify_total(code):
    kind = owid.classify(code)
    assert kind in {"country", "state", "aggregate"}
    assert (kind == "country") == (
        isinstance(code, str)
        and len(code) == 3
        and code.isascii()
        and code.isupper()
        and code.isalpha()
    )


# --------------------------------------------------------------------------- real snapshot
@pytest.mark.parametrize(("year", "rank"), [(2020, 24), (2023, 26)])
def test_azerbaijan_oil_rank(store, year, rank):
    from realpolitik.queries.energy import producers

    r = producers(year, store=store)
    aze = r.frame[r.frame["id"] == "AZE"].iloc[0]
    assert aze["rank"] == rank
    assert any("'World' row" in n for n in r.notes)
    assert any("Energy Institute lists by name" in n for n in r.notes)  # coverage thins after 2016
    top3 = r.frame.sort_values("rank")["id"].head(3).tolist()
    assert top3 == ["USA", "RUS", "SAU"]


def test_share_of_world_denominator(store):
    from realpolitik.queries.energy import producers

    f = producers(2023, store=store).frame
    aze = f[f["id"] == "AZE"].iloc[0]
    world = store.sql(
        "SELECT value FROM owid_energy_aggregates WHERE indicator='oil_production' AND code='OWID_WRL' AND year=2023"
    )["value"].iloc[0]
    assert aze["twh"] == pytest.approx(351.80286)
    assert aze["share"] == pytest.approx(351.80286 / world)


def test_production_series_and_missing_year(store):
    from realpolitik.queries.energy import production

    r = production("Azerbaijan", store=store)
    by_year = r.frame.set_index("year")
    assert (
        by_year.loc[2020, "rank"] == 24
        and by_year.loc[2023, "rank"] == 26
        and by_year.loc[2021, "rank"] == 23
    )
    missing = production("Israel", start=2020, end=2020, store=store)
    assert missing.frame["twh"].isna().all() and len(missing.frame) == 1
    assert missing.notes[0].startswith("OWID has no oil production data for Israel")


def test_years_before_statehood_are_named_and_zeros_after_are_not(store):
    """OWID's Israel series starts in 1900 (zeros): 1900–1947 are its territory's, not a state's, while
    1948–1954 are a state's zeros. The note said 'not ranked in 1900–1954: it was not a state then'."""
    from realpolitik.queries.energy import production

    r = production("Israel", store=store)
    assert r.notes[0].startswith("Israel was not a state in 1900–1947 (COW)")
    assert r.frame.set_index("year").loc[1948, "twh"] == 0  # a zero of OWID's, not a gap
    assert not production("Iran", store=store).notes[0].startswith("Iran was not a state")


def test_cli_producers_json_and_bad_year(cli):
    out = cli("oil", "producers", "--year", "2020", "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    aze = next(r for r in data["rows"] if r["id"] == "AZE")
    assert aze["rank"] == 24 and 0 < aze["share"] < 1
    assert data["sources"][0]["dataset"] == "owid_energy"
    bad = cli("oil", "producers", "--year", "1800")
    assert bad.returncode == 2 and "outside the coverage" in bad.stderr


def test_cli_production_no_data_year(cli):
    out = cli("oil", "production", "Israel", "--year", "2021", "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["rows"] == [
        {"year": 2021, "twh": None, "rank": None, "ranked_of": None, "share": None}
    ]
    assert "no oil production data for Israel" in data["notes"][0]


def test_producer_table_uses_the_resolver_names():
    """OWID calls it 'USSR'; every other table says 'Soviet Union'."""
    from realpolitik.queries.energy import producers

    top = producers(year=1980, limit=3).frame
    assert list(top["id"]) == ["SUN", "SAU", "USA"] and top["country"].iloc[0] == "Soviet Union"
