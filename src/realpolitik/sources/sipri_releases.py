"""Past annual releases of the SIPRI Arms Transfers Database, read side by side.

`raw/sipri_releases/<release-year>/<owner>__<repo>/<file>` holds copies of one release's exports. The
format of each file is recognised from its first lines:
- per-recipient TIV tables ("TIV of arms exports to <recipient>, 1950-YYYY": despite the title, the
  recipient's imports by supplier and year; one file per recipient; the 2016 release);
- per-supplier TIV tables ("TIV of arms exports from <supplier>"; the 2022 release in raw/sipri);
- the per-delivery export ("SIPRI AT Database ID,…"; the 2024 release, in two files 1950–1989 and
  1990–2023 that are simply concatenated).
Deal registers and importer/exporter totals are recognised and not read: the dyad-year table comes
from the formats above, and a release uses one format only (the most detailed it has).
The release is the one the files' "Generated:" dates name (`sipri.release_of`); it must agree with
the folder's year.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

from realpolitik.snapshot.dataset import RawFormatError
from realpolitik.sources import sipri

IMPORT_TITLE = re.compile(r"TIV of arms exports to (.+?), (\d{4})-(\d{4})")
FORMATS = {  # format -> how detailed (the most detailed format of a release is used)
    "per-delivery export": 3,
    "per-recipient TIV tables": 2,
    "per-supplier TIV tables": 1,
}
COLUMNS = ["supplier", "recipient", "year", "tiv"]


@dataclass
class ReleaseRows:
    """One release's dyad-year TIV (supplier, recipient, year, tiv) and where it came from."""

    release: str
    generated: datetime
    format: str
    frame: pd.DataFrame
    files: list[Path]


def sniff(path: Path) -> str | None:
    """The SIPRI format of a file from its first lines, or None if it is not a SIPRI export."""
    try:
        head = path.read_bytes()[:4096].decode("latin-1")
    except OSError:
        return None
    first = head.splitlines()[0] if head else ""
    if "TIV of arms exports to " in first:
        return "per-recipient TIV tables"
    if "TIV of arms exports from " in first:
        return "per-supplier TIV tables"
    if "\nSIPRI AT Database ID," in head:
        return "per-delivery export"
    if "\nRecipient,Supplier,Year of order" in head:
        return "deal register"
    if "Volume of transfers" in head or re.search(r"\n(Recipient|Exports by),1950,", head):
        return "totals"
    return None


def read_tiv_import_table(path: Path) -> tuple[pd.DataFrame, datetime | None]:
    """One old per-recipient table as long rows (supplier, recipient, year, tiv).

    Layout: title, 'Generated:' line, notes, then a header of two empty cells and the years; data rows
    have an empty first cell, the supplier, one cell per year and a row total; a 'Total' row ends it."""
    text = path.read_text(encoding="latin-1")
    lines = text.splitlines()
    title = IMPORT_TITLE.search(lines[0] if lines else "")
    if not title:
        raise RawFormatError(f"{path.name}: not a SIPRI 'TIV of arms exports to …' table")
    try:
        header_at = next(i for i, line in enumerate(lines) if re.match(r"^,,\s*\d{4},", line))
    except StopIteration:
        raise RawFormatError(f"{path.name}: no year header line (',,1950,…')") from None
    rows = list(csv.reader(io.StringIO("\n".join(lines[header_at:]))))
    header = rows[0]
    year_cols = [(i, int(h)) for i, h in enumerate(header) if h.strip().isdigit()]
    width = len(header)
    first, last = int(title.group(2)), int(title.group(3))
    if [y for _, y in year_cols] != list(range(first, last + 1)):
        raise RawFormatError(
            f"{path.name}: year columns do not run {first}–{last} as its title says"
        )
    recipient = title.group(1).strip()
    records, seen, total_row = [], set(), False
    for n, row in enumerate(rows[1:], start=header_at + 2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != width:
            raise RawFormatError(
                f"{path.name}: line {n} has {len(row)} fields, expected {width} (truncated or damaged)"
            )
        name = row[1].strip()
        if name == "Total":
            total_row = True
            continue
        if not name:
            raise RawFormatError(f"{path.name}: line {n} has no supplier name")
        if name in seen:
            raise RawFormatError(f"{path.name}: supplier {name!r} appears twice")
        seen.add(name)
        for i, year in year_cols:
            cell = row[i].strip()
            if cell:
                try:
                    records.append((name, recipient, year, float(cell)))
                except ValueError:
                    raise RawFormatError(
                        f"{path.name}: line {n}, {year}: {cell!r} is not a TIV value"
                    ) from None
    if not total_row:
        raise RawFormatError(f"{path.name}: no 'Total' row at the end (truncated file?)")
    return pd.DataFrame(records, columns=COLUMNS), sipri.generated_date(
        "\n".join(lines[:header_at])
    )


def _read_format(fmt: str, files: list[Path]) -> tuple[pd.DataFrame, list[datetime | None]]:
    parts, dates = [], []
    if fmt == "per-delivery export":
        for f in files:
            df, gen = sipri.read_deliveries(f)
            parts.append(df.assign(_file=f.name))
            dates.append(gen)
        rows = pd.concat(parts, ignore_index=True)
        sipri.check_unique_deliveries(rows, " + ".join(f.name for f in files))
        frame = rows.groupby(["supplier", "recipient", "year"], as_index=False)["tiv"].sum()
        return frame[COLUMNS], dates
    reader = read_tiv_import_table if fmt == "per-recipient TIV tables" else sipri.read_tiv_table
    for f in files:
        df, gen = reader(f)
        parts.append(df[COLUMNS])
        dates.append(gen)
    return pd.concat(parts, ignore_index=True), dates


def read_release_folder(folder: Path) -> ReleaseRows | None:
    """The dyad-year rows of the release in folder (its most detailed format), or None if it has none."""
    by_format: dict[str, list[Path]] = {}
    for f in sorted(p for p in folder.rglob("*.csv") if p.is_file()):
        fmt = sniff(f)
        if fmt in FORMATS:
            by_format.setdefault(fmt, []).append(f)
    if not by_format:
        return None
    fmt = max(by_format, key=FORMATS.__getitem__)
    files = by_format[fmt]
    frame, dates = _read_format(fmt, files)
    releases = {sipri.release_of(d) for d in dates}
    if len(releases) != 1 or None in dates:
        raise RawFormatError(
            f"{folder.name}: its {fmt} files name releases {sorted(map(str, releases))} "
            "(each needs a 'Generated:' date of the same release)"
        )
    release = releases.pop()
    if release != folder.name:
        raise RawFormatError(
            f"{folder}: files generated {min(d for d in dates if d):%Y-%m-%d} belong to release "
            f"{release}, not {folder.name}"
        )
    frame["year"] = frame["year"].astype("int32")
    return ReleaseRows(release, max(d for d in dates if d), fmt, frame, files)


def read_releases(root: Path, skip: set[str] = frozenset()) -> list[ReleaseRows]:
    """Every release folder under root (raw/sipri_releases) except the release years in skip."""
    if not root.is_dir():
        return []
    out = []
    for folder in sorted(
        p for p in root.iterdir() if p.is_dir() and re.fullmatch(r"\d{4}", p.name)
    ):
        if folder.name in skip:
            continue
        rows = read_release_folder(folder)
        if rows is not None:
            out.append(rows)
    return out
