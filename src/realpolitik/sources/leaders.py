"""Political leaders: Archigos 4.1 (leader spells, GW-coded) and LEAD (leader experience and health), as bundled
with peacesciencer 1.2.9 (its subset of Archigos columns; a few names with accents were transliterated there)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from realpolitik.snapshot.dataset import Built, Dataset
from realpolitik.sources.peacesciencer import BIB_PS, PS_NOTE, _ps, _release, add_ids, integerise


def parse_archigos(frame: pd.DataFrame) -> pd.DataFrame:
    """Leader spells: dates as dates, GW codes and birth years as integers, resolver ids by the spell's start year."""
    out = integerise(frame, ["gwcode", "yrborn"])
    for col in ("startdate", "enddate"):
        out[col] = pd.to_datetime(out[col]).dt.date
    out["year"] = pd.to_datetime(out["startdate"]).dt.year  # add_ids resolves codes as of this year
    out = add_ids(out, {"gwcode": "id"}, "gw").drop(columns="year")
    return out


def build_leaders(raw_root: Path) -> Built:
    arch, p1 = _ps(raw_root, "archigos")
    lead, p2 = _ps(raw_root, "LEAD")
    spells = parse_archigos(arch)
    tables = {"archigos": spells, "lead": integerise(lead)}
    first, last = spells.startdate.min().year, spells.enddate.max().year
    return Built(
        tables=tables,
        release=_release(raw_root, "Archigos", "Archigos")
        + "; "
        + _release(raw_root, "LEAD", "LEAD"),
        files=[p1, p2],
        coverage={"archigos": (first, last), "lead": (first, last)},
        notes=[
            PS_NOTE,
            "archigos: one row per leader spell (obsid), GW state code, birth year, gender, start and end dates, "
            "entry and exit; lead: LEAD attributes by obsid (education, military service, combat, rebel "
            "experience, war wins and losses, years of experience, health); missing where LEAD did not code them.",
        ],
    )


DATASETS = [
    Dataset(
        name="leaders",
        title="Political leaders: Archigos 4.1 leader spells and LEAD leader attributes",
        build=build_leaders,
        citation=(
            "Goemans, Henk E., Kristian Skrede Gleditsch and Giacomo Chiozza. 2009. Introducing Archigos: A Dataset of "
            "Political Leaders. Journal of Peace Research 46(2): 269–283. Ellis, Cali Mortenson, Michael C. Horowitz "
            "and Allan C. Stam. 2015. Introducing the LEAD Data Set. International Interactions 41(4): 718–741."
        ),
        url="https://www.rochester.edu/college/faculty/hgoemans/data.htm",
        licence="free to use with citation",
        bibtex="@Article{goemansetal2009ia, author={Henk E. Goemans and Kristian Skrede Gleditsch and Giacomo Chiozza}, title={Introducing {Archigos}: A Dataset of Political Leaders}, journal={Journal of Peace Research}, year={2009}, volume={46}, number={2}, pages={269--283}}\n"
        "@Article{ellisetal2015lead, author={Cali Mortenson Ellis and Michael C. Horowitz and Allan C. Stam}, title={Introducing the {LEAD} Data Set}, journal={International Interactions}, year={2015}, volume={41}, number={4}, pages={718--741}}\n"
        + BIB_PS,
    ),
]
