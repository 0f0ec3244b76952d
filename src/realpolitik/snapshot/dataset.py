"""What a source module declares so the snapshot builder can build and describe it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


class RawFormatError(ValueError):
    """A raw file that is not in its official format or fails a sanity check; the message names the
    file and says what is wrong (the builder refuses the build and keeps the old data)."""


@dataclass
class Built:
    """Output of one dataset's build: its tables, the release it read and the files it used."""

    tables: dict[str, pd.DataFrame]
    release: str
    files: list[Path]
    coverage: dict[str, tuple[int, int]] = field(
        default_factory=dict
    )  # table -> (first, last year)
    notes: list[str] = field(default_factory=list)
    # table -> rows per Parquet row group, for a table sorted by the key queries filter on: small groups
    # let DuckDB skip most of the file (default: the writer's, one group for most tables)
    row_groups: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Dataset:
    """One upstream dataset: how to build it from raw files and how to cite it.

    `build(raw_root)` receives the root of the raw tree (e.g. shared/data/raw) and reads its own
    sub-folder in the official published format. Table names are global view names in the store.
    Optional hooks return the reasons to refuse a build: `check(built)` sanity checks of the new
    tables on their own, `compare(built, previous)` checks against the folder of the build they
    would replace (skipped with --force).
    """

    name: str
    title: str
    build: Callable[[Path], Built]
    citation: str
    url: str
    licence: str
    bibtex: str = ""
    check: Callable[[Built], list[str]] | None = None
    compare: Callable[[Built, Path], list[str]] | None = None
