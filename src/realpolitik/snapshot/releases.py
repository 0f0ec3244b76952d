"""Installed snapshot releases side by side under the user data dir, with an atomically switched pointer.

Layout (home = REALPOLITIK_HOME or platformdirs' user data dir):
    home/releases/<release-id>/<dataset>/{*.parquet, manifest.json}   one full snapshot per release
    home/releases/<release-id>/release.json                            what the update fetched and built
    home/releases/.tmp-<release-id>-*/                                 a release being built (never read)
    home/current                                                       the active release id (os.replace)
The bundled snapshot inside the package is the read-only fallback, named "bundled".
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from realpolitik.errors import UserError
from realpolitik.snapshot.faults import fault_point
from realpolitik.snapshot.manifest import fsync_dir, write_atomic

BUNDLED_ID = "bundled"
RELEASE_INFO = "release.json"
TMP_PREFIX = ".tmp-"
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+@-]{0,99}$")


def releases_root() -> Path:
    """home/releases: one directory per installed release."""
    from realpolitik.snapshot.paths import home

    return home() / "releases"


def pointer_file() -> Path:
    """home/current: a one-line text file naming the active release."""
    from realpolitik.snapshot.paths import home

    return home() / "current"


def check_id(release_id: str) -> str:
    """A release id is a plain directory name (no slashes, no leading dot)."""
    if not _ID.match(release_id) or release_id == BUNDLED_ID:
        raise UserError(f"bad release id {release_id!r} (letters, digits and . _ + @ - only)")
    return release_id


def new_release_id(sources: list[str]) -> str:
    """A fresh id: UTC timestamp plus the updated sources, unique among installed releases."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    base = stamp + ("-" + "+".join(sources) if sources else "")
    cand, n = base, 2
    while (releases_root() / cand).exists():
        cand, n = f"{base}.{n}", n + 1
    return cand


def current_id() -> str | None:
    """The active installed release id, or None when the bundled snapshot is active."""
    try:
        text = pointer_file().read_text().strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    return text or None


def current_release_dir() -> Path | None:
    """The active installed release directory, if the pointer names one that exists."""
    rid = current_id()
    if not rid or rid == BUNDLED_ID or not _ID.match(rid):
        return None
    path = releases_root() / rid
    return path if path.is_dir() else None


def release_dir(release_id: str) -> Path:
    """The snapshot directory of a release id ("bundled" is the packaged snapshot)."""
    from realpolitik.snapshot.paths import NO_DATA, bundled_snapshot

    if release_id == BUNDLED_ID:
        bundled = bundled_snapshot()
        if bundled is None:
            raise UserError(NO_DATA)
        return bundled
    path = releases_root() / release_id
    if not _ID.match(release_id) or not path.is_dir():
        known = ", ".join(r.id for r in list_releases())
        raise UserError(f"no installed release {release_id!r}; installed: {known}")
    return path


def use(release_id: str) -> Path:
    """Make a release the active one (atomic pointer switch); returns its directory."""
    path = release_dir(release_id)
    write_atomic(pointer_file(), release_id + "\n")
    _reset_store()
    return path


def _reset_store() -> None:
    from realpolitik.store import reset_store_cache

    reset_store_cache()


@dataclass(frozen=True)
class Release:
    """One snapshot release the user can select."""

    id: str
    path: Path
    active: bool
    info: dict[str, Any]

    @property
    def created(self) -> str:
        return str(self.info.get("created", ""))


def read_info(path: Path) -> dict[str, Any]:
    """A release's release.json (empty for the bundled snapshot or a damaged release)."""
    try:
        return json.loads((path / RELEASE_INFO).read_text())
    except (FileNotFoundError, ValueError):
        return {}


def list_releases() -> list[Release]:
    """The bundled snapshot and every installed release, oldest first."""
    from realpolitik.snapshot.paths import bundled_snapshot

    cur = current_release_dir()
    bundled = bundled_snapshot()
    out = []
    if bundled is not None:
        out.append(Release(BUNDLED_ID, bundled, cur is None, {"created": "", "sources": []}))
    root = releases_root()
    if root.is_dir():
        for p in sorted(root.iterdir()):
            if p.is_dir() and not p.name.startswith(".") and _ID.match(p.name):
                out.append(Release(p.name, p, cur is not None and p == cur, read_info(p)))
    return out


def make_temp(release_id: str) -> Path:
    """A temporary directory beside the releases (same filesystem, so the final rename is atomic)."""
    root = releases_root()
    root.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f"{TMP_PREFIX}{release_id}-", dir=root))


def clean_stale_temps() -> list[Path]:
    """Remove temporary directories left by an update that was killed (call with the update lock held)."""
    root = releases_root()
    removed = []
    if root.is_dir():
        for p in root.iterdir():
            if p.name.startswith(TMP_PREFIX) and p.is_dir():
                shutil.rmtree(p, ignore_errors=True)
                removed.append(p)
    return removed


def seed_from(base: Path, target: Path) -> None:
    """Fill a new release with the intact datasets of a base snapshot (hard links when possible,
    else copies); damaged ones are left out (the install's verification would refuse them)."""
    from realpolitik.snapshot.integrity import open_verified

    def link_or_copy(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    for name, m in sorted(open_verified(base).manifests.items()):
        shutil.copytree(m["_dir"], target / name, copy_function=link_or_copy)


def verify(snapshot: Path) -> list[str]:
    """Check a snapshot before it is switched in: every table file present with its manifest sha256 and
    row count, and readable. Raises UserError naming the first problem; returns dataset names."""
    from realpolitik.snapshot.integrity import verify_deep

    found = verify_deep(snapshot)
    if found.damaged:
        name, why = sorted(found.damaged.items())[0]
        raise UserError(f"verification failed: {why}")
    if not found.manifests:
        raise UserError(f"verification failed: no dataset manifests in {snapshot}")
    return sorted(found.manifests)


def install(tmp: Path, release_id: str, info: dict[str, Any], activate: bool = True) -> Path:
    """Verify a finished temporary release, rename it into place and (optionally) switch to it.

    The rename and the pointer switch are each atomic, so a crash at any point leaves either the old
    release active (and untouched) or the new one complete and active.
    """
    check_id(release_id)
    datasets = verify(tmp)
    info = {**info, "id": release_id, "datasets": datasets}
    write_atomic(tmp / RELEASE_INFO, json.dumps(info, indent=2, ensure_ascii=False) + "\n")
    final = releases_root() / release_id
    if final.exists():
        raise UserError(f"release {release_id!r} already exists")
    fsync_dir(tmp)
    os.rename(tmp, final)
    fsync_dir(final.parent)
    fault_point("update:renamed")
    if activate:
        use(release_id)
    return final


def remove(release_id: str) -> None:
    """Delete an installed release that is not the active one."""
    path = release_dir(check_id(release_id))
    if path == current_release_dir():
        raise UserError(
            f"release {release_id!r} is active; `realpolitik data use` another one first"
        )
    shutil.rmtree(path)


# --- update: download, build beside the current release, verify, switch --------------------------


@dataclass
class UpdatePlan:
    """What an update will fetch, per source."""

    sources: list[str]
    datasets: list[str]
    files: list[Any]  # upstream.Remote
    release: str
    base_url: str | None


def update_lock():  # noqa: ANN202 - returns an open file or None
    """Hold home/.update.lock for the whole update (released by the OS even on kill -9)."""
    from realpolitik.snapshot.paths import home

    path = home() / ".update.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    fh = open(path, "w")  # noqa: SIM115
    try:
        import fcntl

        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except ImportError:  # pragma: no cover - non-POSIX
        pass
    except OSError as e:
        fh.close()
        raise UserError("another `realpolitik data update` is running") from e
    return fh


def make_plan(
    sources: list[str] | None,
    release: str = "latest",
    base_url: str | None = None,
    client: Any = None,
) -> UpdatePlan:
    """Resolve source names to their datasets and the files to fetch (client=None: no network)."""
    from realpolitik.snapshot import upstream

    names = list(sources) if sources else upstream.updatable(mirror=bool(base_url))
    per_source = upstream.source_datasets()
    files, datasets = [], []
    for name in names:
        upstream.get(name)
        if not per_source.get(name):
            raise UserError(f"source {name!r} declares no datasets")
        datasets += per_source[name]
        if base_url:
            files += upstream.mirror_plan(name, base_url, client, release)
        else:
            files += upstream.plan(name, release, client)
    return UpdatePlan(names, sorted(datasets), files, release, base_url)


def _fetches(plan: UpdatePlan, cache: Path) -> list[Any]:
    from realpolitik.snapshot.download import Fetch

    out = []
    for r in plan.files:
        dest = cache / r.dest
        if not (r.sha256 or r.md5):
            dest.with_name(dest.name + ".part").unlink(
                missing_ok=True
            )  # unverifiable: never resume across runs
        out.append(
            Fetch(
                r.url,
                dest,
                r.method,
                r.body,
                sha256=r.sha256,
                md5=r.md5,
                size=r.size,
                decode=r.decode,
            )
        )
    return out


def _cached_ok(f: Any) -> bool:
    """A complete cached download whose published hash still matches (so it need not be fetched again)."""
    from realpolitik.snapshot.manifest import sha256

    return bool(f.sha256) and f.dest.is_file() and sha256(f.dest) == f.sha256.lower()


def update(
    sources: list[str] | None = None,
    release: str = "latest",
    base_url: str | None = None,
    release_id: str | None = None,
    activate: bool = True,
    progress: bool | None = None,
    say: Any = None,
    force: bool = False,
) -> Path:
    """Fetch sources, build a new release beside the current one from them, verify it, switch to it."""
    import httpx

    from realpolitik.snapshot.build import build
    from realpolitik.snapshot.download import Policy, download_all, make_client
    from realpolitik.snapshot.paths import active_snapshot, home

    say = say or (lambda _msg: None)
    policy = Policy.from_env()
    lock = update_lock()
    try:
        clean_stale_temps()
        with make_client(policy) as client:
            try:
                plan = make_plan(sources, release, base_url, client)
            except httpx.TransportError as e:
                raise UserError(f"cannot reach the file list ({type(e).__name__}); offline?") from e
        rid = check_id(release_id) if release_id else new_release_id(plan.sources)
        base = active_snapshot()
        work = make_temp(rid)
        raw, snap = work / "raw", work / "snapshot"
        try:
            snap.mkdir()
            cache = home() / "downloads"
            fetches = _fetches(plan, cache)
            todo = [f for f in fetches if not _cached_ok(f)]
            say(f"fetching {len(todo)} of {len(fetches)} files for {', '.join(plan.sources)}")
            download_all(todo, policy, progress)
            for r, f in zip(plan.files, fetches, strict=True):
                target = raw / r.dest
                target.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(f.dest, target)
                except OSError:
                    shutil.copy2(f.dest, target)
            fault_point("update:downloaded")
            seed_from(base, snap)
            fault_point("update:seeded")
            say(f"building {', '.join(plan.datasets)}")
            build(raw, snap, only=plan.datasets, force=force)  # refuses bad files (exit 2)
            fault_point("update:built")
            info = {
                "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "base": current_id() or BUNDLED_ID,
                "sources": plan.sources,
                "release": plan.release,
                "base_url": plan.base_url,
                "files": [
                    {
                        "path": r.dest,
                        "url": r.url,
                        "kind": r.kind,
                        "sha256": _sha(f.dest),
                        "bytes": f.dest.stat().st_size,
                    }
                    for r, f in zip(plan.files, fetches, strict=True)
                ],
            }
            return install(snap, rid, info, activate=activate)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    finally:
        lock.close()


def _sha(path: Path) -> str:
    from realpolitik.snapshot.manifest import sha256

    return sha256(path)
