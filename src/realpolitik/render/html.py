"""A Result as HTML for Jupyter: its table (cells formatted as in the terminal), notes, sources and,
where the Result has one, its chart as inline SVG (rendered offline by vl-convert)."""

from __future__ import annotations

from html import escape

from realpolitik.render.cells import human
from realpolitik.result import Result

HTML_ROWS = 50  # rows shown in a notebook; .frame holds them all


def _table(result: Result, rows: int) -> str:
    cols = result.columns
    numeric = result.numeric()
    shown = result.head(rows) if len(result) > rows else result
    head = "".join(f"<th>{escape(c)}</th>" for c in cols)
    body = []
    for row in shown.rows():
        cells = "".join(
            f'<td style="text-align:{"right" if c in numeric else "left"}">'
            f"{escape(human(c, v))}</td>"
            for c, v in zip(cols, row, strict=True)
        )
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _chart(result: Result) -> str:
    """The chart as inline SVG, or a line saying why it could not be drawn (never an exception)."""
    try:
        spec = result.chart_spec()
        if spec is None:
            return ""
        from realpolitik.render.charts import to_svg

        return f"<div>{to_svg(spec)}</div>"
    except Exception as e:  # noqa: BLE001 - a chart must never hide the table
        return f"<p><em>chart not drawn: {escape(type(e).__name__)}: {escape(str(e))}</em></p>"


def result_html(result: Result, rows: int = HTML_ROWS) -> str:
    """Title, chart, table (first `rows` rows), notes and sources as one HTML fragment."""
    parts = ["<div class='realpolitik-result'>"]
    if result.title:
        parts.append(f"<h4>{escape(result.title)}</h4>")
    parts.append(_chart(result))
    parts.append("<p><em>no rows</em></p>" if result.empty else _table(result, rows))
    notes = list(result.notes)
    if len(result) > rows:
        notes.append(f"{len(result) - rows:,} more rows not shown (all are in .frame)")
    if notes:
        items = "".join(f"<li>{escape(n)}</li>" for n in notes)
        parts.append(f"<p><strong>Notes</strong></p><ul>{items}</ul>")
    if result.sources:
        items = "".join(
            f"<li>{escape(s.dataset)} ({escape(s.release)}) — {escape(s.citation)}"
            + (
                f' <a href="{escape(s.url)}">{escape(s.url)}</a>'
                if s.url.startswith(("https://", "http://"))
                else ""
            )
            + (f"; licence: {escape(s.licence)}" if s.licence else "")
            + "</li>"
            for s in result.sources
        )
        parts.append(f"<p><strong>Sources</strong></p><ul>{items}</ul>")
    parts.append("</div>")
    return "".join(parts)
