"""Builds snapshot datasets from raw official files: parse, write Parquet, write manifest."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from realpolitik.errors import DataMissing, UserError
from realpolitik.snapshot.catalog import datasets
from realpolitik.snapshot.manifest import MANIFEST, make_manifest


def build_dataset(name: str, raw_root: Path, out_dir: Path) -> dict:
    """Build one dataset into out_dir/<name>/ atomically (temp dir, then rename)."""
    ds = datasets()[name]
    built = ds.build(raw_root)
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=out_dir))
    try:
        for table, frame in built.tables.items():
            frame.to_parquet(tmp / f"{table}.parquet", index=False, compression="zstd")
        manifest = make_manifest(ds, built, raw_root, tmp)
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
        final = out_dir / name
        old = out_dir / f".{name}.old"
        if final.exists():
            if old.exists():
                shutil.rmtree(old)
            final.rename(old)
        tmp.rename(final)
        if old.exists():
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return manifest


def build(
    raw_root: Path,
    out_dir: Path,
    only: Iterable[str] | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[dict]:
    """Build the named datasets (all by default); returns their manifests."""
    if not raw_root.is_dir():
        raise DataMissing(f"raw data directory not found: {raw_root}")
    known = datasets()
    names = list(only) if only else sorted(known)
    unknown = [n for n in names if n not in known]
    if unknown:
        raise UserError(
            f"unknown dataset(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        )
    manifests = []
    for n in names:
        if progress:
            progress(n)
        manifests.append(build_dataset(n, raw_root, out_dir))
    return manifests
