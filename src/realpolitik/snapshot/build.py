"""Builds snapshot datasets from raw official files: parse, validate, write Parquet, write manifest.

Each dataset is built into a hidden temp folder and swapped in only when complete (manifest last,
atomically); inputs that do not parse in the official format, or that fail the dataset's checks
against the data they would replace, are refused with one line and the old data stay
(see `snapshot.integrity` for the folder protocol and `snapshot.faults` for the crash tests).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from realpolitik.errors import DataMissing, UserError
from realpolitik.snapshot.catalog import datasets
from realpolitik.snapshot.dataset import Built, Dataset, RawFormatError
from realpolitik.snapshot.faults import fault_point
from realpolitik.snapshot.integrity import (
    snapshot_lock,
    swap_in,
    temp_prefix,
    tidy,
)
from realpolitik.snapshot.manifest import fsync_file, make_manifest, write_manifest


class RawRejected(UserError):
    """Raw files that do not parse in the official format or fail a sanity check: nothing replaced."""


def _parse(ds: Dataset, raw_root: Path) -> Built:
    """Run the dataset's reader; a file that does not parse is the user's input, not a bug (exit 2)."""
    try:
        return ds.build(raw_root)
    except UserError:
        raise
    except RawFormatError as e:
        raise RawRejected(f"{ds.name}: refused, the old data are kept: {e}") from e
    except FileNotFoundError as e:
        raise DataMissing(
            f"{ds.name}: raw file not found: {e.filename or e}; the old data are kept"
        ) from e
    except Exception as e:  # noqa: BLE001 - any parser failure on user-supplied files
        msg = str(e).splitlines()[0] if str(e) else ""
        raise RawRejected(
            f"{ds.name}: raw files do not parse as the official format ({type(e).__name__}: {msg}); "
            "the old data are kept"
        ) from e


def empty_tables(built: Built) -> list[str]:
    """Every dataset: no table may be empty."""
    return [f"table {t} is empty" for t, f in built.tables.items() if len(f) == 0]


def shrunk_tables(built: Built, previous: dict) -> list[str]:
    """Every dataset: no table of the build being replaced may disappear or lose half its rows."""
    out = []
    for table, info in previous["tables"].items():
        rows = info.get("rows", 0)
        if table not in built.tables:
            out.append(f"table {table} of the build it would replace is missing")
        elif rows and len(built.tables[table]) < rows / 2:
            out.append(
                f"table {table} has {len(built.tables[table]):,} rows against {rows:,} in the "
                "build it would replace"
            )
    return out


def validate(ds: Dataset, built: Built, out_dir: Path, force: bool) -> None:
    """Refuse a build (RawRejected) whose tables fail the dataset's own checks, or — unless force —
    the comparison with the intact build they would replace."""
    from realpolitik.snapshot.integrity import open_verified

    problems = empty_tables(built) + (ds.check(built) if ds.check else [])
    hint = ""
    if not problems and not force:
        prev = open_verified(out_dir).manifests.get(ds.name)
        if prev is not None:
            problems = shrunk_tables(built, prev)
            if ds.compare:
                problems += ds.compare(built, Path(prev["_dir"]))
            hint = "; --force accepts it"
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise RawRejected(f"{ds.name}: refused, the old data are kept: {problems[0]}{more}{hint}")


def build_dataset(name: str, raw_root: Path, out_dir: Path, force: bool = False) -> dict:
    """Build one dataset into out_dir/<name>/: parse and validate, write a temp folder, swap it in."""
    ds = datasets()[name]
    out_dir.mkdir(parents=True, exist_ok=True)
    with snapshot_lock(out_dir):
        tidy(out_dir)  # a killed build's leftovers: finish its swap, drop its temp folder
        built = _parse(ds, raw_root)
        validate(ds, built, out_dir, force)
        fault_point("build:parsed")
        tmp = Path(tempfile.mkdtemp(prefix=temp_prefix(name), dir=out_dir))
        try:
            for table, frame in built.tables.items():
                path = tmp / f"{table}.parquet"
                frame.to_parquet(path, index=False, compression="zstd",
                                 row_group_size=built.row_groups.get(table))  # fmt: skip
                fsync_file(path)
                fault_point("build:table-written")
            manifest = make_manifest(ds, built, raw_root, tmp)
            write_manifest(tmp, manifest)
            fault_point("build:manifest-written")
            swap_in(
                out_dir,
                name,
                tmp,
                between=lambda: fault_point("build:old-moved"),
                after=lambda: fault_point("build:new-moved"),
            )
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    return manifest


@dataclass
class Plan:
    """The datasets a build will make, and those it leaves out with the reason."""

    names: list[str]
    skipped: dict[str, str] = field(default_factory=dict)


def raw_folders(name: str) -> list[str]:
    """The raw-tree folders a dataset's source reads (from the upstream table, else the module name)."""
    from realpolitik.snapshot.upstream import UPSTREAMS, source_datasets

    for source, names in source_datasets().items():
        if name in names:
            up = UPSTREAMS.get(source)
            prefixes = {p.split("/", 1)[0] for p in (up.pinned if up else {})}
            return sorted(prefixes) or [source]
    return [name]


def plan(
    raw_root: Path, only: Iterable[str] | None = None, exclude: Iterable[str] | None = None
) -> Plan:
    """Which datasets to build: the named ones (all by default) minus the excluded ones; by default
    a dataset whose raw folders are all absent is skipped (a raw tree without SIPRI builds without it)."""
    known = datasets()
    only, exclude = list(only or []), list(exclude or [])
    unknown = [n for n in [*only, *exclude] if n not in known]
    if unknown:
        raise UserError(
            f"unknown dataset(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        )
    names = [n for n in (only or sorted(known)) if n not in exclude]
    out = Plan([], {n: "excluded" for n in exclude})
    for n in names:
        folders = raw_folders(n)
        if not only and not any((raw_root / f).is_dir() for f in folders):
            out.skipped[n] = f"no {' or '.join(f + '/' for f in folders)} in {raw_root}"
        else:
            out.names.append(n)
    if not out.names:
        raise DataMissing(f"nothing to build from {raw_root} ({len(out.skipped)} datasets skipped)")
    return out


def build(
    raw_root: Path,
    out_dir: Path,
    only: Iterable[str] | None = None,
    progress: Callable[[str], None] | None = None,
    exclude: Iterable[str] | None = None,
    force: bool = False,
) -> list[dict]:
    """Build the planned datasets (all present by default); returns their manifests."""
    if not raw_root.is_dir():
        raise DataMissing(f"raw data directory not found: {raw_root}")
    manifests = []
    for n in plan(raw_root, only, exclude).names:
        if progress:
            progress(n)
        manifests.append(build_dataset(n, raw_root, out_dir, force=force))
    return manifests
