"""A checked claim in words for its evidence card: names, period, claimed value, every window."""

from __future__ import annotations

from typing import Any

from realpolitik.web.labels import claim_type

PERIOD_SOURCES = {
    "default": "no period in the text: the latest data",
    "explicit": "period stated in the text",
    "article": "the article's date",
}


def _name(cid: Any) -> str:
    if not cid:
        return ""
    from realpolitik.countries import try_resolve

    c = try_resolve(str(cid))
    return c.name if c is not None else str(cid)


def _period(p: Any) -> str:
    if not isinstance(p, dict):
        return str(p) if p else ""
    start, end = p.get("start"), p.get("end")
    span = f"{start}" if start == end else f"{start}–{end}"
    why = PERIOD_SOURCES.get(str(p.get("source")), p.get("text") or "")
    return f"{span} ({why})" if why else span


def _window(w: dict[str, Any]) -> dict[str, str]:
    if w.get("share") is not None:
        value = f"{float(w['share']):.1f} %"
    elif w.get("rank") is not None:
        value = f"rank {w['rank']}"
    elif w.get("value") is not None:
        value = str(w["value"])
    else:
        value = "no data"
    holds = {True: "yes", False: "no", None: "no data"}.get(w.get("holds"), str(w.get("holds")))
    extra = [
        t
        for t, on in (
            ("mirror data", w.get("mirror")),
            ("after the article", w.get("after_article")),
        )
        if on
    ]
    return {
        "period": str(w.get("period") or w.get("year") or ""),
        "value": value + (f" ({', '.join(extra)})" if extra else ""),
        "holds": holds,
        "css": "holds" if w.get("holds") else "",
    }


def claim_view(c: dict[str, Any]) -> dict[str, Any]:
    """The claim dict plus fields in words (the raw fields stay for the JSON download)."""
    ev = c.get("evidence") if isinstance(c.get("evidence"), dict) else {}
    claimed = c.get("claimed")
    sources = [
        s.get("dataset", "") if isinstance(s, dict) else str(s) for s in c.get("sources") or []
    ]
    return {
        **c,
        "label": claim_type(str(c.get("type", ""))),
        "subject_name": _name(c.get("subject")),
        "object_name": _name(c.get("object")),
        "claimed_text": claimed.get("text", "")
        if isinstance(claimed, dict)
        else str(claimed or ""),
        "period_text": _period(ev.get("period_used") or c.get("period")),
        "summary": ev.get("summary") or ("" if ev else str(c.get("evidence") or "")),
        "windows": [_window(w) for w in ev.get("windows") or [] if isinstance(w, dict)],
        "notes": [str(n) for n in ev.get("notes") or []],
        "reproduce": str(ev.get("query") or ""),
        "settle": str(ev.get("settle") or ""),
        "source_names": [s for s in sources if s],
    }
