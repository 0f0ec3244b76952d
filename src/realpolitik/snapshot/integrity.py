"""Which datasets of a snapshot are complete and intact, and the repairs for the rest.

A snapshot folder holds one visible folder per dataset (`<name>/manifest.json` + Parquet tables).
A build writes a hidden temp folder (`.<name>-XXXX`) and swaps it in: `<name>` → `.<name>.old`,
temp → `<name>`, then removes `.<name>.old`. At any instant a reader therefore finds `<name>/`
complete, or (a build killed between the two renames) only `.<name>.old/`, which still holds the
previous complete data and is read in its place. Any other hidden folder is a build in progress or
the debris of a killed one: never read, and removed by the next build or `data verify --repair`
(both hold the snapshot's lock, so a running build's folder is never taken for debris).

Table files are checked against the sha256 in their manifest when a snapshot is first opened; the
result is cached by (path, size, mtime, inode) in `<home>/cache/hashes.json`, so later start-ups only
stat the files. `data verify` re-hashes everything and also reads every table with DuckDB.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from realpolitik.errors import UserError
from realpolitik.snapshot.manifest import MANIFEST, fsync_dir, load_manifest, sha256, write_atomic

OLD_SUFFIX = ".old"
_LEFTOVER = re.compile(r"^\.([A-Za-z0-9_]+)(?:-[A-Za-z0-9_]+|\.old)$")  # .<name>-XXXX, .<name>.old


def temp_prefix(name: str) -> str:
    """Prefix of a build's temp folder for dataset `name` (hidden: readers skip it)."""
    return f".{name}-"


def old_name(name: str) -> str:
    """The name a dataset folder takes while its replacement is moved in."""
    return f".{name}{OLD_SUFFIX}"


# --- scanning ------------------------------------------------------------------------------------


@dataclass
class Scan:
    """What a snapshot folder holds: readable datasets, damaged ones, and hidden leftovers."""

    path: Path
    manifests: dict[str, dict[str, Any]] = field(default_factory=dict)
    damaged: dict[str, str] = field(default_factory=dict)  # dataset -> why it is not read
    interrupted: dict[str, Path] = field(default_factory=dict)  # dataset read from .<name>.old
    temps: list[Path] = field(default_factory=list)  # hidden folders never read


def _has_tables(folder: Path) -> bool:
    return any(folder.glob("*.parquet"))


def scan(snapshot: Path) -> Scan:
    """Read every visible dataset folder's manifest; never read hidden temp folders."""
    out = Scan(Path(snapshot))
    try:
        entries = sorted(p for p in out.path.iterdir() if p.is_dir())
    except (FileNotFoundError, NotADirectoryError):
        return out
    hidden = [p for p in entries if _LEFTOVER.match(p.name)]  # other hidden folders are not ours
    for folder in entries:
        if folder.name.startswith("."):
            continue
        if not (folder / MANIFEST).exists():
            if _has_tables(folder):
                out.damaged[folder.name] = f"{folder.name}/{MANIFEST} is missing"
            continue
        try:
            m = load_manifest(folder / MANIFEST)
        except ValueError as e:
            out.damaged[folder.name] = f"{folder.name}/{e}"
            continue
        if m["dataset"] != folder.name:
            out.damaged[folder.name] = (
                f"{folder.name}/{MANIFEST} describes dataset {m['dataset']!r}, not {folder.name!r}"
            )
            continue
        m["_dir"] = str(folder)
        out.manifests[folder.name] = m
    for folder in hidden:
        name = folder.name[1:].removesuffix(OLD_SUFFIX) if folder.name.endswith(OLD_SUFFIX) else ""
        visible = out.path / name
        if name and not visible.exists() and (folder / MANIFEST).exists():
            try:
                m = load_manifest(folder / MANIFEST)
            except ValueError:
                out.temps.append(folder)
                continue
            if m["dataset"] == name:
                m["_dir"] = str(folder)
                out.manifests[name] = m
                out.interrupted[name] = folder
                continue
        out.temps.append(folder)
    return out


# --- hashing with a cache ------------------------------------------------------------------------


class HashCache:
    """sha256 of files keyed by (path, size, mtime_ns, inode): a file not rewritten is not re-read."""

    VERSION = 1

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, list[Any]] = {}
        self.dirty = False
        if path is not None:
            try:
                data = json.loads(path.read_text())
                if data.get("v") == self.VERSION and isinstance(data.get("files"), dict):
                    self.entries = data["files"]
            except (OSError, ValueError, AttributeError):
                self.entries = {}

    @staticmethod
    def _key(st: os.stat_result) -> list[int]:
        return [st.st_size, st.st_mtime_ns, st.st_ino]

    def sha256(self, file: Path, fresh: bool = False) -> str:
        """The file's sha256, from the cache when its stat is unchanged (unless fresh)."""
        st = file.stat()
        key, name = self._key(st), str(file.resolve())
        hit = self.entries.get(name)
        if not fresh and hit and hit[:3] == key:
            return str(hit[3])
        digest = sha256(file)
        self.entries[name] = [*key, digest]
        self.dirty = True
        return digest

    def save(self) -> None:
        """Write the cache back (best effort: a read-only home only costs re-hashing next time)."""
        if self.path is None or not self.dirty:
            return
        live = {k: v for k, v in self.entries.items() if os.path.exists(k)}
        with contextlib.suppress(OSError):
            write_atomic(self.path, json.dumps({"v": self.VERSION, "files": live}))
        self.dirty = False


def default_cache() -> HashCache:
    from realpolitik.snapshot.paths import home

    try:
        return HashCache(home() / "cache" / "hashes.json")
    except Exception:  # noqa: BLE001 - no usable home: verify without a cache
        return HashCache(None)


def table_problem(m: dict[str, Any], cache: HashCache, fresh: bool = False) -> str | None:
    """Why a dataset's tables do not match its manifest (missing file, wrong sha256), or None."""
    folder = Path(m["_dir"])
    for table, t in m["tables"].items():
        f = folder / t["file"]
        if not f.is_file():
            return f"{m['dataset']}/{t['file']} is missing"
        expected = t.get("sha256")
        if not expected:
            return f"{m['dataset']}/{MANIFEST} records no sha256 for table {table}"
        if cache.sha256(f, fresh=fresh) != expected:
            return f"{m['dataset']}/{t['file']} does not match its manifest sha256"
    return None


def open_verified(snapshot: Path, cache: HashCache | None = None) -> Scan:
    """A scan whose manifests are only datasets whose every table matches its sha256 (cached)."""
    result = scan(snapshot)
    cache = cache or default_cache()
    for name, m in list(result.manifests.items()):
        problem = table_problem(m, cache)
        if problem:
            result.damaged[name] = problem
            del result.manifests[name]
    cache.save()
    return result


def deep_problem(m: dict[str, Any], cache: HashCache, con: Any) -> str | None:
    """table_problem with fresh hashes, plus every table read back by DuckDB with its manifest row count."""
    problem = table_problem(m, cache, fresh=True)
    if problem:
        return problem
    for t in m["tables"].values():
        f = Path(m["_dir"]) / t["file"]
        sql_path = str(f).replace("'", "''")
        try:
            rows = con.execute(f"SELECT count(*) FROM read_parquet('{sql_path}')").fetchone()[0]
        except Exception as e:  # noqa: BLE001 - duckdb raises its own IO/invalid-input errors
            return f"{m['dataset']}/{t['file']} cannot be read as Parquet ({type(e).__name__})"
        if rows != t["rows"]:
            return f"{m['dataset']}/{t['file']} has {rows} rows, its manifest says {t['rows']}"
    return None


def verify_deep(snapshot: Path, cache: HashCache | None = None) -> Scan:
    """A scan in which every table was re-hashed and read; failures moved to `damaged`."""
    import duckdb

    result = scan(snapshot)
    cache = cache or default_cache()
    con = duckdb.connect(":memory:")
    try:
        for name, m in list(result.manifests.items()):
            problem = deep_problem(m, cache, con)
            if problem:
                result.damaged[name] = problem
                del result.manifests[name]
    finally:
        con.close()
    cache.save()
    return result


# --- writing: the lock and the swap --------------------------------------------------------------


@contextlib.contextmanager
def snapshot_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on a snapshot folder while it is written (released by the OS on kill)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - non-POSIX: no lock
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            raise UserError(
                f"another build or repair is writing to {folder}; try again later"
            ) from e
        yield
    finally:
        os.close(fd)


def swap_in(out_dir: Path, name: str, tmp: Path, between: Any = None, after: Any = None) -> Path:
    """Replace out_dir/name by the complete folder tmp: two renames, then the old copy is removed.

    `between` and `after` are called after each rename (the builder's fault points)."""
    final, old = out_dir / name, out_dir / old_name(name)
    fsync_dir(tmp)
    if old.exists():
        shutil.rmtree(old)
    if final.exists():
        final.rename(old)
        fsync_dir(out_dir)
        if between:
            between()
    tmp.rename(final)
    fsync_dir(out_dir)
    if after:
        after()
    if old.exists():
        shutil.rmtree(old)
    return final


def tidy(out_dir: Path) -> list[str]:
    """With the lock held: finish interrupted swaps and remove temp folders. Returns what was done."""
    done = []
    found = scan(out_dir)
    for name, folder in found.interrupted.items():
        folder.rename(out_dir / name)
        done.append(f"{name}: restored the previous complete copy left by an interrupted build")
    if found.interrupted:
        fsync_dir(out_dir)
    for folder in found.temps:
        shutil.rmtree(folder, ignore_errors=True)
        done.append(f"removed temp folder {folder.name}")
    return done


# --- repair --------------------------------------------------------------------------------------


def known_snapshots() -> list[Path]:
    """Every snapshot on this machine that realpolitik knows: bundled, installed releases, local build."""
    from realpolitik.snapshot.paths import bundled_snapshot, local_snapshot
    from realpolitik.snapshot.releases import releases_root

    out = [p for p in (bundled_snapshot(), local_snapshot()) if p is not None and p.is_dir()]
    root = releases_root()
    if root.is_dir():
        out += sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    return out


def expected_tables(folder: Path) -> dict[str, str]:
    """file -> sha256 a damaged dataset folder should hold: from its manifest if readable, else the
    hashes of the table files it still has (their manifest is what was lost)."""
    try:
        m = load_manifest(folder / MANIFEST)
        return {t["file"]: t.get("sha256", "") for t in m["tables"].values()}
    except ValueError:
        return {f.name: sha256(f) for f in sorted(folder.glob("*.parquet"))}


def identical_copy(name: str, want: dict[str, str], exclude: Path) -> Path | None:
    """A verified folder of dataset `name` in another snapshot whose tables have exactly the sha256
    values wanted (so copying it restores the same data, byte for byte)."""
    if not want:
        return None
    cache = default_cache()
    for snap in known_snapshots():
        if snap.resolve() == exclude.resolve():
            continue
        m = scan(snap).manifests.get(name)
        if not m or {t["file"]: t.get("sha256") for t in m["tables"].values()} != want:
            continue
        if table_problem(m, cache, fresh=True) is None:
            return Path(m["_dir"])
    return None


def how_to_fix(name: str, snapshot: Path) -> str:
    """What the user can do about a damaged dataset that no identical copy can restore."""
    from realpolitik.snapshot.paths import bundled_snapshot

    bundled = bundled_snapshot()
    if bundled is not None and snapshot.resolve() == bundled.resolve():
        return (
            "reinstall the data package (`pip install --force-reinstall realpolitik-data`) or rebuild it "
            f"(`realpolitik data build --raw DIR --only {name}`)"
        )
    return (
        f"rebuild it (`realpolitik data build --raw DIR --only {name} --out {snapshot}`) or switch "
        "to another release (`realpolitik data releases`, `realpolitik data use ID`)"
    )


def repair(snapshot: Path) -> list[tuple[str, str, str]]:
    """Repair a snapshot in place: finish interrupted swaps, remove temp folders, restore damaged
    datasets from an identical verified copy. Returns (dataset, state, detail) rows."""
    rows: list[tuple[str, str, str]] = []
    with snapshot_lock(snapshot):
        for line in tidy(snapshot):
            name, _, detail = line.partition(": ")
            rows.append((name if detail else "", "repaired", detail or line))
        found = verify_deep(snapshot)
        for name, why in sorted(found.damaged.items()):
            source = identical_copy(name, expected_tables(snapshot / name), snapshot)
            if source is None:
                rows.append((name, "damaged", f"{why}; {how_to_fix(name, snapshot)}"))
                continue
            tmp = Path(tempfile.mkdtemp(prefix=temp_prefix(name), dir=snapshot))
            try:
                shutil.copytree(source, tmp, dirs_exist_ok=True)
                swap_in(snapshot, name, tmp)
            except BaseException:
                shutil.rmtree(tmp, ignore_errors=True)
                raise
            rows.append((name, "repaired", f"{why}; restored an identical copy from {source}"))
    return rows
