"""A checked article: JSON (the output contract), a terminal table, Markdown and an HTML report."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from typing import Any

from realpolitik.analyses.claims.extract import CheckTimeout, Claim, extract
from realpolitik.analyses.claims.reader import Document

VERDICT_STYLE = {
    "supported": "green",
    "contradicted": "red",
    "mixed": "yellow",
    "unverifiable": "bright_black",
}
VERDICT_COLOUR = {
    "supported": "#d9f2d9",
    "contradicted": "#f8d7da",
    "mixed": "#fff3cd",
    "unverifiable": "#e2e3e5",
}


@dataclass
class ClaimReport:
    """The document, its claims with verdicts and evidence, and the union of their sources."""

    document: Document
    claims: list[Claim] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(VERDICT_STYLE, 0)
        for c in self.claims:
            out[c.verdict] = out.get(c.verdict, 0) + 1
        return out

    def to_dict(self) -> dict[str, Any]:
        """{"document": {...}, "claims": [...], "summary": {...}} — spans index document.text."""
        return {
            "document": self.document.to_dict(),
            "claims": [c.to_dict() for c in self.claims],
            "summary": self.counts(),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, default=str)

    def to_markdown(self) -> str:
        d = self.document
        lines = [
            f"### Claims in {d.title or d.source}",
            "",
            f"Article date {d.date.isoformat()} (from {d.date_source}).",
            "",
        ]
        lines += ["| # | claim | type | period | verdict | evidence |", "|---|---|---|---|---|---|"]
        for i, c in enumerate(self.claims, 1):
            cells = [
                str(i),
                " ".join(c.text.split()),
                c.type,
                _period_text(c),
                f"**{c.verdict}**",
                c.evidence.get("summary", ""),
            ]
            lines.append(
                "| " + " | ".join(x.replace("|", "\\|").replace("\n", " ") for x in cells) + " |"
            )
        lines.append("")
        lines += [f"*Source:* {s}" for s in _sources(self.claims)]
        return "\n".join(lines) + "\n"

    def to_rich(self) -> Any:
        from rich.table import Table

        d = self.document
        table = Table(
            title=f"Claims — article date {d.date.isoformat()} (from {d.date_source})",
            title_justify="left",
            show_lines=True,
        )
        for col in ("#", "claim", "type", "period", "verdict", "evidence"):
            table.add_column(col, overflow="fold")
        for i, c in enumerate(self.claims, 1):
            style = VERDICT_STYLE.get(c.verdict, "")
            table.add_row(
                str(i),
                " ".join(c.text.split()),
                c.type,
                _period_text(c),
                f"[{style}]{c.verdict}[/{style}]",
                c.evidence.get("summary", ""),
            )
        return table

    def to_html(self) -> str:
        """Standalone HTML: the escaped text with each claim highlighted, verdict and evidence beside it."""
        d = self.document
        text = d.text
        parts: list[str] = []
        pos = 0
        for i, c in enumerate(sorted(self.claims, key=lambda c: c.span), 1):
            a, b = c.span
            if a < pos:
                continue
            parts.append(html.escape(text[pos:a]))
            parts.append(
                f'<mark class="{c.verdict}" id="c{i}" title="{html.escape(c.verdict)}: {html.escape(c.evidence.get("summary", ""))}">'
                f"{html.escape(text[a:b])}<sup>{i}</sup></mark>"
            )
            pos = b
        parts.append(html.escape(text[pos:]))
        body = "".join(parts).replace("\n\n", "</p><p>")
        side = []
        for i, c in enumerate(sorted(self.claims, key=lambda c: c.span), 1):
            wins = [w for w in c.evidence.get("windows", []) if w.get("holds") is not None]
            held = ", ".join(w["period"] for w in wins if w["holds"])
            notes = "".join(f"<li>{html.escape(str(n))}</li>" for n in c.evidence.get("notes", []))
            settle = c.evidence.get("settle")
            side.append(
                f'<div class="claim {c.verdict}"><a href="#c{i}"><b>{i}</b></a> <span class="v">{html.escape(c.verdict)}</span> '
                f"<code>{html.escape(c.type)}</code> {html.escape(str(c.subject))}"
                f"{' → ' + html.escape(str(c.object)) if c.object else ''} · {html.escape(_period_text(c))}"
                f"<p>{html.escape(c.evidence.get('summary', ''))}</p>"
                + (f"<p class='w'>holds in: {html.escape(held)}</p>" if held else "")
                + (f"<p class='w'>would settle it: {html.escape(settle)}</p>" if settle else "")
                + (f"<ul>{notes}</ul>" if notes else "")
                + "</div>"
            )
        css = (
            "body{font-family:system-ui,sans-serif;margin:0;display:flex;gap:2rem;padding:1.5rem;line-height:1.5}"
            "main{flex:3}aside{flex:2;font-size:.9rem}mark{padding:0 .15em;border-radius:3px}"
            + "".join(f"mark.{k},div.{k}{{background:{v}}}" for k, v in VERDICT_COLOUR.items())
            + "div.claim{padding:.5rem .75rem;margin-bottom:.6rem;border-radius:4px}.v{font-weight:bold;text-transform:uppercase}"
            ".w{color:#444;margin:.2rem 0}code{font-size:.85em}"
        )
        counts = ", ".join(f"{v} {k}" for k, v in self.counts().items() if v)
        src = "".join(f"<li>{html.escape(s)}</li>" for s in _sources(self.claims))
        return (
            "<!doctype html><html><head><meta charset='utf-8'>"
            f"<title>Claim check: {html.escape(d.title or d.source)}</title><style>{css}</style></head><body>"
            f"<main><h1>{html.escape(d.title or 'Claim check')}</h1>"
            f"<p><small>Article date {d.date.isoformat()} (from {html.escape(d.date_source)}) · {len(self.claims)} claims: {html.escape(counts)}</small></p>"
            f"<p>{body}</p></main><aside><h2>Verdicts</h2>{''.join(side)}<h3>Sources</h3><ul>{src}</ul></aside></body></html>\n"
        )


def _period_text(c: Claim) -> str:
    p = c.period
    if not p:
        return "–"
    s, e = p.get("start"), p.get("end")
    span = str(s) if s == e else f"{s}–{e}"
    return f"{span} ({p.get('source', '')})"


def _sources(claims: list[Claim]) -> list[str]:
    seen: dict[str, str] = {}
    for c in claims:
        for s in c.sources:
            seen.setdefault(s["dataset"], f"{s['dataset']} ({s['release']}). {s['citation']}")
    return list(seen.values())


def build_report(doc: Document, verify: bool = True, deadline: float | None = None) -> ClaimReport:
    """Extract every claim of a document and verify each against the store.

    `deadline` is a time.monotonic() value; past it, CheckTimeout is raised."""
    claims = extract(doc.text, doc.date, deadline)
    if verify and claims:
        import time

        from realpolitik.analyses.claims.verify import session
        from realpolitik.analyses.claims.verify import verify as _verify

        with session():
            for c in claims:
                if deadline is not None and time.monotonic() > deadline:
                    raise CheckTimeout("the claim check ran past its time limit")
                _verify(c, doc.date)
    return ClaimReport(doc, claims)
