"""UCDP/PRIO armed conflicts and COW inter-state wars: faithful tables, sides and supporters, ids by year."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from realpolitik.sources.conflicts import (
    UCDP_CODE_COLUMNS,
    build_cow_war_inter,
    build_ucdp_acd,
    ucdp_sides,
)


def test_second_karabakh_war_sides(store):
    """2020: Azerbaijan against Artsakh (a non-state side B), Türkiye backing A, Armenia backing B; a war."""
    rows = store.sql(
        "SELECT side, role, id, intensity_level FROM ucdp_acd_sides WHERE conflict_id = 388 AND year = 2020"
    )
    got = {(r.side, r.role, r.id) for r in rows.itertuples()}
    assert got == {("A", "primary", "AZE"), ("A", "secondary", "TUR"), ("B", "secondary", "ARM")}
    assert set(rows["intensity_level"]) == {2}
    acd = store.sql("SELECT * FROM ucdp_acd WHERE conflict_id = 388 AND year = 2020")
    assert len(acd) == 1 and pd.isna(acd["gwno_b"].iloc[0]) and acd["gwno_a_2nd"].iloc[0] == 640


def test_ucdp_keeps_every_source_column(store):
    cols = set(store.sql("SELECT * FROM ucdp_acd LIMIT 0").columns)
    assert {"conflict_id", "year", "gwno_a", "gwno_a_2nd", "gwno_b", "gwno_b_2nd", "incompatibility",
            "intensity_level", "type_of_conflict", "start_date", "start_prec", "start_date2",
            "start_prec2", "ep_end", "ep_end_date"} <= cols  # fmt: skip
    assert set(UCDP_CODE_COLUMNS.values()) <= cols
    assert store.coverage("ucdp_acd") == (1946, 2024)


def test_cow_wars_resolve_reused_codes_by_year(store):
    ids = store.sql("SELECT DISTINCT year, id1 FROM cow_war_inter WHERE ccode1 = 365 ORDER BY year")
    assert set(ids[ids["year"].between(1922, 1991)]["id1"]) == {"SUN"}
    assert set(ids[ids["year"] < 1917]["id1"]) == {"RUS"}
    assert (
        store.sql("SELECT count(*) AS n FROM cow_war_inter WHERE id1 IS NULL OR id2 IS NULL")["n"][
            0
        ]
        == 0
    )


def test_build_from_raw_matches_snapshot(raw_dir, store):
    acd = build_ucdp_acd(raw_dir)
    assert len(acd.tables["ucdp_acd"]) == store.sql("SELECT count(*) AS n FROM ucdp_acd")["n"][0]
    wars = build_cow_war_inter(raw_dir)
    assert wars.coverage["cow_war_inter"] == store.coverage("cow_war_inter")


codes = st.one_of(st.none(), st.sampled_from([2, 200, 365, 640, 371, 373]))


@given(st.lists(st.tuples(st.integers(1, 3), codes, codes, codes, codes), min_size=1, max_size=30))
def test_sides_one_row_per_state_side_and_primary_wins(rows):
    frame = pd.DataFrame(
        rows, columns=["conflict_id", "gwno_a", "gwno_a_2nd", "gwno_b", "gwno_b_2nd"]
    )
    for code, id_col in UCDP_CODE_COLUMNS.items():
        frame[code] = frame[code].astype("Int16")
        frame[id_col] = frame[code].astype("string")
    for col in ("incompatibility", "type_of_conflict"):
        frame[col] = "x"
    for col in ("year", "intensity_level", "ep_end"):
        frame[col] = 1
    for col in ("start_date", "start_date2", "ep_end_date"):
        frame[col] = None
    sides = ucdp_sides(frame)
    assert not sides.duplicated(["conflict_id", "year", "side", "gwno"]).any()
    for (cid, side), g in sides.groupby(["conflict_id", "side"]):
        src = frame[frame["conflict_id"] == cid]
        prim, sec = ("gwno_a", "gwno_a_2nd") if side == "A" else ("gwno_b", "gwno_b_2nd")
        primary = set(src[prim].dropna())
        assert set(g["gwno"]) == primary | set(src[sec].dropna())
        assert set(g[g["role"] == "primary"]["gwno"]) == primary
