"""Brief renderers: rich terminal, Markdown, self-contained HTML (inline SVG charts), JSON.

Every rendering leads with the relationship; tables show their first rows (latest first, as the
text reads them) and say how many more there are.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from realpolitik.analyses.brief.model import Brief
from realpolitik.analyses.relations.reading import pacts
from realpolitik.render.formats import human

MD_ROWS = 15
HTML_ROWS = 40


def to_json(b: Brief) -> str:
    return json.dumps(b.to_dict(), ensure_ascii=False, indent=2, default=str)


def _relationship_lines(b: Brief) -> list[str]:
    r = b.relationship
    if r is None:
        return []
    out = [
        f"Type: {r.type} (rule {r.rule}: {r.rule_text})"
        + (f"; in {r.year}, the fighting ended that year" if r.war_over else f"; since {r.since}" if r.since else "")
    ]
    hostile = [f"{s.years()}: {s.label}" for s in r.spells if s.kind in {"rivalry", "war", "conflict"}]
    together: dict[str, list[str]] = {}  # pacts of the same years in one line (reading.pacts)
    for s in r.spells:
        if s.kind in {"alliance", "cobelligerent"}:
            together.setdefault(s.years(), []).append(s.label)
    return out + hostile + [f"{y}: {t}" for y, ls in together.items() for t in pacts(ls)]


LATEST_BY = ("year", "start", "order_year", "first_year", "period")


def latest_first(frame):  # -> pd.DataFrame
    """The rows latest first, as the brief's text reads them (by the first date column a table has)."""
    col = next((c for c in LATEST_BY if c in frame.columns), None)
    return (
        frame
        if col is None
        else frame.sort_values(col, ascending=False, kind="stable", na_position="last")
    )


def _more(n: int, shown: int) -> str:
    return f"{n - shown} more row{'s' if n - shown != 1 else ''} not shown (see the JSON or CSV output)."


def _md_table(t, limit: int) -> list[str]:
    cols = [str(x) for x in t.frame.columns]
    out = [
        f"**{t.title}**",
        "",
        "| " + " | ".join(cols) + " |",
        "|" + "|".join("---" for _ in cols) + "|",
    ]
    for row in latest_first(t.frame).head(limit).itertuples(index=False):
        cells = (
            human(c, v).replace("|", "\\|").replace("\n", " ")
            for c, v in zip(cols, row, strict=True)
        )
        out.append("| " + " | ".join(cells) + " |")
    if len(t.frame) > limit:
        out += ["", f"*{_more(len(t.frame), limit)}*"]
    return [*out, ""]


def to_markdown(b: Brief) -> str:
    a, c = b.a["name"], b.b["name"]
    out = [
        f"# {a} – {c}: what's in it for each side",
        "",
        f"*As of {b.as_of}; data up to {b.last_year}.*",
        "",
    ]
    if b.relationship is not None:
        out += (
            ["## Relationship", "", b.relationship.text, ""]
            + [f"- {x}" for x in _relationship_lines(b)]
            + [""]
        )
    out += ["## Summary", ""] + [f"- {s}" for s in b.summary] + [""]
    for side in (b.a, b.b) if b.shows_motives else ():
        out += [f"## What's in it for {side['name']}", ""]
        ms = b.motives.get(side["id"], [])
        out += [f"{i}. {m.text} *[{m.source}]*" for i, m in enumerate(ms, 1)] or [
            "No motive found in the data."
        ]
        out.append("")
    for s in b.sections:
        out += [f"## {s.title}", ""]
        out += [f"- {f.text} *[{f.source}]*" for f in s.facts]
        out += [f"- *Data gap:* {g}" for g in s.gaps]
        out.append("")
        for t in s.tables.values():
            if not t.frame.empty:
                out += _md_table(t, MD_ROWS)
    out += ["## Sources", ""] + [
        f"- **{s.dataset}** ({s.release}): {s.citation}" for s in b.sources
    ]
    out += ["", *[f"*{n}*" for n in b.notes], ""]
    return "\n".join(out)


CSS = """body{font:15px/1.5 system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.6em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.6em}
.src{color:#777;font-size:.85em}.gap{color:#8a5a00}.chart{margin:1em 0}.rel{background:#f5f5f0;padding:.6em 1em}
table{border-collapse:collapse;font-size:.85em;margin:.6em 0}td,th{border:1px solid #ddd;padding:.2em .5em;text-align:left}
.motives{display:grid;grid-template-columns:1fr 1fr;gap:1.5em}"""


def scoped_css(scope: str = ".rp-brief") -> str:
    """The brief's CSS with every rule under `scope` (a notebook cell must not restyle the notebook)."""
    rules = []
    for rule in CSS.replace("\n", "").split("}"):
        if "{" in rule:
            sel, body = rule.split("{", 1)
            sels = ",".join(
                scope if x.strip() == "body" else f"{scope} {x.strip()}" for x in sel.split(",")
            )
            rules.append(f"{sels}{{{body}}}")
    return "".join(rules)


def _html_table(t, limit: int) -> str:
    e = html.escape
    cols = [str(x) for x in t.frame.columns]
    parts = [
        f"<details><summary>{e(t.title)}</summary><table><tr>"
        + "".join(f"<th>{e(x)}</th>" for x in cols)
        + "</tr>"
    ]
    for row in latest_first(t.frame).head(limit).itertuples(index=False):
        parts.append(
            "<tr>"
            + "".join(f"<td>{e(human(c, v))}</td>" for c, v in zip(cols, row, strict=True))
            + "</tr>"
        )
    parts.append("</table>")
    if len(t.frame) > limit:
        parts.append(f"<p class=src>{e(_more(len(t.frame), limit))}</p>")
    parts.append("</details>")
    return "".join(parts)


def to_html(b: Brief, charts: bool = True, fragment: bool = False) -> str:
    """One self-contained HTML file (or, with fragment, a <div> for a notebook): text escaped, charts
    inlined as SVG (no scripts, no CDN)."""
    from realpolitik.render.charts import to_svg

    e = html.escape
    a, c = b.a["name"], b.b["name"]
    head = (
        [f"<div class=rp-brief><style>{scoped_css()}</style>"]
        if fragment
        else [f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{e(a)} – {e(c)} brief</title>",
              f"<style>{CSS}</style></head><body>"]
    )  # fmt: skip
    parts = [*head, f"<h1>{e(a)} – {e(c)}: what's in it for each side</h1>",
             f"<p class=src>As of {e(b.as_of)}; data up to {b.last_year}.</p>"]  # fmt: skip
    if b.relationship is not None:
        parts.append(
            f"<section id=relationship class=rel><h2>Relationship: {e(b.relationship.type)}</h2><p>{e(b.relationship.text)}</p><ul>"
        )
        parts += [f"<li>{e(x)}</li>" for x in _relationship_lines(b)]
        parts.append("</ul></section>")
    parts += [
        "<h2>Summary</h2><ul>",
        *[f"<li>{e(s)}</li>" for s in b.summary],
        "</ul><div class=motives>",
    ]
    for side in (b.a, b.b) if b.shows_motives else ():
        parts.append(f"<div><h2>What's in it for {e(side['name'])}</h2><ol>")
        ms = b.motives.get(side["id"], [])
        parts += [f"<li>{e(m.text)} <span class=src>[{e(m.source)}]</span></li>" for m in ms] or [
            "<li>No motive found in the data.</li>"
        ]
        parts.append("</ol></div>")
    parts.append("</div>")
    for s in b.sections:
        parts.append(f"<section id={e(s.key)}><h2>{e(s.title)}</h2><ul>")
        parts += [f"<li>{e(f.text)} <span class=src>[{e(f.source)}]</span></li>" for f in s.facts]
        parts += [f"<li class=gap>Data gap: {e(g)}</li>" for g in s.gaps]
        parts.append("</ul>")
        if charts:
            for name, spec in s.charts.items():
                parts.append(f"<div class=chart data-chart={e(name)}>{to_svg(spec)}</div>")
        parts += [_html_table(t, HTML_ROWS) for t in s.tables.values() if not t.frame.empty]
        parts.append("</section>")
    parts.append("<h2>Sources</h2><ul>")
    parts += [
        f"<li><b>{e(s.dataset)}</b> ({e(s.release)}): {e(s.citation)}</li>" for s in b.sources
    ]
    parts += [
        "</ul>",
        *[f"<p class=src>{e(n)}</p>" for n in b.notes],
        "</div>" if fragment else "</body></html>",
    ]
    return "\n".join(parts)


def write_pngs(b: Brief, directory: Path) -> list[Path]:
    """Every chart of the brief as a PNG file in directory."""
    from realpolitik.render.charts import to_png

    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for s in b.sections:
        for name, spec in s.charts.items():
            p = directory / f"{b.a['id']}-{b.b['id']}-{name}.png"
            p.write_bytes(to_png(spec))
            paths.append(p)
    return paths


def print_terminal(b: Brief) -> None:
    """Rich terminal rendering: relationship, summary, motives, sections with facts and gaps, notes, sources."""
    from rich.console import Console
    from rich.panel import Panel

    con = Console()
    con.print(
        Panel(
            "\n".join(f"• {s}" for s in b.summary),
            title=f"{b.a['name']} – {b.b['name']} (as of {b.as_of})",
            expand=False,
        )
    )
    if b.relationship is not None:
        con.print(f"\n[bold]Relationship: {b.relationship.type}[/bold]")
        for x in _relationship_lines(b):
            con.print(f"  {x}", highlight=False)
    for side in (b.a, b.b) if b.shows_motives else ():
        con.print(f"\n[bold]What's in it for {side['name']}[/bold]")
        ms = b.motives.get(side["id"], [])
        for i, m in enumerate(ms, 1):
            con.print(f"  {i}. {m.text} [dim]\\[{m.source}][/dim]", highlight=False)
        if not ms:
            con.print("  No motive found in the data.", highlight=False)
    for s in b.sections:
        con.print(f"\n[bold underline]{s.title}[/bold underline]")
        for f in s.facts:
            con.print(f"  • {f.text} [dim]\\[{f.source}][/dim]", highlight=False)
        for g in s.gaps:
            con.print(f"  [yellow]gap:[/yellow] {g}", highlight=False)
    if b.notes:  # what the reading rests on (data up to which year, coverage ends): as in md and html
        con.print("\n[bold]Notes[/bold]")
        for n in b.notes:
            con.print(f"  {n}", highlight=False)
    con.print("\n[bold]Sources[/bold]")
    for src in b.sources:
        con.print(f"  [dim]{src.dataset} ({src.release}): {src.citation}[/dim]", highlight=False)
