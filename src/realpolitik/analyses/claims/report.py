"""A checked article: JSON (the output contract), a terminal table, Markdown, an HTML page, a notebook
fragment (``_repr_html_``) and the stage-by-stage account that ``check --explain`` prints."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from typing import Any

from realpolitik.analyses.claims.extract import Analysis, CheckTimeout, Claim, analyse
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
    """The document, its claims with verdicts and evidence, and the reading stages behind them."""

    document: Document
    claims: list[Claim] = field(default_factory=list)
    analysis: Analysis | None = None

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

    def explain(self) -> dict[str, Any]:
        """Every stage's output, sentence by sentence (sentences with nothing found are left out)."""
        stages = self.analysis.to_dict() if self.analysis is not None else {"sentences": []}

        def key(span: Any, typ: str, subj: Any, obj: Any, period: Any) -> tuple[Any, ...]:
            return (tuple(span), typ, subj, obj, (period or {}).get("start"))

        # claims share spans (list items, one rank in two periods): match on the roles too
        done_by = {key(c.span, c.type, c.subject, c.object, c.period): c for c in self.claims}
        for s in stages["sentences"]:
            for c in s["claims"]:
                done = done_by.get(
                    key(c["span"], c["type"], c.get("subject"), c.get("object"), c.get("period"))
                )
                if done is not None:
                    c["verdict"] = done.verdict
                    c["evidence"] = {
                        k: done.evidence.get(k) for k in ("summary", "tolerance", "period_used")
                    }
        return {
            "document": {k: v for k, v in self.document.to_dict().items() if k != "text"},
            **stages,
        }

    def explain_text(self) -> str:
        """The explain account as plain text: per sentence, each stage on its own lines."""
        out = []
        for s in self.explain()["sentences"]:
            out.append(f"§ {s['text']}")
            if len(s["clauses"]) > 1:
                out.append(
                    "  1 segment   " + " | ".join(self.document.text[a:b] for a, b in s["clauses"])
                )
            ms = [
                f"{m['text']}={m['id'] or m['form']}"
                + ("'s" if m.get("possessive") else "")
                + (" (not a state here)" if m.get("blocked") else "")
                for m in s["mentions"]
            ]
            out.append("  2 mentions  " + ", ".join(ms))
            for k, vals in s["quantities"].items():
                out.append(f"    {k:9} " + ", ".join(f"{q['text']!r}" for q in vals))
            for f in s["frames"]:
                val = f["value"].get(
                    "value",
                    f["value"].get("rank", f["value"].get("designation", f["value"].get("km", ""))),
                )
                who = f"{f['owner'] or '–'} ← {f['theme'] or '–'}"
                per = (
                    f"{f['period']['start']}–{f['period']['end']} ({f['period']['source']})"
                    if f.get("period")
                    else "default period"
                )
                neg = " not" if f.get("negated") or f["value"].get("negated") else ""
                out.append(
                    f"  3 frame     {f['kind']}/{f['metric']}/{f['scope']}/{f['side'] or '–'} {who}{neg} {f['value'].get('comparator', '')} {val} · {per} [{f['rule']}]"
                )
            for c in s["claims"]:
                out.append(
                    f"  4 claim     {c['type']} {c['subject']} {c['object'] or ''} → {c.get('verdict', '?')}"
                )
                ev = c.get("evidence") or {}
                if ev.get("summary"):
                    out.append(f"  5 verify    {ev['summary']}")
                if ev.get("tolerance"):
                    out.append(f"              tolerance: {ev['tolerance']}")
            out.append("")
        return "\n".join(out)

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
                _evidence_line(c),
            ]
            lines.append(
                "| " + " | ".join(x.replace("|", "\\|").replace("\n", " ") for x in cells) + " |"
            )
        lines.append("")
        lines += [f"*Source:* {s}" for s in _sources(self.claims)]
        return "\n".join(lines) + "\n"

    def to_rich(self, width: int | None = None) -> Any:
        """The claims as a rich table, or — narrower than WIDE columns — one block per claim
        (verdict, type and period on a line, then the quoted claim, evidence and tolerance)."""
        if width is not None and width < WIDE:
            return self._rich_blocks()
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
                _evidence_line(c),
            )
        return table

    def _rich_blocks(self) -> Any:
        from rich.console import Group
        from rich.padding import Padding
        from rich.text import Text

        d = self.document
        parts: list[Any] = [
            Text(f"Claims — article date {d.date.isoformat()} (from {d.date_source})", style="bold")
        ]
        for i, c in enumerate(self.claims, 1):
            head = Text(f"{i:>2}  ")
            head.append(c.verdict, style=VERDICT_STYLE.get(c.verdict, ""))
            head.append(f"  {c.type} · {_period_text(c)}", style="dim")
            parts.append(Text(""))
            parts.append(head)
            body = Text(overflow="fold")
            body.append("“" + " ".join(c.text.split()) + "”\n", style="italic")
            body.append(c.evidence.get("summary", ""))
            tol = c.evidence.get("tolerance")
            if tol:
                body.append("\ntolerance: " + tol, style="dim")
            parts.append(Padding(body, (0, 0, 0, 4)))
        return Group(*parts)

    def _highlighted(self) -> str:
        """The escaped text with every claim span marked; overlapping claims share the marked piece."""
        text = self.document.text
        order = sorted(range(len(self.claims)), key=lambda i: self.claims[i].span)
        bounds = sorted({0, len(text), *(p for c in self.claims for p in c.span)})
        ends: dict[int, list[int]] = {}
        for k, i in enumerate(order, 1):
            ends.setdefault(self.claims[i].span[1], []).append(k)
        number = {i: k for k, i in enumerate(order, 1)}
        parts = []
        for a, b in zip(bounds, bounds[1:], strict=False):
            piece = html.escape(text[a:b]).replace("\n\n", "</p><p>")
            covering = [
                i for i in order if self.claims[i].span[0] <= a and b <= self.claims[i].span[1]
            ]
            if covering:
                inner = min(covering, key=lambda i: self.claims[i].span[1] - self.claims[i].span[0])
                c = self.claims[inner]
                tip = html.escape(f"{c.verdict}: {c.evidence.get('summary', '')}", quote=True)
                ids = " ".join(f"c{number[i]}" for i in covering)
                piece = (
                    f'<mark class="rp-{c.verdict}" data-claims="{ids}" title="{tip}">{piece}</mark>'
                )
            parts.append(piece)
            if b in ends:
                parts.append("".join(f'<sup id="c{k}">{k}</sup>' for k in ends[b]))
        return "<p>" + "".join(parts) + "</p>"

    def _verdict_list(self) -> str:
        side = []
        for k, c in enumerate(sorted(self.claims, key=lambda c: c.span), 1):
            wins = [w for w in c.evidence.get("windows", []) if w.get("holds") is not None]
            held = ", ".join(str(w["period"]) for w in wins if w["holds"] and not w.get("after_article"))
            notes = "".join(f"<li>{html.escape(str(n))}</li>" for n in c.evidence.get("notes", []))
            settle = c.evidence.get("settle")
            tol = c.evidence.get("tolerance")
            side.append(
                f'<div class="rp-claim rp-{c.verdict}"><a href="#c{k}"><b>{k}</b></a> <span class="rp-v">{html.escape(c.verdict)}</span> '
                f"<code>{html.escape(c.type)}</code> {html.escape(str(c.subject or ''))}"
                f"{' → ' + html.escape(str(c.object)) if c.object else ''} · {html.escape(_period_text(c))}"
                f"<p>{html.escape(c.evidence.get('summary', ''))}</p>"
                + (f"<p class='rp-w'>tolerance: {html.escape(str(tol))}</p>" if tol else "")
                + (f"<p class='rp-w'>holds in: {html.escape(held)}</p>" if held else "")
                + (f"<p class='rp-w'>would settle it: {html.escape(settle)}</p>" if settle else "")
                + (f"<ul>{notes}</ul>" if notes else "")
                + "</div>"
            )
        return "".join(side)

    def _css(self, scope: str = "") -> str:
        return (
            f"{scope} mark{{padding:0 .15em;border-radius:3px}}"
            + "".join(f"{scope} .rp-{k}{{background:{v}}}" for k, v in VERDICT_COLOUR.items())
            + f"{scope} .rp-claim{{padding:.5rem .75rem;margin-bottom:.6rem;border-radius:4px}}{scope} .rp-v{{font-weight:bold;text-transform:uppercase}}"
            f"{scope} .rp-w{{color:#444;margin:.2rem 0}}{scope} code{{font-size:.85em}}"
        )

    def to_html(self) -> str:
        """Standalone HTML: the escaped text with each claim highlighted, verdict and evidence beside it."""
        d = self.document
        css = (
            "body{font-family:system-ui,sans-serif;margin:0;display:flex;gap:2rem;padding:1.5rem;line-height:1.5}"
            "main{flex:3}aside{flex:2;font-size:.9rem}" + self._css()
        )
        counts = ", ".join(f"{v} {k}" for k, v in self.counts().items() if v)
        src = "".join(f"<li>{html.escape(s)}</li>" for s in _sources(self.claims))
        return (
            "<!doctype html><html><head><meta charset='utf-8'>"
            f"<title>Claim check: {html.escape(d.title or d.source)}</title><style>{css}</style></head><body>"
            f"<main><h1>{html.escape(d.title or 'Claim check')}</h1>"
            f"<p><small>Article date {d.date.isoformat()} (from {html.escape(d.date_source)}) · {len(self.claims)} claims: {html.escape(counts)}</small></p>"
            f"{self._highlighted()}</main><aside><h2>Verdicts</h2>{self._verdict_list()}<h3>Sources</h3><ul>{src}</ul></aside></body></html>\n"
        )

    def _repr_html_(self) -> str:
        """A Jupyter cell: the article with claims highlighted and the verdicts below (scoped styles)."""
        d = self.document
        counts = (
            ", ".join(f"{v} {k}" for k, v in self.counts().items() if v) or "no checkable claims"
        )
        return (
            f"<div class='rp-report'><style>{self._css('.rp-report')}.rp-report{{line-height:1.5}}</style>"
            f"<p><b>{html.escape(d.title or 'Claim check')}</b> <small>· article date {d.date.isoformat()} "
            f"(from {html.escape(d.date_source)}) · {html.escape(counts)}</small></p>"
            f"<div style='max-height:28em;overflow:auto;border:1px solid #ddd;padding:.5em'>{self._highlighted()}</div>"
            f"{self._verdict_list()}</div>"
        )


WIDE = 120  # narrower consoles get one block per claim instead of the table


def _evidence_line(c: Claim) -> str:
    ev = c.evidence.get("summary", "")
    tol = c.evidence.get("tolerance")
    return f"{ev} [{tol}]" if tol else ev


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
    """Read every claim of a document and verify each against the store.

    `deadline` is a time.monotonic() value; past it, CheckTimeout is raised."""
    analysis = analyse(doc.text, doc.date, deadline) if doc.text.strip() else None
    claims = analysis.claims if analysis is not None else []
    if verify and claims:
        import time

        from realpolitik.analyses.claims.verify import session
        from realpolitik.analyses.claims.verify import verify as _verify

        with session():
            for c in claims:
                if deadline is not None and time.monotonic() > deadline:
                    raise CheckTimeout("the claim check ran past its time limit")
                _verify(c, doc.date)
    return ClaimReport(doc, claims, analysis)
