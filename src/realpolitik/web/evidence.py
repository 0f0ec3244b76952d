"""A checked claim in words for its evidence card: who is who, period, claimed value, the verdict
on the release current at the article date, every window, each source with its release."""

from __future__ import annotations

from typing import Any

from realpolitik.web.labels import claim_type, dataset

PERIOD_SOURCES = {
    "default": "no period in the text: the latest five years",
    "latest data": "no period in the text: the latest year with data",
    "explicit": "period stated in the text",
    "anaphor": "period of an earlier sentence",
    "paragraph": "period stated earlier in the paragraph",
    "article": "the article's date",
    "previous window": "the five years before",
}


def _name(cid: Any) -> str:
    if not cid:
        return ""
    from realpolitik.countries import try_resolve

    c = try_resolve(str(cid))
    return c.name if c is not None else str(cid)


def _about(c: dict[str, Any]) -> str:
    """Who is who in the claim: "recipient Azerbaijan; supplier Israel", or the group it is about."""
    from realpolitik.analyses.claims.claims import TYPES

    roles = TYPES.get(str(c.get("type")), ("state", "state"))
    parts = [
        f"{role} {_name(cid)}" if role not in ("state", "–") else _name(cid)
        for role, cid in zip(roles, (c.get("subject"), c.get("object")), strict=True)
        if cid and role
    ]
    claimed = c.get("claimed") if isinstance(c.get("claimed"), dict) else {}
    kind = str(claimed.get("kind") or "")
    if claimed.get("region"):
        parts.append(f"{kind} in the {claimed['region']}".strip())
    elif claimed.get("top"):
        parts.append(f"the {claimed['top']} largest {kind}".replace("  ", " "))
    elif claimed.get("members"):
        parts.append(", ".join(_name(m) for m in claimed["members"]))
    return "; ".join(p for p in parts if p)


def _period(p: Any) -> str:
    if not isinstance(p, dict):
        return str(p) if p else ""
    start, end = p.get("start"), p.get("end")
    span = f"{start}" if start == end else f"{start}–{end}"
    source = str(p.get("source") or "")
    why = PERIOD_SOURCES.get(source, source)
    return f"{span} ({why})" if why else span


def _rank(w: dict[str, Any]) -> str:
    """A rank window; oil producers have two standard rankings and a rank holds in either."""
    if "rank_kbd" in w or "rank_twh" in w:
        by = [
            f"{w[k]} by {unit}" if w.get(k) is not None else f"– by {unit}"
            for k, unit in (("rank_kbd", "volume"), ("rank_twh", "energy"))
        ]
        return "rank " + ", ".join(by)
    return f"rank {w['rank']}" if w.get("rank") is not None else "no data"


def _value(w: dict[str, Any]) -> str:
    if w.get("share") is not None:
        return f"{float(w['share']):.1f} %"
    if w.get("change") is not None:
        return f"{float(w['change']):+.1f} %"
    if "rank" in w or "rank_kbd" in w:
        return _rank(w)
    if w.get("value") is not None:
        return str(w["value"])
    return "no data"


def _window(w: dict[str, Any]) -> dict[str, str]:
    holds = {True: "yes", False: "no", None: "no data"}.get(w.get("holds"), str(w.get("holds")))
    extra = [t for t, on in (("mirror data", w.get("mirror")),
                             ("after the article", w.get("after_article"))) if on]  # fmt: skip
    if w.get("source"):
        extra.insert(0, dataset(str(w["source"])))
    return {
        "period": str(w.get("period") or w.get("year") or ""),
        "value": _value(w) + (f" ({', '.join(extra)})" if extra else ""),
        "holds": holds,
        "css": "holds" if w.get("holds") else "",
    }


def _published(c: dict[str, Any]) -> dict[str, str] | None:
    """The verdict on the SIPRI release that was current at the article date, when that release is
    not today's data (`differs`: the verdicts differ, so the card shows both)."""
    p = c.get("verdict_as_published")
    if not isinstance(p, dict) or p.get("same_as_current_data") or not p.get("verdict"):
        return None
    ev = c.get("evidence") if isinstance(c.get("evidence"), dict) else {}
    said = any(
        str(n).startswith("as published") for n in ev.get("notes") or []
    )  # its figure is a note
    differs = p["verdict"] != c.get("verdict")
    return {"verdict": str(p["verdict"]), "release": str(p.get("release") or ""), "differs": differs,
            "summary": "" if said or not differs else str(p.get("summary") or "")}  # fmt: skip


def claim_view(c: dict[str, Any]) -> dict[str, Any]:
    """The claim dict plus fields in words (the raw fields stay for the JSON download)."""
    ev = c.get("evidence") if isinstance(c.get("evidence"), dict) else {}
    claimed = c.get("claimed")
    sources = [
        f"{dataset(str(s.get('dataset', '')))}, {s['release']}"
        if s.get("release")
        else dataset(str(s.get("dataset", "")))
        for s in c.get("sources") or []
        if isinstance(s, dict) and s.get("dataset")
    ]
    return {
        **c,
        "label": claim_type(str(c.get("type", ""))),
        "about": _about(c),
        "claimed_text": claimed.get("text", "")
        if isinstance(claimed, dict)
        else str(claimed or ""),
        "period_text": _period(ev.get("period_used") or c.get("period")),
        "base_text": _period(ev.get("base_period")) if ev.get("base_period") else "",
        "summary": ev.get("summary") or ("" if ev else str(c.get("evidence") or "")),
        "tolerance": str(ev.get("tolerance") or ""),
        "published": _published(c),
        "windows": [_window(w) for w in ev.get("windows") or [] if isinstance(w, dict)],
        "notes": [str(n) for n in ev.get("notes") or []],
        "reproduce": str(ev.get("query") or ""),
        "settle": str(ev.get("settle") or ""),
        "source_names": sources,
    }
