"""BP Statistical Review of World Energy 2021 (70th edition), in OWID's processed copy of BP's tables.

Format (raw/bp_statistical_review/): `statistical_review_of_world_energy_bp_2021.csv`, one row per
BP entity and year (1965–2020) with BP's series as columns in BP's units, and `….countries.json`
(BP entity name → OWID country name). Entities are countries under BP's names, historical states
(the USSR until 1984 for production, 1989 for refinery throughput; successor states after), BP's
regional aggregates ("World", "OECD", "CIS", "Other …") and price series (no volume data: dropped).
An empty cell means BP reports no figure (not zero): such cells give no row.

Only the oil series are kept, long: (entity, id, name, kind, year, indicator, unit, value).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from realpolitik.snapshot.dataset import Built, Dataset, RawFormatError

SUBDIR = "bp_statistical_review"
CSV = "statistical_review_of_world_energy_bp_2021.csv"
NAMES = "statistical_review_of_world_energy_bp_2021.countries.json"
EDITION = 2021  # data run through the year before the edition
FIRST_YEAR = 1965
URL = "https://github.com/owid/energy-data"

# indicator -> (BP column, unit)
INDICATORS: dict[str, tuple[str, str]] = {
    "oil_production_kbd": ("Oil Production - Barrels", "thousand barrels per day"),
    "oil_production_crude_kbd": ("Oil Production - Crude Conds", "thousand barrels per day"),
    "oil_production_mt": ("Oil Production - Tonnes", "million tonnes"),
    "oil_consumption_kbd": ("Oil Consumption - Barrels", "thousand barrels per day"),
    "refinery_throughput_kbd": ("Oil - Refinery throughput", "thousand barrels per day"),
    "refining_capacity_kbd": ("Oil - Refining capacity", "thousand barrels per day"),
    "oil_reserves_bbl": ("Oil - Proved reserves", "thousand million barrels"),
}
KINDS = {"state": "country", "territory": "country", "historical": "historical"}


def read_bp(path: Path) -> pd.DataFrame:
    """The BP/OWID table, checked: Entity and Year columns, every oil column, numbers, one row per
    entity-year, oil volumes in 1965–2020."""
    try:
        df = pd.read_csv(path)
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as e:
        raise RawFormatError(f"{path.name}: not a readable CSV ({e})") from None
    need = {"Entity", "Year", *(col for col, _ in INDICATORS.values())}
    missing = need - set(df.columns)
    if missing:
        raise RawFormatError(
            f"{path.name}: not the BP Statistical Review table (missing {sorted(missing)})"
        )
    for col in ["Year", *(c for c, _ in INDICATORS.values())]:
        if not pd.api.types.is_numeric_dtype(df[col]):
            raise RawFormatError(f"{path.name}: column {col!r} is not numeric (damaged file?)")
    if df["Entity"].isna().any() or df["Year"].isna().any():
        raise RawFormatError(f"{path.name}: rows without Entity or Year (truncated file?)")
    volumes = df[[c for c, _ in INDICATORS.values()]].notna().any(axis=1)
    years = df.loc[volumes, "Year"].astype(int)  # BP's price series start in 1861
    if years.empty or years.min() < FIRST_YEAR or years.max() > EDITION - 1:
        raise RawFormatError(
            f"{path.name}: years {years.min()}–{years.max()} outside {FIRST_YEAR}–{EDITION - 1}"
        )
    dup = df.duplicated(["Entity", "Year"])
    if dup.any():
        row = df[dup].iloc[0]
        raise RawFormatError(
            f"{path.name}: {int(dup.sum())} duplicated entity-year rows, e.g. {row['Entity']} {int(row['Year'])}"
        )
    return df


def long_oil(df: pd.DataFrame, owid_names: dict[str, str]) -> pd.DataFrame:
    """The oil columns as long rows with resolver ids; aggregates keep a null id."""
    from realpolitik.countries import resolve_many

    frames = []
    for indicator, (col, unit) in INDICATORS.items():
        part = df.loc[df[col].notna(), ["Entity", "Year", col]].rename(
            columns={"Entity": "entity", "Year": "year", col: "value"}
        )
        frames.append(part.assign(indicator=indicator, unit=unit))
    out = pd.concat(frames, ignore_index=True)
    names = sorted(out["entity"].unique())
    found = resolve_many([owid_names.get(n, n) for n in names])
    ids, canon, kinds = {}, {}, {}
    for n in names:
        c = found.get(owid_names.get(n, n))
        kind = KINDS.get(c.kind) if c else None
        ids[n], canon[n], kinds[n] = (c.id, c.name, kind) if kind else (None, n, "aggregate")
    out["id"] = out["entity"].map(ids)
    out["name"] = out["entity"].map(canon)
    out["kind"] = out["entity"].map(kinds)
    out["year"] = out["year"].astype("int32")
    cols = ["entity", "id", "name", "kind", "year", "indicator", "unit", "value"]
    return out[cols].sort_values(["indicator", "year", "entity"]).reset_index(drop=True)


def check_bp(built: Built) -> list[str]:
    """One country per id and year of an indicator, and a World row in every year of production."""
    t = built.tables["bp_oil"]
    out = []
    countries = t[t["id"].notna()]
    dup = countries.duplicated(["indicator", "year", "id"])
    if dup.any():
        r = countries[dup].iloc[0]
        out.append(f"two BP entities resolve to {r['id']} in {r['year']} ({r['indicator']})")
    prod = t[t["indicator"] == "oil_production_kbd"]
    missing = set(prod["year"]) - set(prod.loc[prod["entity"] == "World", "year"])
    if missing:
        out.append(f"no World oil production row in {min(missing)}")
    return out


def build_bp(raw_root: Path) -> Built:
    root = raw_root / SUBDIR
    df = read_bp(root / CSV)
    try:
        owid_names = json.loads((root / NAMES).read_text())
    except json.JSONDecodeError as e:
        raise RawFormatError(f"{NAMES}: not valid JSON ({e.msg})") from None
    oil = long_oil(df, owid_names)
    first, last = int(oil["year"].min()), int(oil["year"].max())
    ussr = oil[oil["id"] == "SUN"].groupby("indicator")["year"].max()
    return Built(
        tables={"bp_oil": oil},
        release=f"Statistical Review of World Energy {EDITION} (70th edition, data {first}–{last}), "
        "via OWID energy-data 757bf23",
        files=[root / CSV, root / NAMES],
        coverage={"bp_oil": (first, last)},
        notes=[
            "Units as BP publishes them: production, consumption and refinery throughput in thousand "
            "barrels per day (production = crude oil, condensate and NGLs).",
            "An empty BP cell (not reported) gives no row; it is never read as zero.",
            "The USSR row ends in "
            + ", ".join(f"{y} ({i})" for i, y in ussr.items())
            + "; successor states start the next year.",
            "Regional aggregates ('World', 'OECD', 'Other …') have kind 'aggregate' and no id.",
        ],
    )


DATASETS = [
    Dataset(
        name="bp_statistical_review",
        title="BP Statistical Review of World Energy 2021: oil production, consumption, refining (kb/d)",
        build=build_bp,
        citation="BP Statistical Review of World Energy 2021 (70th edition), BP p.l.c.; via Our World "
        "in Data (owid/energy-data), https://github.com/owid/energy-data",
        url=URL,
        licence="BP data free to use with attribution; OWID processing CC BY 4.0",
        bibtex="""@misc{bp_statistical_review_2021,
  author = {{BP p.l.c.}},
  title = {{Statistical Review of World Energy 2021, 70th edition}},
  year = {2021},
  note = {via Our World in Data, owid/energy-data},
  howpublished = {\\url{https://github.com/owid/energy-data}}
}""",
        check=check_bp,
    )
]
