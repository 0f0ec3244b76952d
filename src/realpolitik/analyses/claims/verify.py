"""Verify extracted claims against the store: each claim → a query → supported | contradicted | mixed | unverifiable.

Period rules: an explicit period (or a year in the sentence/paragraph) is checked as written; otherwise the
latest complete 5-year window (annual data: the latest complete year) before the article date is the default.
Evidence lists every window/year so a reader sees where a claim holds. ``mixed`` = fails in the default
period but holds in some other; ``unverifiable`` = no data for the period, saying which data would settle it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from realpolitik.analyses.claims import tolerance as T
from realpolitik.analyses.claims.extract import Claim
from realpolitik.errors import UserError
from realpolitik.periods import Period
from realpolitik.result import Result, Source

WIDTH = 5

# Queries repeat within one article (the same pair, window or country); `session()` memoises them
# for the length of one check so a 2,000-word article stays fast. Outside a session nothing is kept.
_MEMO: dict[tuple[Any, ...], Any] | None = None


@contextmanager
def session() -> Iterator[None]:
    """Memoise query results while checking one document."""
    global _MEMO
    outer = _MEMO
    _MEMO = {} if outer is None else outer
    try:
        yield
    finally:
        _MEMO = outer


def _q(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call a query, reusing its result within a session (results are treated as read-only)."""
    if _MEMO is None:
        return fn(*args, **kwargs)
    key = (
        getattr(fn, "__module__", ""),
        getattr(fn, "__qualname__", repr(fn)),
        args,
        tuple(sorted(kwargs.items())),
    )
    try:
        hash(key)
    except TypeError:
        return fn(*args, **kwargs)
    if key not in _MEMO:
        _MEMO[key] = fn(*args, **kwargs)
    return _MEMO[key]


Outcome = tuple[str, dict[str, Any], list[Source]]


def _store() -> Any:
    from realpolitik.store import get_store

    return get_store()


def _missing(v: Any) -> bool:
    """None, NaN or pandas NA."""
    import pandas as pd

    try:
        return v is None or bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _name(cid: str | None) -> str:
    from realpolitik.analyses.claims.gazetteer import display_name

    return display_name(cid) if cid else "?"


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{x:.1f} %"


def _p(start: int, end: int) -> str:
    return str(start) if start == end else f"{start}–{end}"


# --- periods ------------------------------------------------------------------------------------


def default_window(
    today: date, first: int, last: int, width: int = WIDTH
) -> tuple[Period, list[str]]:
    """Latest complete `width`-year window before the article date, kept inside the data's coverage."""
    end = today.year - 1
    notes = []
    if end > last:
        notes.append(
            f"the latest complete window before {today.isoformat()} ({end - width + 1}–{end}) is beyond the data (to {last}); {last - width + 1}–{last} used"
        )
        end = last
    start = max(first, end - width + 1)
    return Period(start, max(start, end)), notes


def _period_used(claim: Claim, period: Period) -> dict[str, Any]:
    """The evidence's account of which period was checked and why (stated, sentence, default…)."""
    return {
        "start": period.start,
        "end": period.end,
        "source": claim.period.get("source") if claim.period else "default",
    }


def _stated(claim: Claim) -> Period | None:
    p = claim.period
    if not p:
        return None
    try:
        return Period(int(p["start"]), int(p["end"]))
    except (KeyError, ValueError, UserError):
        return None


def _held_before(rows: list[dict[str, Any]], start: int, end: int, today: date) -> bool:
    """Whether the claim holds in another window/year that was complete before the article date.

    Windows ending in or after the article's year are listed in the evidence (flagged) but cannot make
    a claim `mixed`: the author could not have meant them.
    """
    held = False
    for r in rows:
        r["after_article"] = r["end"] >= today.year
        if r.get("holds") and (r["start"], r["end"]) != (start, end) and not r["after_article"]:
            held = True
    return held


def _decide(default_holds: bool | None, any_other: bool, stated: bool) -> str:
    """Verdict from the claim's own period and the other windows."""
    if default_holds is None:
        return "unverifiable"
    if default_holds:
        return "supported"
    if not stated and any_other:
        return "mixed"
    return "contradicted"


def _share_ok(claim: Claim, actual_pct: float | None) -> bool | None:
    c = claim.claimed
    return T.share_holds(
        actual_pct,
        float(c["value"]),
        c["comparator"],
        c.get("form", "digits"),
        int(c.get("decimals", 0)),
    )


def _rank_ok(claim: Claim, actual: int | None) -> bool | None:
    c = claim.claimed
    return T.rank_holds(actual, int(c["rank"]), c.get("comparator", "eq"))


# --- arms ---------------------------------------------------------------------------------------

_TIV = "sipri_tiv"


def _arms_period(claim: Claim, today: date) -> tuple[Any, Period | None, Period, list[str]]:
    """Store, the stated period (if any), the period to check and its notes, for a SIPRI claim."""
    store = _store()
    first, last = store.coverage(_TIV)
    stated = _stated(claim)
    period, notes = (stated, []) if stated else default_window(today, first, last)
    return store, stated, period, notes


def _arms_windows_sql(store: Any, me: str, other: str, who: str, partner: str) -> Any:
    """Partner's share and rank of `who`'s imports (me=recipient) or exports (me=supplier) in every 5-year window."""
    from realpolitik.queries.arms import partner_windows

    return partner_windows(
        who, partner, "imports" if me == "recipient" else "exports", WIDTH, store
    )


def _global_windows_sql(store: Any, role: str, who: str) -> Any:
    """Country's share of the global total and its rank among exporters/importers in every 5-year window."""
    frame = _q(_global_windows_all, store, role)
    return frame[frame["pid"] == who].drop(columns="pid").reset_index(drop=True)


def _global_windows_all(store: Any, role: str) -> Any:
    """Every exporter's (or importer's) share and rank in every 5-year window (one query per article)."""
    from realpolitik.queries.arms import global_windows

    return global_windows(role, WIDTH, store)


def _window_rows(
    frame: Any, value: str, ok: Callable[[Any], bool | None], scale: float = 1.0
) -> list[dict[str, Any]]:
    """One evidence row per window: its period, the value (share in percent or rank) and whether the claim holds."""
    rows = []
    for r in frame.itertuples(index=False):
        v = getattr(r, value)
        v = None if _missing(v) else (float(v) * scale if value == "share" else int(v))
        rows.append(
            {
                "period": _p(r.start, r.end),
                "start": int(r.start),
                "end": int(r.end),
                value: v,
                "holds": ok(v),
            }
        )
    return rows


def _period_row(frame: Any, pid: str, col: str) -> Any:
    m = frame[frame["id"] == pid]
    return None if m.empty or _missing(m[col].iloc[0]) else m[col].iloc[0]


def _arms_share(claim: Claim, today: date, side: str) -> Outcome:
    """arms_import_share (subject = recipient) or arms_export_share (subject = supplier)."""
    from realpolitik.queries import arms

    store, stated, period, notes = _arms_period(claim, today)
    me, other = ("recipient", "supplier") if side == "import" else ("supplier", "recipient")
    who, partner = claim.subject, claim.object
    try:
        res: Result = _q(arms.suppliers if side == "import" else arms.recipients, who, period)
    except UserError as e:
        return (
            "unverifiable",
            {"notes": [str(e)], "settle": f"SIPRI arms transfers for {period}"},
            [],
        )
    total = float(res.frame["tiv"].sum()) if not res.frame.empty else 0.0
    share = _period_row(res.frame, partner, "share")
    actual = None if total == 0 else (float(share) * 100 if share is not None else 0.0)
    wf = _q(_arms_windows_sql, store, me, other, who, partner)
    rows = _window_rows(wf, "share", lambda v: _share_ok(claim, v), 100.0)
    any_other = _held_before(rows, period.start, period.end, today)
    holds = _share_ok(claim, actual)
    verdict = _decide(holds, any_other, stated is not None)
    held = [r["period"] for r in rows if r["holds"]]
    what = f"{_name(partner)}'s share of {_name(who)}'s arms {'imports' if side == 'import' else 'exports'}"
    summary = f"{what} in {period}: {_pct(actual)} (SIPRI TIV {total:,.0f} total)"
    if verdict == "mixed":
        summary += f"; the claim holds in {len(held)} of {len(rows)} five-year windows: {', '.join(held[-6:])}"
    ev = {
        "summary": summary,
        "period_used": _period_used(claim, period),
        "actual": {
            "share": actual,
            "unit": "percent",
            "tiv": None if share is None else float(_period_row(res.frame, partner, "tiv")),
            "total_tiv": total,
        },
        "windows": rows,
        "notes": notes + res.notes[:1],
        "query": f"realpolitik arms {'suppliers' if side == 'import' else 'recipients'} {who} --from {period.start} --to {period.end}",
    }
    if actual is None:
        ev["settle"] = (
            f"SIPRI records no arms {'imports' if side == 'import' else 'exports'} for {_name(who)} in {period}"
        )
    return verdict, ev, res.sources


def _arms_partner_rank(claim: Claim, today: date, side: str) -> Outcome:
    """arms_top_supplier (subject = recipient, object = supplier) or arms_top_recipient (subject = supplier)."""
    from realpolitik.queries import arms

    store, stated, period, notes = _arms_period(claim, today)
    who, partner = claim.subject, claim.object
    try:
        res = _q(arms.suppliers if side == "supplier" else arms.recipients, who, period)
    except UserError as e:
        return "unverifiable", {"notes": [str(e)]}, []
    rank = _period_row(res.frame, partner, "rank")
    actual = None if res.frame.empty else (int(rank) if rank is not None else len(res.frame) + 1)
    me, other = ("recipient", "supplier") if side == "supplier" else ("supplier", "recipient")
    wf = _q(_arms_windows_sql, store, me, other, who, partner)
    rows = _window_rows(wf, "rank", lambda v: _rank_ok(claim, v))
    any_other = _held_before(rows, period.start, period.end, today)
    holds = _rank_ok(claim, actual)
    verdict = _decide(holds, any_other, stated is not None)
    top = ", ".join(
        f"{r.rank}. {r.name} {100 * r.share:.1f} %" for r in res.frame.head(3).itertuples()
    )
    role = "supplier" if side == "supplier" else "recipient"
    summary = f"{_name(partner)} ranks {actual if actual else '–'} among {_name(who)}'s arms {role}s in {period} (top: {top or 'none'})"
    if verdict == "mixed":
        summary += (
            "; rank as claimed in " + ", ".join(r["period"] for r in rows if r["holds"])[-80:]
        )
    ev = {
        "summary": summary,
        "period_used": _period_used(claim, period),
        "actual": {
            "rank": actual,
            "share": None
            if rank is None
            else 100 * float(_period_row(res.frame, partner, "share")),
        },
        "windows": rows,
        "notes": notes,
        "query": f"realpolitik arms {'suppliers' if side == 'supplier' else 'recipients'} {who} --from {period.start} --to {period.end}",
    }
    return verdict, ev, res.sources


def _arms_global(claim: Claim, today: date, what: str) -> Outcome:
    """arms_global_share / arms_global_rank: the subject among all exporters or importers."""
    from realpolitik.queries import arms

    store, stated, period, notes = _arms_period(claim, today)
    kind = claim.claimed.get("kind", "exporters")
    try:
        res = _q(arms.top, kind, period, limit=1000)
    except UserError as e:
        return "unverifiable", {"notes": [str(e)]}, []
    role = "supplier" if kind == "exporters" else "recipient"
    wf = _q(_global_windows_sql, store, role, claim.subject)
    if what == "share":
        sh = _period_row(res.frame, claim.subject, "share")
        actual: Any = None if res.frame.empty else (float(sh) * 100 if sh is not None else 0.0)
        holds = _share_ok(claim, actual)
        rows = _window_rows(wf, "share", lambda v: _share_ok(claim, v), 100.0)
        any_other = _held_before(rows, period.start, period.end, today)
        summary = f"{_name(claim.subject)}'s share of global arms {kind[:-3]}s in {period}: {_pct(actual)}"
    else:
        rk = _period_row(res.frame, claim.subject, "rank")
        actual = None if res.frame.empty else (int(rk) if rk is not None else None)
        holds = (
            _rank_ok(claim, actual)
            if actual is not None
            else (False if not res.frame.empty else None)
        )
        rows = _window_rows(wf, "rank", lambda v: _rank_ok(claim, v))
        any_other = _held_before(rows, period.start, period.end, today)
        summary = f"{_name(claim.subject)} ranks {actual or '–'} among arms {kind} in {period}"
    top = ", ".join(
        f"{r.rank}. {r.name} {100 * r.share:.1f} %" for r in res.frame.head(3).itertuples()
    )
    summary += f" (top: {top})"
    verdict = _decide(holds, any_other, stated is not None)
    ev = {
        "summary": summary,
        "period_used": _period_used(claim, period),
        "actual": {what: actual},
        "windows": rows,
        "notes": notes,
        "query": f"realpolitik arms top {kind} --from {period.start} --to {period.end}",
    }
    return verdict, ev, res.sources


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


def _family(s: str) -> str:
    m = re.match(r"[a-z]+", s.lower())
    return m.group(0) if m else ""


def _arms_deal(claim: Claim, today: date) -> Outcome:
    """A named weapon delivered from A (subject) to B (object): look it up in the SIPRI deal register."""
    from realpolitik.queries import arms

    store = _store()
    stated = _stated(claim)
    desig = str(claim.claimed.get("designation", ""))
    key, fam = _norm(desig), _family(desig)
    try:
        res = _q(arms.deals, claim.subject, claim.object, None)
    except UserError as e:
        return "unverifiable", {"notes": [str(e)]}, []
    names = [str(d) for d in res.frame["designation"].tolist()] if not res.frame.empty else []
    exact = [
        n
        for n in names
        if _norm(n) == key
        or (len(key) >= 4 and (_norm(n).startswith(key) or key.startswith(_norm(n))))
        or (len(key) >= 5 and key in _norm(n))
    ]
    family = [n for n in names if fam and len(fam) >= 4 and _family(n) == fam]
    rows = [
        {
            "designation": r.designation,
            "description": r.description,
            "order_year": None if _missing(r.order_year) else int(r.order_year),
            "delivered": None if _missing(r.delivered) else r.delivered,
            "delivery_years": None if _missing(r.delivery_years) else str(r.delivery_years),
        }
        for r in res.frame.itertuples()
        if r.designation in (exact or family)
    ]
    query = f"realpolitik arms deals {claim.subject} {claim.object}"
    if exact or family:
        match = sorted(set(exact or family))
        notes = (
            []
            if exact
            else [f"family match: the register names {', '.join(match)} (not '{desig}' literally)"]
        )
        when = "; ".join(
            f"{r['designation']} ordered {r['order_year']}, delivered {r['delivery_years'] or 'not yet'}"
            for r in rows
        )
        verb = str(claim.claimed.get("verb") or "")
        dated = stated is not None and not re.match(r"(?:use|deploy|operat|field)", verb)
        if dated:
            years = [
                {
                    r["order_year"],
                    *(int(y) for y in re.findall(r"\d{4}", r["delivery_years"] or "")),
                }
                for r in rows
            ]
            if not any(
                any(y is not None and stated.start <= y <= stated.end for y in ys) for ys in years
            ):
                ev = {
                    "summary": f"the register dates this transfer outside {stated}: {when}",
                    "actual": {"deals": rows},
                    "notes": notes,
                    "windows": [],
                    "query": query,
                }
                return "contradicted", ev, res.sources
        elif stated is not None:
            notes.append(
                f"'{verb}' in {stated} is about use, not delivery; the delivery dates are not checked against it"
            )
        ev = {
            "summary": f"SIPRI register: {_name(claim.subject)} → {_name(claim.object)}: {when}",
            "actual": {"deals": rows},
            "notes": notes,
            "windows": [],
            "query": query,
        }
        return "supported", ev, res.sources
    elsewhere = store.sql(
        "SELECT DISTINCT supplier_id, recipient_id, designation FROM sipri_register "
        "WHERE regexp_replace(lower(designation), '[^a-z0-9]', '', 'g') = ? "
        "OR (length(?) >= 5 AND contains(regexp_replace(lower(designation), '[^a-z0-9]', '', 'g'), ?)) LIMIT 20",
        [key, key, key],
    )
    if elsewhere.empty:
        ev = {
            "summary": f"'{desig}' is not a designation in the SIPRI register (major conventional arms only)",
            "actual": {"deals": []},
            "notes": [
                f"{len(names)} register deals {_name(claim.subject)} → {_name(claim.object)}"
            ],
            "settle": "a source covering this item (SIPRI covers major conventional weapons only)",
            "query": f"realpolitik arms deals {claim.subject} {claim.object}",
        }
        return "unverifiable", ev, res.sources
    pairs = sorted(
        {f"{_name(r.supplier_id)} → {_name(r.recipient_id)}" for r in elsewhere.itertuples()}
    )
    ev = {
        "summary": f"the register lists no {desig} from {_name(claim.subject)} to {_name(claim.object)}; it lists {desig} for {', '.join(pairs[:5])}",
        "actual": {"deals": []},
        "notes": [],
        "query": f"realpolitik arms deals {claim.subject} {claim.object}",
    }
    return "contradicted", ev, res.sources


# --- energy and trade ----------------------------------------------------------------------------


def _oil_rank(claim: Claim, today: date) -> Outcome:
    from realpolitik.queries import energy

    stated = _stated(claim)
    try:
        res = _q(energy.production, claim.subject)
    except UserError as e:
        return "unverifiable", {"notes": [str(e)]}, []
    f = res.frame.dropna(subset=["rank"])
    by_year = {int(r.year): int(r.rank) for r in f.itertuples()}
    year = stated.end if stated else today.year - 1
    notes = []
    if not stated and by_year and year > max(by_year):
        notes.append(f"no ranking for {year} yet; latest {max(by_year)} used")
        year = max(by_year)
    actual = by_year.get(year)
    holds = _rank_ok(claim, actual)
    rows = [
        {"period": str(y), "start": y, "end": y, "rank": r, "holds": _rank_ok(claim, r)}
        for y, r in sorted(by_year.items())
        if y >= 1965
    ]
    any_other = _held_before(rows, year, year, today)
    verdict = _decide(holds, any_other, stated is not None)
    summary = f"{_name(claim.subject)}'s oil-production rank in {year}: {actual or '–'}"
    if verdict == "mixed":
        summary += "; rank as claimed in " + ", ".join(r["period"] for r in rows if r["holds"])
    ev = {
        "summary": summary,
        "period_used": _period_used(claim, Period(year, year)),
        "actual": {"rank": actual},
        "windows": rows,
        "notes": notes + res.notes[1:2],
        "query": f"realpolitik oil production {claim.subject}",
    }
    if actual is None:
        ev["settle"] = f"oil production by country for {year}"
    return verdict, ev, res.sources


def _crude(claim: Claim, today: date, side: str, what: str) -> Outcome:
    """oil_import_share / oil_source_rank (subject importer, object exporter), oil_export_share / oil_buyer_rank, from BACI HS 2709."""
    from realpolitik.queries import trade

    store = _store()
    stated = _stated(claim)
    years = trade.crude_years(store)
    year = stated.end if stated else today.year - 1
    fn = trade.crude_sources if side == "sources" else trade.crude_buyers
    rows = []
    sources: list[Source] = []
    actual = None
    notes: list[str] = []
    for y in sorted(set(years) | {year}):
        try:
            res = _q(fn, claim.subject, y)
        except UserError as e:
            notes.append(str(e))
            continue
        sources = res.sources
        m = res.frame[res.frame["partner_id"] == claim.object]
        has = res.frame["partner_id"].notna().any()
        val: Any = None
        if has:
            if what == "share":
                val = float(m["share"].iloc[0]) * 100 if len(m) else 0.0
            else:
                val = int(m["rank"].iloc[0]) if len(m) else None
        ok = (_share_ok(claim, val) if what == "share" else _rank_ok(claim, val)) if has else None
        mirror = bool(m["mirror"].iloc[0]) if len(m) and "mirror" in m else None
        if y in years:
            rows.append(
                {"period": str(y), "start": y, "end": y, what: val, "holds": ok, "mirror": mirror}
            )
        if y == year:
            actual = val if has else None
            notes += res.notes[:1]
    holds = (
        None
        if actual is None and year not in years
        else (_share_ok(claim, actual) if what == "share" else _rank_ok(claim, actual))
    )
    any_other = _held_before(rows, year, year, today)
    verdict = _decide(holds, any_other, stated is not None)
    label = "crude-oil imports" if side == "sources" else "crude-oil exports"
    rel = (
        f"{_name(claim.object)}'s share of {_name(claim.subject)}'s {label}"
        if what == "share"
        else f"{_name(claim.object)}'s rank among {'buyers of' if side == 'buyers' else 'suppliers of'} {_name(claim.subject)}'s crude"
    )
    fmt = _pct if what == "share" else (lambda v: "–" if v is None else str(v))
    summary = f"{rel} in {year}: {fmt(actual)}"
    if year not in years:
        summary += "; no bilateral crude-oil data for that year"
        if rows:
            summary += (
                " ("
                + "; ".join(
                    f"{r['period']}: {fmt(r[what])}{' mirror data' if r.get('mirror') else ''}"
                    for r in rows
                )
                + ")"
            )
    ev = {
        "summary": summary,
        "period_used": _period_used(claim, Period(year, year)),
        "actual": {what: actual},
        "windows": rows,
        "notes": notes,
        "query": f"realpolitik oil {side} {claim.subject} --year {year}",
    }
    if verdict == "unverifiable":
        ev["settle"] = (
            f"bilateral crude-oil trade (HS 2709) for {_name(claim.subject)} in {year}: UN Comtrade or CEPII BACI, "
            f"with mirror (partner-reported) data where {_name(claim.subject)} does not report origins"
        )
    return verdict, ev, sources


def _export_partner(claim: Claim, today: date, what: str) -> Outcome:
    """export_partner_rank / export_partner_share: Factbook top-5 (latest) and COW dyadic trade (to 2014)."""
    from realpolitik.queries import trade

    store = _store()
    stated = _stated(claim)
    fb = (
        _q(trade.factbook_partners, _country(claim.subject), "exports", store)
        if store.has_table("factbook_partners")
        else None
    )
    fb_year = (
        int(fb["year"].dropna().iloc[0]) if fb is not None and fb["year"].notna().any() else None
    )
    rows: list[dict[str, Any]] = []
    if store.has_table("cow_trade_ddy"):
        cow = _q(trade.cow_partners, _country(claim.subject), "exports", store)
        cow = cow[cow["value_usd_m"].notna() & (cow["value_usd_m"] > 0)]
        mine = cow[cow["partner_id"] == claim.object]
        have = set(cow["year"].astype(int))
        for r in mine.itertuples():
            v = float(r.share) * 100 if what == "share" else int(r.rank)
            rows.append(
                {
                    "period": str(int(r.year)),
                    "start": int(r.year),
                    "end": int(r.year),
                    what: v,
                    "source": "cow_trade",
                    "holds": _share_ok(claim, v) if what == "share" else _rank_ok(claim, v),
                }
            )
        for y in sorted(have - set(mine["year"].astype(int))):
            rows.append(
                {
                    "period": str(y),
                    "start": y,
                    "end": y,
                    what: 0.0 if what == "share" else None,
                    "source": "cow_trade",
                    "holds": _share_ok(claim, 0.0) if what == "share" else False,
                }
            )
        rows.sort(key=lambda r: r["start"])
    fb_val: Any = None
    fb_holds: bool | None = None
    if fb is not None and not fb.empty and fb_year is not None:
        m = fb[fb["partner_id"] == claim.object]
        if len(m):
            fb_val = float(m["share"].iloc[0]) * 100 if what == "share" else int(m["rank"].iloc[0])
            fb_holds = _share_ok(claim, fb_val) if what == "share" else _rank_ok(claim, fb_val)
        else:
            smallest = float(fb["share"].min()) * 100
            if what == "rank":
                fb_holds = False if int(claim.claimed["rank"]) <= len(fb) else None
            else:
                fb_holds = (
                    _share_ok(claim, smallest)
                    if claim.claimed["comparator"] in {"lt", "le"}
                    else (
                        False
                        if T.share_bounds(
                            float(claim.claimed["value"]),
                            claim.claimed["comparator"],
                            claim.claimed.get("form", "digits"),
                        )[0]
                        > smallest
                        else None
                    )
                )
        rows.append(
            {
                "period": str(fb_year),
                "start": fb_year,
                "end": fb_year,
                what: fb_val,
                "source": "factbook",
                "holds": fb_holds,
            }
        )
    year = (
        stated.end if stated else (fb_year if fb_year and fb_year <= today.year else today.year - 1)
    )
    chosen = [r for r in rows if r["start"] == year]
    chosen = [r for r in chosen if r["source"] == "factbook"] or chosen
    actual = chosen[0][what] if chosen else None
    holds = chosen[0]["holds"] if chosen else None
    any_other = _held_before(rows, year, year, today)
    verdict = _decide(holds, any_other, stated is not None)
    label = "share of" if what == "share" else "rank among partners for"
    fmt = (
        _pct(actual)
        if what == "share"
        else (str(actual) if actual else ("not in the top 5" if chosen else "–"))
    )
    summary = f"{_name(claim.object)}'s {label} {_name(claim.subject)}'s exports in {year}: {fmt}"
    if fb is not None and not fb.empty:
        summary += (
            " (Factbook "
            + str(fb_year)
            + ": "
            + ", ".join(
                f"{int(r.rank)}. {r.factbook_name} {100 * float(r.share):.0f} %"
                for r in fb.itertuples()
            )
            + ")"
        )
    ev = {
        "summary": summary,
        "period_used": _period_used(claim, Period(year, year)),
        "actual": {what: actual},
        "windows": rows,
        "notes": [],
        "query": f"realpolitik trade partners {claim.subject} --flow exports",
    }
    if verdict == "unverifiable":
        ev["settle"] = f"{_name(claim.subject)}'s exports by partner for {year} (e.g. UN Comtrade)"
    srcs = [store.source(d) for d in ("factbook", "cow_trade") if d in store.manifests]
    return verdict, ev, srcs


def _country(cid: str | None) -> Any:
    from realpolitik.queries.common import country

    return country(str(cid))


# --- geography and security ----------------------------------------------------------------------


def _border(claim: Claim, today: date) -> Outcome:
    """Land border length from the Factbook (either country's profile); no border at all contradicts."""
    from realpolitik.queries import geo

    store = _store()
    try:
        ca, cb = _country(claim.subject), _country(claim.object)
    except UserError as e:
        return "unverifiable", {"notes": [str(e)]}, []
    fa = _q(geo.factbook_borders, ca, store)
    fb = _q(geo.factbook_borders, cb, store)
    km_a = fa.loc[fa["neighbour_id"] == cb.id, "km"]
    km_b = fb.loc[fb["neighbour_id"] == ca.id, "km"]
    kms = [float(v) for v in (*km_a.tolist(), *km_b.tolist()) if not _missing(v)]
    sources = [store.source("factbook")] if "factbook" in store.manifests else []
    query = f"realpolitik border {claim.subject} {claim.object}"
    c = claim.claimed
    if kms:
        km = kms[0]
        holds = any(T.length_holds(k, float(c["km"]), c["comparator"]) for k in kms)
        notes = (
            [f"the two Factbook profiles differ: {kms[0]:,.1f} and {kms[1]:,.1f} km"]
            if len(set(kms)) > 1
            else []
        )
        ev = {
            "summary": f"{ca.name}–{cb.name} land border: {km:,.0f} km (CIA World Factbook)",
            "actual": {"km": km},
            "notes": notes,
            "windows": [],
            "query": query,
        }
        return ("supported" if holds else "contradicted"), ev, sources
    try:
        res = _q(geo.border, ca, cb)
    except UserError as e:
        return "unverifiable", {"notes": [str(e)]}, sources
    row = res.frame.iloc[0]
    shared = bool(row["shared_land_border"])
    ev = {
        "summary": "; ".join(res.notes[:1]),
        "actual": {"km": None, "contiguity": row.get("contiguity")},
        "notes": res.notes[1:],
        "windows": [],
        "query": query,
    }
    if shared:
        ev["settle"] = "a border length for this pair (the Factbook gives none)"
        return "unverifiable", ev, res.sources
    return "contradicted", ev, res.sources


def _sql_pair(store: Any, query: str, lo: int, hi: int) -> Any:
    return store.sql(query, {"lo": lo, "hi": hi})


def _rivalry(claim: Claim, today: date) -> Outcome:
    """A rivalry between two states in the strategic-rivalry datasets (Thompson & Dreyer; Thompson, Sakuwa & Suhas).

    Same tables and COW keys as queries.security; a two-row lookup rather than the full `rivals()` card
    (which also aggregates every dispute) keeps a whole article fast.
    """
    store = _store()
    ca, cb = _country(claim.subject), _country(claim.object)
    if ca.cow is None or cb.cow is None:
        return (
            "unverifiable",
            {
                "summary": f"no COW code for {ca.name if ca.cow is None else cb.name}; rivalry data use COW codes",
                "settle": "a rivalry dataset covering this state",
            },
            [],
        )
    lo, hi = sorted((int(ca.cow), int(cb.cow)))
    parts, sources = [], []
    if store.has_table("td_rivalries"):
        parts.append(
            "SELECT 'Thompson & Dreyer' AS dataset, styear::INT AS s, endyear::INT AS e FROM td_rivalries WHERE ccode1 = $lo AND ccode2 = $hi"
        )
        sources.append(store.source("td_rivalries"))
    if store.has_table("tss_rivalries"):
        parts.append(
            'SELECT \'Thompson–Sakuwa–Suhas\', "start"::INT, "end"::INT FROM tss_rivalries WHERE ccode1 = $lo AND ccode2 = $hi'
        )
        sources.append(store.source("tss_rivalries"))
    if not parts:
        return (
            "unverifiable",
            {
                "summary": "no rivalry data in the snapshot",
                "settle": "strategic-rivalry data (Thompson & Dreyer)",
            },
            [],
        )
    f = _q(_sql_pair, store, " UNION ALL ".join(parts) + " ORDER BY 2, 3, 1", lo, hi)
    rows = [
        {"source": r.dataset, "start": int(r.s), "end": None if _missing(r.e) else int(r.e)}
        for r in f.itertuples()
    ]
    a, b = claim.subject, claim.object
    if not rows:
        return (
            "contradicted",
            {
                "summary": f"neither rivalry dataset codes {_name(a)}–{_name(b)} as a strategic rivalry",
                "actual": {"rivalries": []},
                "windows": [],
                "notes": [
                    "rivalries are coded to 2010 (Thompson & Dreyer) and 2020 (Thompson–Sakuwa–Suhas)"
                ],
                "query": f"realpolitik relations {a} {b}",
            },
            sources,
        )
    since = claim.claimed.get("since")
    holds = True if since is None else any(T.year_holds(r["start"], int(since)) for r in rows)
    summary = f"{_name(a)}–{_name(b)}: " + "; ".join(
        f"{r['source']} {r['start']}–{r['end'] or 'ongoing'}" for r in rows
    )
    ev = {
        "summary": summary,
        "actual": {"rivalries": rows},
        "windows": [],
        "notes": [],
        "query": f"realpolitik relations {a} {b}",
    }
    return ("supported" if holds else "contradicted"), ev, sources


VERIFIERS: dict[str, Callable[[Claim, date], Outcome]] = {
    "arms_import_share": lambda c, d: _arms_share(c, d, "import"),
    "arms_export_share": lambda c, d: _arms_share(c, d, "export"),
    "arms_top_supplier": lambda c, d: _arms_partner_rank(c, d, "supplier"),
    "arms_top_recipient": lambda c, d: _arms_partner_rank(c, d, "recipient"),
    "arms_global_share": lambda c, d: _arms_global(c, d, "share"),
    "arms_global_rank": lambda c, d: _arms_global(c, d, "rank"),
    "arms_deal": _arms_deal,
    "oil_producer_rank": _oil_rank,
    "oil_import_share": lambda c, d: _crude(c, d, "sources", "share"),
    "oil_export_share": lambda c, d: _crude(c, d, "buyers", "share"),
    "oil_buyer_rank": lambda c, d: _crude(c, d, "buyers", "rank"),
    "oil_source_rank": lambda c, d: _crude(c, d, "sources", "rank"),
    "export_partner_rank": lambda c, d: _export_partner(c, d, "rank"),
    "export_partner_share": lambda c, d: _export_partner(c, d, "share"),
    "border_length": _border,
    "rivalry": _rivalry,
}


def verify(claim: Claim, today: date) -> Claim:
    """Fill a claim's verdict, evidence and sources (never raises for missing data or odd ids)."""
    fn = VERIFIERS.get(claim.type)
    if fn is None or not claim.subject:
        claim.verdict, claim.evidence = "unverifiable", {"summary": f"no verifier for {claim.type}"}
        return claim
    try:
        verdict, ev, sources = fn(claim, today)
    except UserError as e:
        verdict, ev, sources = "unverifiable", {"summary": str(e), "notes": [str(e)]}, []
    except Exception as e:  # one odd claim must not sink the whole article; the error is shown
        if os.environ.get("REALPOLITIK_DEBUG"):
            raise
        msg = f"could not be verified ({type(e).__name__}: {e})"
        verdict, ev, sources = "unverifiable", {"summary": msg, "notes": [msg], "error": True}, []
    if claim.period is None and "period_used" in ev:
        claim.period = {**ev["period_used"]}
    claim.verdict = verdict
    claim.evidence = ev
    claim.sources = [s.to_dict() for s in sources]
    return claim
