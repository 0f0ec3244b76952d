"""ICEWS coded event data in the Harvard Dataverse layout (doi:10.7910/DVN/28075), read strictly.

Official `.tab` files: tab-separated with a header of exactly the 20 columns in `COLUMNS`, 'NA' or empty for
missing. Country fields hold English names ('Russian Federation'); they are resolved once per distinct
name. `Intensity` is the Goldstein weight of the CAMEO code; ICEWS carries no mentions, tone or URL.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from realpolitik.sources.events import cameo

COLUMNS = [
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
]


def read_icews(path: Path | str) -> pd.DataFrame:
    """Parse an official ICEWS Dataverse .tab file into its 20 columns (strings; 'NA'/'' → null)."""
    from realpolitik.errors import DataMissing, UserError

    path = Path(path)
    if not path.is_file():
        raise DataMissing(f"ICEWS file not found: {path}")
    df = pd.read_csv(
        path, sep="\t", dtype=str, keep_default_na=False, quoting=csv.QUOTE_NONE, encoding="utf-8"
    )
    if list(df.columns) != COLUMNS:
        raise UserError(f"{path}: not an ICEWS Dataverse file (header {list(df.columns)[:4]}…)")
    return df.replace({"": None, "NA": None})


def resolve_names(names: pd.Series) -> dict[str, str | None]:
    """Distinct ICEWS country names → resolver ids (None when the resolver does not know the name)."""
    from realpolitik.countries import try_resolve

    out: dict[str, str | None] = {}
    for name in names.dropna().unique():
        c = try_resolve(str(name))
        out[name] = c.id if c is not None else None
    return out


def _first_sector(s: pd.Series) -> pd.Series:
    return s.map(lambda v: v.split(",")[0].strip() if isinstance(v, str) and v else None)


def normalise(df: pd.DataFrame, origin: str) -> pd.DataFrame:
    """ICEWS columns → the normalised event schema."""
    from realpolitik.events.schema import finish

    ids = resolve_names(pd.concat([df["Source Country"], df["Target Country"]]))
    code = df["CAMEO Code"].astype(object)
    root = code.map(cameo.root_of)
    out = pd.DataFrame(
        {
            "event_id": df["Event ID"],
            "dataset": "icews",
            "origin": origin,
            "date": df["Event Date"],
            "source_actor": df["Source Name"],
            "source_code": df["Source Country"],
            "source_id": df["Source Country"].map(ids),
            "source_type": _first_sector(df["Source Sectors"]),
            "target_actor": df["Target Name"],
            "target_code": df["Target Country"],
            "target_id": df["Target Country"].map(ids),
            "target_type": _first_sector(df["Target Sectors"]),
            "event_code": code,
            "root_code": root,
            "quad_class": root.map(cameo.quad_class),
            "goldstein": df["Intensity"],
            "plover_event": code.map(cameo.plover_event),
        }
    )
    return finish(out)
