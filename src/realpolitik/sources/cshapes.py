"""CShapes 2.0 minimum distances by date (peacesciencer's extdata `cow_mindist_plus`), kept as the first of each year.

The yearly table `cow_mindist` (peacesciencer's `cow_mindist`) is the distance on 1 January, so a pair of states
that comes into being during a year has no distance that year. The date-level file records a distance at every
change; peacesciencer's `add_minimum_distance()` (default `use_extdata = TRUE, slice = "first"`) takes the first
recorded in the year, and so does the table built here.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from realpolitik.snapshot.dataset import Built, Dataset
from realpolitik.sources.peacesciencer import DATASETS as PS_DATASETS
from realpolitik.sources.peacesciencer import PS_VERSION, _ext, integerise


def first_of_year(frame: pd.DataFrame) -> pd.DataFrame:
    """Non-directed (ccode1 < ccode2) dyad-years with the first non-missing distance of the year (earliest date;
    the file's order breaks ties on one date) and the date it was recorded."""
    con = duckdb.connect()
    con.register("plus", frame.reset_index(drop=True).reset_index(names="row"))
    out = con.execute(
        "SELECT least(ccode1, ccode2) AS ccode1, greatest(ccode1, ccode2) AS ccode2, year::SMALLINT AS year, "
        "arg_min(mindist, (date::DATE, row))::FLOAT AS mindist, min(date::DATE) AS date "
        "FROM plus WHERE mindist IS NOT NULL GROUP BY ALL ORDER BY ccode1, ccode2, year"
    ).df()
    return integerise(out, ["ccode1", "ccode2"])


def build_mindist_first(raw_root: Path) -> Built:
    frame, path = _ext(raw_root, "cow_mindist_plus")
    table = first_of_year(frame)
    return Built(
        tables={"cow_mindist_first": table},
        release=f"CShapes minimum distance 2 (peacesciencer {PS_VERSION} extdata cow_mindist_plus)",
        files=[path],
        coverage={"cow_mindist_first": (int(table.year.min()), int(table.year.max()))},
        notes=[
            f"read from the extdata of the R package peacesciencer {PS_VERSION} (Miller 2022), cow_mindist_plus.rds",
            "Non-directed COW dyad-years: the first minimum distance (km) recorded in the year, with its date; "
            "0 = touching.",
        ],
    )


_YEARLY = next(
    d for d in PS_DATASETS if d.name == "cshapes_mindist"
)  # same producers, same citation

DATASETS = [
    Dataset(
        name="cshapes_mindist_first",
        title="Minimum distance between states (CShapes 2.0), COW dyad-years 1886–2019, first recorded in the year",
        build=build_mindist_first,
        citation=_YEARLY.citation,
        url=_YEARLY.url,
        licence=_YEARLY.licence,
        bibtex=_YEARLY.bibtex,
    ),
]
