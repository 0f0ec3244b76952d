"""Reading and writing manifest.json: dataset, release, file hashes, rows, coverage, citation.

A dataset folder is complete when its manifest is there: the builder writes the manifest last and
atomically (temp file, fsync, rename), inside a hidden temp folder that is renamed into place only
when complete. Readers therefore look only at visible folders (see `snapshot.integrity`).
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from realpolitik.snapshot.dataset import Built, Dataset
from realpolitik.snapshot.faults import armed, fault_point

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


def fsync_dir(path: Path) -> None:
    """Flush a directory entry (a rename inside it) to disk; a no-op where directories cannot be opened."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    """Flush a written file's bytes to disk before it is renamed into place."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, text: str, fault: str | None = None) -> Path:
    """Write a small file so readers see either no file / the old one or the whole new one: a temp
    file beside it, fsync, os.replace, fsync of the folder. `fault` names a crash-test step at which
    the process dies with half the bytes written (see snapshot.faults)."""
    import tempfile

    data = text.encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            if fault and armed(fault):
                f.write(data[: len(data) // 2])
                f.flush()
                fault_point(fault)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)
    return path


def write_manifest(folder: Path, manifest: dict[str, Any]) -> Path:
    """Write folder/manifest.json atomically: a reader sees no manifest or the whole one, never a part."""
    text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    return write_atomic(folder / MANIFEST, text, fault="build:manifest-partial")


def load_manifest(path: Path) -> dict[str, Any]:
    """One manifest.json, checked for the keys readers rely on; ValueError saying what is wrong."""
    try:
        m = json.loads(path.read_text())
    except (OSError, UnicodeDecodeError) as e:
        raise ValueError(f"{MANIFEST} cannot be read ({type(e).__name__})") from e
    except json.JSONDecodeError as e:
        raise ValueError(f"{MANIFEST} is not valid JSON ({e.msg} at byte {e.pos})") from e
    if not isinstance(m, dict) or not isinstance(m.get("tables"), dict) or "dataset" not in m:
        raise ValueError(f"{MANIFEST} lacks its dataset name or table list")
    for table, t in m["tables"].items():
        if not isinstance(t, dict) or not {"file", "rows"} <= set(t):
            raise ValueError(f"{MANIFEST} entry of table {table!r} is incomplete")
    m.setdefault("release", "")
    m.setdefault("citation", "")
    return m


def read_manifests(snapshot: Path) -> dict[str, dict[str, Any]]:
    """The manifests of every complete dataset of a snapshot, by name (`_dir` = folder to read).

    Hidden folders (a build's temp folder) are never read; unreadable manifests are left out (see
    `integrity.scan` for why a dataset was left out, `integrity.open_verified` for hash checks)."""
    from realpolitik.snapshot.integrity import scan

    return scan(snapshot).manifests
