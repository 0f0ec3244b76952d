"""GDELT 1.0 event files (daily exports and historical backfiles), read strictly.

Official layouts (GDELT 1.0 Event Database codebook): tab-separated, no header, no quoting. The daily
exports (from April 2013) have 58 columns ending in DATEADDED, SOURCEURL; the historical backfiles have
57 (no SOURCEURL). Both widths are accepted, row by row (files that concatenate both occur); any other
width is an error naming the line.
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pandas as pd

from realpolitik.sources.events import gdelt2

# GDELT 1.0 = the 2.0 columns without the three *_ADM2Code columns.
COLUMNS: dict[str, str] = {k: v for k, v in gdelt2.COLUMNS.items() if not k.endswith("ADM2Code")}
NAMES = list(COLUMNS)
assert len(NAMES) == 58
WIDTHS = (57, 58)


def _open_text(path: Path) -> io.TextIOBase:
    if path.suffix == ".gz":
        return io.TextIOWrapper(
            gzip.open(path, "rb"), encoding="utf-8", errors="replace", newline=""
        )
    return open(path, encoding="utf-8", errors="replace", newline="")


def parse_lines(lines: list[str], where: str = "<input>") -> pd.DataFrame:
    """Rows of GDELT 1.0 tab-separated text → DataFrame of the 58 official columns (strings, '' → null)."""
    from realpolitik.errors import UserError

    rows = []
    for n, line in enumerate(lines, 1):
        line = line.rstrip("\r\n")
        if not line:
            continue
        fields = line.split("\t")
        if len(fields) not in WIDTHS:
            raise UserError(
                f"{where}: line {n} has {len(fields)} fields; a GDELT 1.0 file has 57 or 58 "
                "tab-separated columns"
            )
        if len(fields) == 57:
            fields.append("")
        rows.append(fields)
    df = pd.DataFrame(rows, columns=NAMES, dtype=object)
    return df.replace({"": None})


def read_gdelt1(path: Path | str) -> pd.DataFrame:
    """Parse an official GDELT 1.0 file (.tsv/.CSV, optionally gzipped) into the 58 official columns."""
    from realpolitik.errors import DataMissing

    path = Path(path)
    if not path.is_file():
        raise DataMissing(f"GDELT 1.0 file not found: {path}")
    with _open_text(path) as f:
        return parse_lines(f.read().split("\n"), where=str(path))
