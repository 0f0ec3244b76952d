"""The `events_samples` snapshot dataset: the real GDELT/ICEWS sample files, normalised and aggregated.

Reads the samples under raw/events/ (see each SOURCES.md) with the official loaders or, for re-exports,
the adapters; de-duplicates GDELT rows; writes the normalised events (`events_rows`), the directed
dyad-month aggregate (`events_dyad_month`) and the per-file read/de-duplication counts
(`events_ingest_report`). The PLOVER gold-standard records are left out: their dates are placeholders
(2000-01-01) and they are illustrative sentences, not an event stream.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from realpolitik.snapshot.dataset import Built, Dataset

SAMPLES = [  # (folder, file, format key of realpolitik.events.ingest.FORMATS)
    ("Luka-Radulovic__gdelts-conflict-analysis", "20201113.csv", "gdelt2-luka"),
    ("Luka-Radulovic__gdelts-conflict-analysis", "20201114.csv", "gdelt2-luka"),
    ("Luka-Radulovic__gdelts-conflict-analysis", "20201115.csv", "gdelt2-luka"),
    ("arekziobrowski__gdelt-big-data", "20191024143000.export.CSV", "gdelt2"),
    ("reed9999__gdelt-demo", "gdelt1_events_sample_20160728.tsv", "gdelt1"),
    ("andybega__icews", "events.2018.sample.tab", "icews"),
]
MPICCIRILLI = "mpiccirilli__UNDP-BCPR-Project/individual_csvs"


def sample_paths(raw_root: Path) -> list[tuple[Path, str]]:
    """Every real event sample file used by the dataset with its format, in a fixed order."""
    base = raw_root / "events"
    paths = [(base / d / f, fmt) for d, f, fmt in SAMPLES]
    paths += [(p, "gdelt1-r") for p in sorted((base / MPICCIRILLI).glob("*.csv.gz"))]
    return paths


def origin_of(path: Path) -> str:
    """Origin label of a sample file: '<repo>/<file>'."""
    repo = path.parent.name if path.parent.name != "individual_csvs" else path.parent.parent.name
    return f"{repo}/{path.name}"


def build(raw_root: Path) -> Built:
    """Normalise, de-duplicate and aggregate every real sample (DuckDB, in memory)."""
    from realpolitik.events.engines import DuckEngine
    from realpolitik.events.ingest import normalised_frame
    from realpolitik.events.pipeline import dyad_month_sql

    pairs = sample_paths(raw_root)
    paths = [p for p, _ in pairs]
    events, report = normalised_frame(paths, [origin_of(p) for p in paths], [f for _, f in pairs])
    events = events.sort_values(["date", "dataset", "event_id"], kind="stable").reset_index(
        drop=True
    )
    eng = DuckEngine(threads=2)
    try:
        eng.frame("events", events)
        month = eng.df(dyad_month_sql("events") + " ORDER BY dataset, source_id, target_id, month")
    finally:
        eng.close()
    years = pd.to_datetime(events["date"]).dt.year
    first, last = int(years.min()), int(years.max())
    notes = [
        "GDELT rows de-duplicated on (day, Actor1Code, Actor2Code, EventCode, SOURCEURL); "
        f"{int(report['duplicates'].sum()):,} of {int(report['rows_read'].sum()):,} rows removed.",
        "Samples, not complete data: GDELT 2.0 2019-10-24 15-minute export and 2020-11-13..15 "
        "(re-export), GDELT 1.0 events touching Georgia 2011-06..2013-05 (R re-export), a GDELT 1.0 "
        "sample (1982..2016), ICEWS 2018-06-01..02.",
        "PLOVER gold-standard records are not included (placeholder dates).",
    ]
    return Built(
        tables={"events_rows": events, "events_dyad_month": month, "events_ingest_report": report},
        release="samples-2026-11",
        files=paths,
        coverage={"events_rows": (first, last), "events_dyad_month": (first, last)},
        notes=notes,
    )


DATASETS = [
    Dataset(
        name="events_samples",
        title="Event data samples (GDELT 1.0/2.0, ICEWS), normalised with dyad-month aggregates",
        build=build,
        citation=(
            "Leetaru, K. & Schrodt, P. (2013). GDELT: Global Data on Events, Location and Tone. "
            "The GDELT Project (gdeltproject.org); Boschee, E. et al. ICEWS Coded Event Data, "
            "Harvard Dataverse, doi:10.7910/DVN/28075."
        ),
        url="https://www.gdeltproject.org/data.html",
        licence="GDELT: free for unrestricted use with citation; ICEWS: Harvard Dataverse terms of use",
        bibtex=(
            "@inproceedings{leetaru2013gdelt, title={GDELT: Global Data on Events, Location and Tone, "
            "1979--2012}, author={Leetaru, Kalev and Schrodt, Philip A.}, booktitle={ISA Annual "
            "Convention}, year={2013}}\n"
            "@data{icews2015, title={ICEWS Coded Event Data}, author={Boschee, Elizabeth and others}, "
            "publisher={Harvard Dataverse}, doi={10.7910/DVN/28075}, year={2015}}"
        ),
    )
]
