"""Armed conflicts and wars: UCDP/PRIO Armed Conflict Dataset (1946–2024) and COW inter-state wars (v4.0).

Both read the official tables as bundled with the R package peacesciencer (see `sources/peacesciencer.py`
for the reader). Every source column is kept as published; codes become integers and resolver ids sit
next to each code column (year-aware: COW 365 is the Soviet Union to 1991, Russia after). The derived
`ucdp_acd_sides` table lists, per conflict-year, each state on each side and whether it was a primary
party or a secondary (supporting) one — who backed whom — so queries need not unpick the unnested rows.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from realpolitik.snapshot.dataset import Built, Dataset
from realpolitik.sources.peacesciencer import PS_NOTE, PS_VERSION, add_ids, integerise, read_rda

PS_DIR = "peacesciencer"

UCDP_CODE_COLUMNS = {
    "gwno_a": "id_a",
    "gwno_a_2nd": "id_a_2nd",
    "gwno_b": "id_b",
    "gwno_b_2nd": "id_b_2nd",
}
SIDE_COLUMNS = [
    "conflict_id",
    "year",
    "side",
    "role",
    "gwno",
    "id",
    "incompatibility",
    "intensity_level",
    "type_of_conflict",
    "start_date",
    "start_date2",
    "ep_end",
    "ep_end_date",
]


def parse_ucdp_acd(frame: pd.DataFrame) -> pd.DataFrame:
    """The UCDP/PRIO ACD as published by peacesciencer: one row per combination of the (comma-separated in
    UCDP's own file) state codes of side A, its secondary supporters, side B and its supporters.

    A missing gwno_b means side B is not a state (a rebel group); missing *_2nd means no secondary party.
    """
    out = frame.copy()
    for col in ("start_date", "start_date2", "ep_end_date"):
        out[col] = pd.to_datetime(out[col]).dt.date
    out = integerise(
        out,
        [
            "conflict_id",
            "year",
            *UCDP_CODE_COLUMNS,
            "intensity_level",
            "start_prec",
            "start_prec2",
            "ep_end",
        ],
    )
    return add_ids(out, UCDP_CODE_COLUMNS, "gw")


def ucdp_sides(acd: pd.DataFrame) -> pd.DataFrame:
    """One row per conflict, year and state: side 'A' or 'B', role 'primary' or 'secondary'.

    A state listed as both primary and secondary on one side in a year (it happens when UCDP lists several
    primary states) keeps 'primary'. Conflict attributes (intensity, type, dates) are the conflict-year's.
    """
    attrs = [c for c in SIDE_COLUMNS if c not in {"side", "role", "gwno", "id"}]
    parts = []
    for code, side, role in (
        ("gwno_a", "A", "primary"),
        ("gwno_a_2nd", "A", "secondary"),
        ("gwno_b", "B", "primary"),
        ("gwno_b_2nd", "B", "secondary"),
    ):
        p = acd[[*attrs, code, UCDP_CODE_COLUMNS[code]]].dropna(subset=[code])
        p = p.rename(columns={code: "gwno", UCDP_CODE_COLUMNS[code]: "id"})
        parts.append(p.assign(side=side, role=role))
    sides = pd.concat(parts, ignore_index=True)
    sides["_primary"] = sides["role"] == "primary"
    sides = sides.sort_values(
        ["conflict_id", "year", "side", "gwno", "_primary"],
        ascending=[True, True, True, True, False],
    )
    sides = sides.drop_duplicates(["conflict_id", "year", "side", "gwno"]).drop(columns="_primary")
    return sides[SIDE_COLUMNS].reset_index(drop=True)


def parse_cow_war_inter(frame: pd.DataFrame) -> pd.DataFrame:
    """COW inter-state wars v4.0 as directed dyad-years (peacesciencer): warnum, the two states on opposite
    sides, sides, initiator, outcome and battle deaths of each as coded by COW (outcome 1 win, 2 loss,
    3 compromise, 4 transformed, 5 ongoing, 6 stalemate, 7 continues as another war, 8 changed sides)."""
    out = integerise(frame)
    return add_ids(out, {"ccode1": "id1", "ccode2": "id2"})


def build_ucdp_acd(raw_root: Path) -> Built:
    path = raw_root / PS_DIR / "ucdp_acd.rda"
    acd = parse_ucdp_acd(read_rda(path, "ucdp_acd"))
    sides = ucdp_sides(acd)
    span = (int(acd["year"].min()), int(acd["year"].max()))
    return Built(
        tables={"ucdp_acd": acd, "ucdp_acd_sides": sides},
        release=f"UCDP/PRIO ACD 1946–{span[1]} (peacesciencer {PS_VERSION})",
        files=[path],
        coverage={"ucdp_acd": span, "ucdp_acd_sides": span},
        notes=[
            PS_NOTE,
            "Gleditsch–Ward state codes (gwno_*); peacesciencer splits UCDP's comma-separated code lists into one "
            "row per combination, so a conflict-year can span several rows.",
            "type_of_conflict: extrasystemic, interstate, intrastate, II (internationalised intrastate); "
            "intensity_level 1 = 25–999 battle-related deaths in the year, 2 = 1,000 or more (war).",
            "ucdp_acd_sides (derived): one row per conflict-year and state with its side (A/B) and role "
            "(primary party or secondary, i.e. supporting, party). A missing state on side B is a non-state actor.",
        ],
    )


def build_cow_war_inter(raw_root: Path) -> Built:
    path = raw_root / PS_DIR / "cow_war_inter.rda"
    wars = parse_cow_war_inter(read_rda(path, "cow_war_inter"))
    span = (int(wars["year"].min()), int(wars["year"].max()))
    return Built(
        tables={"cow_war_inter": wars},
        release=f"COW Inter-State War v4.0 (peacesciencer {PS_VERSION})",
        files=[path],
        coverage={"cow_war_inter": span},
        notes=[
            PS_NOTE,
            f"Directed dyad-years of states on opposite sides of an inter-state war, {span[0]}–{span[1]}; "
            "resume = 1 for a resumption of combat after an interruption. batdeath -9 = unknown.",
        ],
    )


DATASETS = [
    Dataset(
        name="ucdp_acd",
        title="UCDP/PRIO Armed Conflict Dataset, conflict-years 1946–2024, with sides and secondary supporters",
        build=build_ucdp_acd,
        citation=(
            "Gleditsch, Nils Petter, Peter Wallensteen, Mikael Eriksson, Margareta Sollenberg and Håvard Strand. "
            "2002. Armed Conflict 1946–2001: A New Dataset. Journal of Peace Research 39(5): 615–637 "
            "(UCDP/PRIO Armed Conflict Dataset, data to 2024)."
        ),
        url="https://ucdp.uu.se/downloads/",
        licence="UCDP data are free to use with citation (CC BY 4.0); as distributed with peacesciencer (GPL-2)",
        bibtex="@Article{gleditschetal2002ac, author={Nils Petter Gleditsch and Peter Wallensteen and Mikael Eriksson and Margareta Sollenberg and H{\\aa}vard Strand}, title={Armed Conflict 1946--2001: A New Dataset}, journal={Journal of Peace Research}, year={2002}, volume={39}, number={5}, pages={615--637}}",
    ),
    Dataset(
        name="cow_war_inter",
        title="COW Inter-State War data v4.0, directed dyad-years 1823–2003",
        build=build_cow_war_inter,
        citation=(
            "Sarkees, Meredith Reid and Frank Wayman. 2010. Resort to War: 1816–2007. Washington, DC: CQ Press "
            "(COW Inter-State War data v4.0)."
        ),
        url="https://correlatesofwar.org/data-sets/cow-war/",
        licence="free to use with citation; as distributed with peacesciencer (GPL-2)",
        bibtex="@Book{sarkeeswayman2010rw, author={Meredith Reid Sarkees and Frank Wayman}, title={Resort to War: 1816--2007}, publisher={CQ Press}, address={Washington, DC}, year={2010}}",
    ),
]
