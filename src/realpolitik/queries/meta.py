"""Queries about the data itself: what the snapshot holds and where it came from."""

from __future__ import annotations

from realpolitik.result import Result, Rows, Source
from realpolitik.store import get_store


def snapshot_info() -> Result:
    """One row per table of the active snapshot with its dataset, release, rows and coverage."""
    store = get_store()
    rows = []
    sources = []
    for name, m in sorted(store.manifests.items()):
        sources.append(
            Source(name, m["release"], m["citation"], m.get("url", ""), m.get("licence", ""))
        )
        for table, t in m["tables"].items():
            cov = t.get("coverage")
            rows.append(
                {
                    "dataset": name,
                    "table": table,
                    "release": m["release"],
                    "rows": t["rows"],
                    "first_year": cov[0] if cov else None,
                    "last_year": cov[1] if cov else None,
                }
            )
    cols = ("dataset", "table", "release", "rows", "first_year", "last_year")
    types = ("VARCHAR", "VARCHAR", "VARCHAR", "BIGINT", "INTEGER", "INTEGER")
    frame = Rows(cols, types, [tuple(r[c] for c in cols) for r in rows])  # years stay integers
    return Result(
        frame, {"command": "data info", "snapshot": str(store.path)}, sources, title="Snapshot"
    )
