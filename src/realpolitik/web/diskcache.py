"""Results that are slow to compute, kept across server processes in the user data dir.

Entries live under `home()/cache/web/<snapshot key>/`, where the key hashes every table's sha256
from the active snapshot's manifests, the package and pandas versions and the source of the
whole package (results depend on modules beyond the analysis that makes them): a rebuilt or
switched snapshot, an upgrade or a code change gets a fresh folder and never reads a stale
figure. Writes are atomic (temp file + rename), so two processes computing the same entry cannot corrupt it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

log = logging.getLogger("realpolitik.web")
T = TypeVar("T")


def _key(*packages: object) -> str:
    """A short hash of the active snapshot's table hashes, the package and pandas versions and the
    source of the given packages."""
    import pandas as pd

    from realpolitik.store import get_store
    from realpolitik.web.app import _version

    h = hashlib.sha256(f"{_version()}|{pd.__version__}".encode())
    for package in packages:
        for src in sorted(Path(str(getattr(package, "__file__", ""))).parent.rglob("*.py")):
            h.update(src.read_bytes())
    for name, m in sorted(get_store().manifests.items()):
        for table, info in sorted(m["tables"].items()):
            h.update(f"{name}/{table}:{info.get('sha256', '')}".encode())
    return h.hexdigest()[:16]


@cache
def snapshot_key() -> str:
    """The key of the network entries: the whole package's source, since the network's rows also
    depend on modules outside it (the relationship model, time rules, wording helpers)."""
    import realpolitik

    return _key(realpolitik)


@cache
def checker_key() -> str:
    """The key of a stored claim check: a new snapshot or any code change checks a shared text again
    (verdicts also depend on queries and time rules outside the claims package)."""
    import realpolitik

    return _key(realpolitik)


def folder() -> Path:
    from realpolitik.snapshot.paths import home

    return home() / "cache" / "web" / snapshot_key()


def cached(name: str, compute: Callable[[], T]) -> T:
    """The value stored under `name` for this snapshot, else `compute()` stored for next time.

    An unreadable entry is recomputed; a cache folder that cannot be written is only logged."""
    path = folder() / (re.sub(r"[^A-Za-z0-9_.-]", "_", name) + ".pkl")
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except FileNotFoundError:
        pass
    except Exception:
        log.warning("web cache entry %s unreadable; recomputing", path)
    value = compute()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as e:
        log.warning("web cache %s not written: %s", path, e)
    return value


def clear_memo() -> None:
    """Forget the computed snapshot key (after the snapshot was switched)."""
    snapshot_key.cache_clear()
