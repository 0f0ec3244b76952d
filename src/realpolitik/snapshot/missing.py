"""What to tell a user whose snapshot lacks a dataset: which dataset a table belongs to and how to add it.

Only used on error paths (a query on a table that is not in the store), so it may import the catalog.
"""

from __future__ import annotations

from pathlib import Path


def dataset_of_table(table: str, damaged: dict[str, str] | None = None) -> str | None:
    """The dataset that provides `table`: a damaged or known dataset of that name, the bundled
    snapshot's manifests, else the longest dataset name that prefixes it (sipri_tiv -> sipri)."""
    from realpolitik.snapshot.catalog import datasets
    from realpolitik.snapshot.integrity import scan
    from realpolitik.snapshot.paths import bundled_snapshot

    known = set(datasets())
    if table in (damaged or {}) or table in known:
        return table
    bundled = bundled_snapshot()
    if bundled is not None:
        for name, m in scan(bundled).manifests.items():
            if table in m["tables"]:
                return name
    prefixes = [d for d in [*known, *(damaged or {})] if table.startswith(d + "_")]
    return max(prefixes, key=len) if prefixes else None


def missing_dataset_message(dataset: str, snapshot: Path) -> str:
    """One line: the dataset is not in this snapshot, and the two ways to add it."""
    from realpolitik.snapshot.terms import terms_of

    t = terms_of(dataset)
    label = f"{t.producer} data (dataset {dataset})" if t else f"dataset {dataset}"
    return (
        f"{label} not in the snapshot at {snapshot}; add it from your own download with "
        f"`realpolitik data build --raw DIR --only {dataset}`"
        + (f" ({t.short})" if t else "")
        + ", or install the bundled snapshot (`pip install realpolitik-data`)"
    )
