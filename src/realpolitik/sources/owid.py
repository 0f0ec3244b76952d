"""Our World in Data grapher downloads (CSV + metadata.json): oil/gas production, oil consumption, reserves."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pandas as pd

from realpolitik.snapshot.dataset import Built, Dataset

SUBDIR = "owid_energy_grapher"
RELEASE = "OWID grapher downloads of 2025-02-09 (Energy Institute Statistical Review 2024 + The Shift Data Portal 2019)"

# indicator -> grapher chart slug (file stem)
CHARTS = {
    "oil_production": "oil-production-by-country",
    "gas_production": "gas-production-by-country",
    "oil_consumption": "oil-consumption-by-country",
    "oil_reserves": "oil-proved-reserves",
}
ISO3 = re.compile(r"^[A-Z]{3}$")
# OWID's own codes for states without a current ISO3 code (historical or disputed)
OWID_STATES = {"OWID_USS": "SUN", "OWID_CZS": "CSK", "OWID_YGS": "YUG", "OWID_KOS": "XKX"}
WORLD = "OWID_WRL"


def read_chart_csv(path: Path) -> pd.DataFrame:
    """A grapher CSV ('Entity, Code, Year, <value>') as entity, code, year, value, column."""
    raw = pd.read_csv(path, dtype={"Entity": str, "Code": str})
    if list(raw.columns[:3]) != ["Entity", "Code", "Year"] or len(raw.columns) != 4:
        raise ValueError(f"{path.name}: not an OWID grapher CSV (columns {list(raw.columns)})")
    column = str(raw.columns[3])
    out = pd.DataFrame(
        {
            "entity": raw["Entity"],
            "code": raw["Code"],
            "year": raw["Year"].astype("int64"),
            "value": pd.to_numeric(raw[column], errors="coerce").astype("float64"),
        }
    )
    out.attrs["column"] = column
    return out


def read_metadata(path: Path) -> dict[str, Any]:
    """The column metadata (unit, citation, timespan…) of a grapher metadata.json."""
    meta = json.loads(path.read_text(encoding="utf-8"))
    (column, info), *_ = meta["columns"].items()
    return {
        "column": column,
        "title": info.get("titleLong") or meta.get("chart", {}).get("title", column),
        "unit": info.get("shortUnit") or info.get("unit", ""),
        "unit_long": info.get("unit", ""),
        "timespan": info.get("timespan", ""),
        "citation": info.get("citationLong") or info.get("citationShort", ""),
        "last_updated": info.get("lastUpdated", ""),
        "owid_variable_id": info.get("owidVariableId"),
        "url": meta.get("chart", {}).get("originalChartUrl", ""),
        "downloaded": meta.get("dateDownloaded", ""),
        "processing": info.get("descriptionProcessing", ""),
    }


def classify(code: Any) -> str:
    """'country' for ISO3 codes, 'state' for OWID codes of historical states, else 'aggregate'."""
    if isinstance(code, str) and ISO3.match(code):
        return "country"
    if code in OWID_STATES:
        return "state"
    return "aggregate"


def _id_for(code: str, entity: str) -> str | None:
    try:
        from realpolitik import countries
    except ImportError:
        countries = None  # type: ignore[assignment]
    if code in OWID_STATES:
        return OWID_STATES[code]
    if countries is not None:
        try:
            c = countries.from_iso3(code)
            if c is not None:
                return c.id
        except Exception:  # noqa: BLE001 - an ISO3 code the resolver lacks keeps its own code
            pass
    return code


def split(frame: pd.DataFrame, indicator: str, unit: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split one chart into country/state rows (with resolver ids) and aggregate rows (World, regions)."""
    frame = frame.assign(indicator=indicator, unit=unit, kind=frame["code"].map(classify))
    states = frame[frame["kind"] != "aggregate"].copy()
    ids = {
        c: _id_for(c, e)
        for c, e in states[["code", "entity"]].drop_duplicates("code").itertuples(index=False)
    }
    states["id"] = states["code"].map(ids)
    cols = ["indicator", "id", "code", "entity", "kind", "year", "value", "unit"]
    aggs = frame[frame["kind"] == "aggregate"][
        ["indicator", "entity", "code", "year", "value", "unit"]
    ]
    return states[cols].reset_index(drop=True), aggs.reset_index(drop=True)


def coverage_table(states: pd.DataFrame) -> pd.DataFrame:
    """Per indicator and year: how many ISO3 countries have a value (shows where coverage thins)."""
    iso = states[(states["kind"] == "country") & states["value"].notna()]
    return (
        iso.groupby(["indicator", "year"])
        .agg(countries=("code", "nunique"))
        .reset_index()
        .astype({"countries": "int64"})
    )


def build(raw_root: Path) -> Built:
    """Build the 'owid_energy' dataset from raw/owid_energy_grapher."""
    root = raw_root / SUBDIR
    states, aggs, metas, files = [], [], [], []
    for indicator, slug in CHARTS.items():
        csv, meta_path = root / f"{slug}.csv", root / f"{slug}.metadata.json"
        meta = read_metadata(meta_path)
        frame = read_chart_csv(csv)
        s, a = split(frame, indicator, meta["unit"])
        states.append(s)
        aggs.append(a)
        first, last = int(frame["year"].min()), int(frame["year"].max())
        metas.append(
            {"indicator": indicator, "chart": slug, **meta, "first_year": first, "last_year": last}
        )
        files += [csv, meta_path]
    energy = pd.concat(states, ignore_index=True)
    agg = pd.concat(aggs, ignore_index=True)
    cov = coverage_table(energy)
    notes = [
        "Country rows are the ISO3-coded rows; OWID codes of historical states (USSR, Czechoslovakia, "
        "Yugoslavia) and Kosovo are kept as kind='state' and not ranked (the USSR rows overlap Russia, "
        "Azerbaijan, … in 1985–1991). Regions, income groups and '(EI)'/'(Shift)' aggregates are in "
        "owid_energy_aggregates; 'World' (OWID_WRL) is the denominator for shares of world.",
        "Production series combine the Energy Institute (1965–, about 50 producers listed by name) with "
        "The Shift Data Portal (1900–2016, every producer). From 2017 small producers sit in EI 'Other …' "
        "aggregates, so ranks for 2017+ are among ~50 EI-listed countries (to 2016: 216 listed, ~100 producing).",
        "Units: TWh of primary energy (EI exajoules × 277.8), not barrels; reserves in tonnes.",
    ]
    return Built(
        tables={
            "owid_energy": energy,
            "owid_energy_aggregates": agg,
            "owid_energy_indicators": pd.DataFrame(metas),
            "owid_energy_coverage": cov,
        },
        release=RELEASE,
        files=files,
        coverage={
            "owid_energy": (int(energy["year"].min()), int(energy["year"].max())),
            "owid_energy_aggregates": (int(agg["year"].min()), int(agg["year"].max())),
            "owid_energy_coverage": (int(cov["year"].min()), int(cov["year"].max())),
        },
        notes=notes,
    )


DATASETS = [
    Dataset(
        name="owid_energy",
        title="Our World in Data: oil and gas production, oil consumption, oil reserves",
        build=build,
        citation=(
            "Energy Institute - Statistical Review of World Energy (2024); The Shift Data Portal (2019) – "
            "with major processing by Our World in Data."
        ),
        url="https://ourworldindata.org/grapher/oil-production-by-country",
        licence="CC BY 4.0 (OWID processing); cite the Energy Institute Statistical Review",
        bibtex=(
            "@misc{owid_energy,\n  author = {{Energy Institute} and {Our World in Data}},\n"
            "  title = {Oil production; Gas production; Oil consumption; Oil proved reserves},\n"
            "  year = {2024},\n  note = {Statistical Review of World Energy (2024); The Shift Data Portal (2019); "
            "processed by Our World in Data},\n  howpublished = {\\url{https://ourworldindata.org/energy}}\n}"
        ),
    )
]
