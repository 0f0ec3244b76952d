"""UN General Assembly ideal points (Bailey, Strezhnev & Voeten), read from the published Stata file.

Quirk: in the last year of the July 2025 release (2024) `idealpointall`/`nvotesall` are empty; the
`idealpointfp` estimate is present for every year and is the one queries and panels use.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from realpolitik.snapshot.dataset import Built, Dataset
from realpolitik.sources.peacesciencer import add_ids

UNGA_DIR = "unga_idealpoints"
COLUMNS = [
    "ccode",
    "iso3c",
    "countryname",
    "year",
    "idealpointfp",
    "idealpointall",
    "idealpointlegacy",
    "nvotesfp",
    "nvotesall",
    "q5fp",
    "q95fp",
]


def read_idealpoints(path: Path) -> pd.DataFrame:
    """The ideal-point .dta as one row per country-year with integer ccode/year and float estimates."""
    frame = pd.read_stata(path, convert_categoricals=False)
    out = frame[[c for c in COLUMNS if c in frame.columns]].copy()
    out["ccode"] = out["ccode"].astype("int16")
    out["year"] = out["year"].astype("int16")
    for c in ("nvotesfp", "nvotesall"):
        if c in out:
            out[c] = out[c].astype("Int16")
    for c in ("idealpointfp", "idealpointall", "idealpointlegacy", "q5fp", "q95fp"):
        if c in out:
            out[c] = out[c].astype("float64")
    return out


def release_of(path: Path) -> str:
    """'July 2025' from IdealpointsJuly2025.dta."""
    stem = path.stem.replace("Idealpoints", "")
    return f"{stem[:-4]} {stem[-4:]}" if stem[-4:].isdigit() else stem


def build_unga(raw_root: Path) -> Built:
    paths = sorted((raw_root / UNGA_DIR).glob("Idealpoints*.dta"))
    if not paths:
        from realpolitik.errors import DataMissing

        raise DataMissing(f"no Idealpoints*.dta in {raw_root / UNGA_DIR}")
    path = paths[-1]
    t = add_ids(read_idealpoints(path), {"ccode": "id"})
    last = int(t["year"].max())
    notes = [
        f"idealpointall and nvotesall are empty in {last}: use idealpointfp (present in every year).",
        "Distances between two states are absolute differences of their ideal points in the same year.",
    ]
    return Built(
        {"unga_idealpoints": t},
        release_of(path),
        [path],
        {"unga_idealpoints": (int(t.year.min()), last)},
        notes,
    )


DATASETS = [
    Dataset(
        name="unga_idealpoints",
        title="UN General Assembly ideal points (Bailey, Strezhnev & Voeten)",
        build=build_unga,
        citation=(
            "Bailey, Michael A., Anton Strezhnev and Erik Voeten. 2017. Estimating Dynamic State Preferences from "
            "United Nations Voting Data. Journal of Conflict Resolution 61(2): 430–456. Data: Voeten, Strezhnev and "
            "Bailey, United Nations General Assembly Voting Data, Harvard Dataverse, doi:10.7910/DVN/LEJUQZ."
        ),
        url="https://doi.org/10.7910/DVN/LEJUQZ",
        licence="CC0 1.0 (Harvard Dataverse)",
        bibtex="@Article{baileyetal2017edsp, author={Michael A. Bailey and Anton Strezhnev and Erik Voeten}, title={Estimating Dynamic State Preferences from United Nations Voting Data}, journal={Journal of Conflict Resolution}, year={2017}, volume={61}, number={2}, pages={430--456}}",
    ),
]
