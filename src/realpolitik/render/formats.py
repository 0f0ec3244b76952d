"""Render a Result as a terminal table, JSON, CSV or Markdown (the CLI output contract).

Terminal tables fit the console width (80 columns when piped): a table whose columns cannot fit
without cutting a word is shown as one key/value block per row instead. JSON and CSV are always
complete; `columns` and the default row limit only shape the terminal table.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from realpolitik.render.cells import human, is_share
from realpolitik.result import Result

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

__all__ = ["Format", "emit", "emit_sections", "human", "is_share", "to_json", "to_csv",
           "to_markdown", "to_rich", "TABLE_ROWS"]  # fmt: skip

TABLE_ROWS = 25  # rows a terminal table shows unless --limit says otherwise
TALL_CELL = (
    6  # a cell that would wrap to more lines than this turns the table into key/value blocks
)


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


def to_json(result: Result) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2, default=str)


def to_csv(result: Result) -> str:
    """All columns and rows; missing values as empty cells, dates as ISO dates."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(result.columns)
    for rec in result.records():
        writer.writerow("" if v is None else v for v in rec.values())
    return buf.getvalue()


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _whole_columns(result: Result, rows: list[tuple[Any, ...]]) -> set[str]:
    """Integer columns that pandas turned into floats because of a missing value (1815.0, NaN):
    every value whole and at least one missing. They are shown without decimals."""
    out = set()
    for i, c in enumerate(result.columns):
        vals = [r[i] for r in rows]
        floats = [v for v in vals if isinstance(v, float)]
        if floats and None in vals and all(v.is_integer() for v in floats):
            out.add(c)
    return out


def _fit_widths(headers: Sequence[str], cells: list[list[str]], width: int) -> list[int] | None:
    """Column widths that fit `width` (2 characters between columns) without cutting a word:
    the widest columns wrap first; None when even the longest words do not fit."""
    from rich.cells import cell_len

    def longest(text: str) -> int:
        return max((cell_len(w) for w in text.split()), default=0)

    cols = range(len(headers))
    mins = [max([longest(headers[i])] + [longest(row[i]) for row in cells]) for i in cols]
    widths = [
        max([mins[i], cell_len(headers[i])] + [cell_len(row[i]) for row in cells]) for i in cols
    ]
    room = width - 2 * (len(widths) - 1)
    if sum(mins) > room:
        return None
    while sum(widths) > room:
        i = max((i for i in cols if widths[i] > mins[i]), key=lambda i: widths[i])
        widths[i] -= 1
    tallest = max(
        (cell_len(row[i]) / widths[i] for row in cells for i in cols if widths[i]), default=0
    )
    return None if tallest > TALL_CELL else widths


def _human_rows(
    result: Result, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> list[list[str]]:
    index = [result.columns.index(c) for c in columns]
    whole = _whole_columns(result, rows)
    return [[human(c, row[i], whole=c in whole) for c, i in zip(columns, index, strict=True)]
            for row in rows]  # fmt: skip


def to_markdown(result: Result) -> str:
    rows = result.rows()
    cols = result.columns
    lines = []
    if result.title:
        lines += [f"### {result.title}", ""]
    lines.append("| " + " | ".join(cols) + " |")
    lines.append("|" + "|".join("---" for _ in cols) + "|")
    for cells in _human_rows(result, cols, rows):
        lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
    lines.append("")
    lines += [f"*Note:* {n}" for n in result.notes]
    lines += [f"*Source:* {s.dataset} ({s.release}). {s.citation}" for s in result.sources]
    return "\n".join(lines) + "\n"


def _header(column: str) -> str:
    """Headers wrap at words: 'share_of_importer_imports' is shown as 'share of importer imports'."""
    return column.replace("_", " ")


def to_rich(
    result: Result, width: int = 80, columns: Sequence[str] | None = None
) -> RenderableType:
    """A table that fits `width` without cutting words, else one key/value block per row."""
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    cols = [c for c in (columns or result.columns) if c in result.columns] or result.columns
    cells = _human_rows(result, cols, result.rows())
    numeric = result.numeric()
    title = Text(result.title, style="bold") if result.title else None
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False,
                  show_edge=False, header_style="bold", padding=(0, 1, 0, 0))  # fmt: skip
    headers = [_header(c) for c in cols]
    widths = _fit_widths(headers, cells, width)
    if widths is not None:
        for c, h, w in zip(cols, headers, widths, strict=True):
            table.add_column(h, justify="right" if c in numeric else "left", width=w)
        for row in cells:
            table.add_row(*row)
        return table
    # too wide: one block per row, the key column as wide as the longest header
    blocks: list[RenderableType] = [title] if title else []
    for n, row in enumerate(cells, 1):
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True, max_width=max(len(h) for h in headers))
        grid.add_column(overflow="fold")
        for k, v in zip(headers, row, strict=True):
            grid.add_row(k, v)
        blocks += [Text(f"— {n} of {len(cells)}", style="dim"), grid] if len(cells) > 1 else [grid]
    return Group(*blocks)


def _limited(result: Result, limit: int | None, default: int | None) -> tuple[Result, int]:
    """The Result cut to the rows to show, and how many were left out; limit 0 means all."""
    n = default if limit is None else limit
    if not n or len(result) <= n:
        return result, 0
    return result.head(n), len(result) - n


def _more_note(left: int, shown: int) -> str:
    noun = "row" if left == 1 else "rows"
    return f"{left:,} more {noun} not shown (first {shown:,}; --limit 0 shows all)"


def emit(
    result: Result,
    fmt: Format | str,
    console: Console | None = None,
    *,
    columns: Sequence[str] | None = None,
    limit: int | None = None,
    table_rows: int = TABLE_ROWS,
) -> None:
    """Print a Result to stdout: JSON/CSV/Markdown complete (unless --limit), a table that fits
    (its first `table_rows` rows unless --limit; 0 for all, as for yearly series)."""
    fmt = Format(fmt)
    if fmt is not Format.table:
        shown, left = _limited(result, limit, None)
        if left:
            shown.notes = [*shown.notes, _more_note(left, len(shown))]
        text = {Format.json: to_json, Format.csv: to_csv, Format.md: to_markdown}[fmt](shown)
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    from rich.console import Console
    from rich.text import Text

    console = console or Console(soft_wrap=False)
    shown, left = _limited(result, limit, table_rows)
    if shown.empty:
        console.print(
            Text.assemble((result.title, "bold"), " (no rows)" if result.title else "(no rows)")
        )
    else:
        console.print(to_rich(shown, console.width, columns))
    notes = list(result.notes)
    if left:
        notes.append(_more_note(left, len(shown)))
    hidden = [c for c in result.columns if columns and c not in columns]
    if hidden and not shown.empty:
        notes.append(f"{len(hidden)} more columns in --format json or csv: {', '.join(hidden)}")
    for n in notes:
        console.print(Text.assemble(("note: ", "yellow"), n))
    for s in result.sources:
        console.print(Text(f"source: {s.dataset} ({s.release}) — {s.citation}", style="dim"))


def emit_sections(
    sections: dict[str, Result],
    query: dict[str, Any],
    fmt: Format | str,
    *,
    columns: dict[str, Sequence[str]] | None = None,
    limit: int | None = None,
) -> None:
    """Print several Results: JSON as one object {"query", "sections": {name: result}}, others in turn."""
    fmt = Format(fmt)
    if fmt is Format.json:
        body = {"query": query, "sections": {name: r.to_dict() for name, r in sections.items()}}
        print(json.dumps(body, ensure_ascii=False, indent=2, default=str))
        return
    for name, result in sections.items():
        if fmt is Format.csv:
            print(f"# {name}")
        emit(result, fmt, columns=(columns or {}).get(name), limit=limit)
        if fmt is not Format.md:
            print()
