"""BP Statistical Review 2021 (via OWID): the official-format loader on generated files, and the
kb/d producer ranks and refinery throughput on the bundled snapshot."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.errors import BadPeriod, UserError
from realpolitik.queries import energy
from realpolitik.snapshot.dataset import RawFormatError
from realpolitik.sources import bp

COLUMNS = ["Entity", "Year", *(col for col, _ in bp.INDICATORS.values()), "Coal Production - EJ"]


@pytest.fixture
def cli(cli_in_process):  # noqa: ANN001, ANN201 - conftest's fixture
    """These tests are about what the commands print, not the process: the CLI runs in-process."""
    return cli_in_process


def write_bp(root, rows: list[dict]) -> None:  # noqa: ANN001
    """The two files as OWID's copy has them: the wide CSV (BP's columns) and the names JSON."""
    folder = root / bp.SUBDIR
    folder.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(rows, columns=COLUMNS).to_csv(folder / bp.CSV, index=False)
    names = {r["Entity"]: r["Entity"] for r in rows}
    (folder / bp.NAMES).write_text(json.dumps(names))


def row(entity: str, year: int, **values: float) -> dict:
    cols = {name: bp.INDICATORS[name][0] for name in bp.INDICATORS}
    return {"Entity": entity, "Year": year, **{cols[k]: v for k, v in values.items()}}


def test_loader_keeps_reported_cells_only(tmp_path) -> None:  # noqa: ANN001
    write_bp(tmp_path, [
        row("World", 1984, oil_production_kbd=57000.0),
        row("USSR", 1984, oil_production_kbd=12296.7, refinery_throughput_kbd=9448.9),
        row("Azerbaijan", 1985, oil_production_kbd=270.0),  # no throughput: no row, not 0
        row("World", 1985, oil_production_kbd=57500.0),
        row("Brent", 1985),  # a price series: no volumes, dropped
        row("Other CIS", 1985),
    ])  # fmt: skip
    built = bp.build_bp(tmp_path)
    t = built.tables["bp_oil"]
    assert len(t) == 5 and bp.check_bp(built) == []
    ussr = t[t["entity"] == "USSR"].iloc[0]
    assert (ussr["id"], ussr["kind"], ussr["name"]) == ("SUN", "historical", "Soviet Union")
    assert set(t.loc[t["entity"] == "World", "kind"]) == {"aggregate"}
    assert t.loc[t["entity"] == "World", "id"].isna().all()
    assert not ((t["entity"] == "Azerbaijan") & (t["indicator"] == "refinery_throughput_kbd")).any()
    assert "Brent" not in set(t["entity"])
    assert any("USSR row ends in 1984 (oil_production_kbd)" in n for n in built.notes)


@pytest.mark.parametrize(
    ("rows", "match"),
    [
        ([row("World", 1990, oil_production_kbd=1.0)] * 2, "duplicated entity-year"),
        ([row("World", 2021, oil_production_kbd=1.0)], "outside 1965–2020"),
        ([{"Entity": "World", "Year": 1990, "Oil Production - Barrels": "12o"}], "not numeric"),
    ],
)
def test_loader_refuses_damaged_files(tmp_path, rows: list[dict], match: str) -> None:  # noqa: ANN001
    write_bp(tmp_path, rows)
    with pytest.raises(RawFormatError, match=match):
        bp.build_bp(tmp_path)


def test_loader_refuses_a_file_without_bp_columns(tmp_path) -> None:  # noqa: ANN001
    folder = tmp_path / bp.SUBDIR
    folder.mkdir()
    (folder / bp.CSV).write_text("Entity,Year,Oil Production - Barrels\nWorld,1990,1\n")
    (folder / bp.NAMES).write_text("{}")
    with pytest.raises(RawFormatError, match="missing"):
        bp.build_bp(tmp_path)


@given(
    st.dictionaries(
        st.tuples(st.sampled_from(["World", "Israel", "USSR", "Iran"]), st.integers(1965, 2020)),
        st.dictionaries(
            st.sampled_from(sorted(bp.INDICATORS)), st.floats(0, 1e5, allow_nan=False), max_size=7
        ),  # fmt: skip
        max_size=12,
    )
)
@settings(max_examples=60, deadline=None)
def test_loader_roundtrip(tmp_path_factory, cells: dict) -> None:  # noqa: ANN001
    """Whatever cells BP fills, the long table holds exactly those values (an empty one never)."""
    rows = [row(e, y, **v) for (e, y), v in cells.items()]
    root = tmp_path_factory.mktemp("bp")
    write_bp(root, rows)
    if not any(cells.values()):
        with pytest.raises(RawFormatError):  # no oil volume at all
            bp.build_bp(root)
        return
    t = bp.build_bp(root).tables["bp_oil"]
    got = {(r.entity, r.year, r.indicator): r.value for r in t.itertuples()}
    want = {(e, y, k): v for (e, y), vs in cells.items() for k, v in vs.items()}
    assert got.keys() == want.keys()
    assert all(math.isclose(got[k], want[k], rel_tol=1e-12) for k in want)


# --- queries on the bundled snapshot ---------------------------------------------------------------


def test_azerbaijan_is_the_24th_producer_by_volume_in_2016(store) -> None:  # noqa: ANN001
    r = energy.production_by_volume("Azerbaijan", 2016, 2016, store=store)
    row = r.frame.iloc[0]
    assert (int(row["rank"]), int(row["ranked_of"])) == (24, 49)
    assert row["kbd"] == pytest.approx(837.5, abs=0.1)
    assert r.sources[0].dataset == "bp_statistical_review"
    top = energy.producers_by_volume(2020, 3, store=store).frame
    assert list(top["id"]) == ["USA", "SAU", "RUS"]


def test_the_ussr_is_ranked_before_its_successors(store) -> None:  # noqa: ANN001
    r = energy.producers_by_volume(1980, 3, store=store)
    assert r.frame["id"].iloc[0] == "SUN"
    assert any("Soviet Union until 1984" in n for n in r.notes)
    russia = energy.production_by_volume("Russia", 1982, 1987, store=store)
    assert int(russia.frame["year"].min()) == 1985
    assert any("starts in 1985" in n for n in russia.notes)


def test_israel_refinery_throughput_against_consumption(store) -> None:  # noqa: ANN001
    """SOURCES.md: Israel consumed 254 kb/d in 2019 and its refineries ran 242 kb/d."""
    frame = energy.refinery_throughput("Israel", 2019, 2019, store=store).frame
    assert round(frame["throughput_kbd"].iloc[0]) == 242
    assert round(frame["consumption_kbd"].iloc[0]) == 254
    assert pd.isna(frame["production_kbd"].iloc[0])  # not listed by BP: missing, not 0


def test_bp_errors(store) -> None:  # noqa: ANN001
    with pytest.raises(BadPeriod, match="1965–2020"):
        energy.producers_by_volume(2021, store=store)
    with pytest.raises(UserError, match="unknown BP measure"):
        energy.producers_by_volume(2020, measure="gas", store=store)
    with pytest.raises(BadPeriod):
        energy.refinery_throughput("Israel", 2030, 2031, store=store)


def test_oil_cli_measure_kbd_and_refining(cli) -> None:  # noqa: ANN001
    r = cli("oil", "producers", "--measure", "kbd", "--year", "2016", "--format", "json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)["rows"]
    assert next(x for x in rows if x["id"] == "AZE")["rank"] == 24
    r = cli(
        "oil", "production", "Azerbaijan", "--measure", "kbd", "--year", "2016", "--format", "csv"
    )
    assert r.returncode == 0 and r.stdout.splitlines()[1].split(",")[2] == "24"
    r = cli("oil", "refining", "Israel", "--from", "2019", "--to", "2019", "--format", "json")
    assert r.returncode == 0 and round(json.loads(r.stdout)["rows"][0]["throughput_kbd"]) == 242
    for args in (["--measure", "barrels"], ["--measure", "kbd", "--indicator", "gas_production"]):
        r = cli("oil", "producers", *args)
        assert r.returncode == 2 and r.stderr.count("\n") == 1
    r = cli("oil", "producers", "--year", "2016", "--format", "json")  # default stays TWh (OWID)
    assert json.loads(r.stdout)["sources"][0]["dataset"] == "owid_energy"
