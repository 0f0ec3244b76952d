"""Render a Result as a rich table, JSON, CSV or Markdown (the CLI output contract)."""

from __future__ import annotations

import io
import json
import math
from enum import StrEnum
from typing import Any

import pandas as pd
from rich.console import Console
from rich.table import Table

from realpolitik.result import Result


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


def is_share(column: str) -> bool:
    """Columns holding fractions 0–1, shown as percentages in human formats."""
    return column == "share" or column.endswith("_share") or column.startswith("share_")


def human(column: str, value: Any) -> str:
    """One cell for people: shares as 'xx.x %', floats to 1 decimal, missing as '–'."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if is_share(column) and isinstance(value, (int, float)):
        return f"{100 * value:.1f} %"
    if isinstance(value, float):
        return f"{value:,.1f}" if abs(value) >= 1 or value == 0 else f"{value:.3g}"
    return str(value)


def to_json(result: Result) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2, default=str)


def to_csv(result: Result) -> str:
    buf = io.StringIO()
    result.frame.to_csv(buf, index=False)
    return buf.getvalue()


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(result: Result) -> str:
    cols = [str(c) for c in result.frame.columns]
    lines = []
    if result.title:
        lines += [f"### {result.title}", ""]
    lines.append("| " + " | ".join(cols) + " |")
    lines.append("|" + "|".join("---" for _ in cols) + "|")
    for row in result.frame.itertuples(index=False):
        lines.append(
            "| " + " | ".join(_md_cell(human(c, v)) for c, v in zip(cols, row, strict=True)) + " |"
        )
    lines.append("")
    lines += [f"*Note:* {n}" for n in result.notes]
    lines += [f"*Source:* {s.dataset} ({s.release}). {s.citation}" for s in result.sources]
    return "\n".join(lines) + "\n"


def to_rich(result: Result) -> Table:
    table = Table(title=result.title or None, title_justify="left")
    numeric = {c for c in result.frame.columns if pd.api.types.is_numeric_dtype(result.frame[c])}
    for c in result.frame.columns:
        table.add_column(str(c), justify="right" if c in numeric else "left")
    for row in result.frame.itertuples(index=False):
        table.add_row(*(human(str(c), v) for c, v in zip(result.frame.columns, row, strict=True)))
    return table


def emit(result: Result, fmt: Format | str, console: Console | None = None) -> None:
    """Print a Result to stdout in the requested format."""
    fmt = Format(fmt)
    console = console or Console(soft_wrap=False)
    if fmt is Format.json:
        print(to_json(result))
    elif fmt is Format.csv:
        print(to_csv(result), end="")
    elif fmt is Format.md:
        print(to_markdown(result), end="")
    else:
        if result.frame.empty:
            console.print("(no rows)")
        else:
            console.print(to_rich(result))
        for n in result.notes:
            console.print(f"[yellow]note:[/yellow] {n}", highlight=False)
        for s in result.sources:
            console.print(
                f"[dim]source: {s.dataset} ({s.release}) — {s.citation}[/dim]", highlight=False
            )


def emit_sections(sections: dict[str, Result], query: dict[str, Any], fmt: Format | str) -> None:
    """Print several Results: JSON as one object {"query", "sections": {name: result}}, others in turn."""
    fmt = Format(fmt)
    if fmt is Format.json:
        body = {"query": query, "sections": {name: r.to_dict() for name, r in sections.items()}}
        print(json.dumps(body, ensure_ascii=False, indent=2, default=str))
        return
    for name, result in sections.items():
        if fmt is Format.csv:
            print(f"# {name}")
        emit(result, fmt)
        if fmt is not Format.md:
            print()
