"""Reading and writing manifest.json: dataset, release, file hashes, rows, coverage, citation."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from realpolitik.snapshot.dataset import Built, Dataset

MANIFEST = "manifest.json"


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def make_manifest(ds: Dataset, built: Built, raw_root: Path, parquet_dir: Path) -> dict[str, Any]:
    """The manifest entry of one dataset after its tables were written to parquet_dir."""
    files = []
    for p in sorted(set(built.files)):
        try:
            rel = str(p.relative_to(raw_root))
        except ValueError:
            rel = p.name
        files.append({"path": rel, "sha256": sha256(p), "bytes": p.stat().st_size})
    tables = {}
    for name, frame in built.tables.items():
        cov = built.coverage.get(name)
        tables[name] = {
            "file": f"{name}.parquet",
            "rows": len(frame),
            "columns": list(map(str, frame.columns)),
            "coverage": list(cov) if cov else None,
            "sha256": sha256(parquet_dir / f"{name}.parquet"),
        }
    return {
        "dataset": ds.name,
        "title": ds.title,
        "release": built.release,
        "built": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "citation": ds.citation,
        "bibtex": ds.bibtex,
        "url": ds.url,
        "licence": ds.licence,
        "files": files,
        "tables": tables,
        "notes": built.notes,
    }


def read_manifests(snapshot: Path) -> dict[str, dict[str, Any]]:
    """Every dataset manifest under a snapshot directory, by dataset name."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(snapshot.glob(f"*/{MANIFEST}")):
        m = json.loads(path.read_text())
        m["_dir"] = str(path.parent)
        out[m["dataset"]] = m
    return out
