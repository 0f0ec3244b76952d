"""What every verifier shares: query memo for one article, the default period, verdict rules, rows.

Period rules: an explicit period (or one carried from the paragraph) is checked as written;
otherwise the latest complete 5-year window (annual data: the latest complete year) before the
article date. Evidence lists every window/year so a reader sees where a claim holds. ``mixed`` =
fails in the default period but holds in another window complete before the article date;
``unverifiable`` = no data for the period, saying which data would settle it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from realpolitik.analyses.claims import tolerance as T
from realpolitik.analyses.claims.claims import Claim
from realpolitik.errors import UserError
from realpolitik.periods import Period
from realpolitik.result import Source

WIDTH = 5
TIV = "sipri_tiv"
Outcome = tuple[str, dict[str, Any], list[Source]]

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


def q(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
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


def store() -> Any:
    from realpolitik.store import get_store

    return get_store()


def missing(v: Any) -> bool:
    """None, NaN or pandas NA."""
    import pandas as pd

    try:
        return v is None or bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def name(cid: str | None) -> str:
    from realpolitik.analyses.claims.gazetteer import display_name

    return display_name(cid) if cid else "?"


# names ending in -s that are singular take "'s" ("Belarus's"); plural ones take "'" ("United States'")
_SINGULAR_S = {"Belarus", "Cyprus", "Mauritius", "Laos", "Honduras", "Barbados", "Kiribati"}


def poss(cid: str | None) -> str:
    """A state's display name as a possessive: "Israel's", "the United States'", "Belarus's"."""
    n = name(cid)
    return n + "'" if n.endswith("s") and n not in _SINGULAR_S else n + "'s"


def pct(x: float | None) -> str:
    return "–" if x is None else f"{x:.1f} %"


def span_text(start: int, end: int) -> str:
    return str(start) if start == end else f"{start}–{end}"


def country(cid: str | None) -> Any:
    from realpolitik.queries.common import country as _country

    return _country(str(cid))


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


def sipri_period(
    claim: Claim, today: date, release: str | None
) -> tuple[Any, Period | None, Period, list[str]]:
    """Store, stated period, period to check and its notes for a SIPRI claim — on the current data
    (release None) or on one release as published (its own coverage decides the default window)."""
    from realpolitik.queries.arms import tiv_coverage

    st = store()
    first, last = q(tiv_coverage, release, st)
    s = stated(claim)
    if s is not None:
        if release is not None:
            s.check_within(first, last, f"SIPRI's {release} release")
        return st, s, s, []
    period, notes = default_window(today, first, last)
    return st, None, period, notes


def period_used(claim: Claim, period: Period, source: str | None = None) -> dict[str, Any]:
    """The evidence's account of which period was checked and why (explicit, paragraph, default…)."""
    return {
        "start": period.start,
        "end": period.end,
        "source": source or (claim.period.get("source") if claim.period else "default"),
    }


def stated(claim: Claim) -> Period | None:
    p = claim.period
    if not p:
        return None
    try:
        return Period(int(p["start"]), int(p["end"]))
    except (KeyError, ValueError, TypeError, UserError):
        return None


def held_before(rows: list[dict[str, Any]], start: int, end: int, today: date) -> bool:
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


def held_windows(rows: list[dict[str, Any]], last: int = 6) -> str:
    """The latest `last` windows or years in which the claim holds among those complete before the article
    date (`held_before` flags the others): what a 'mixed' verdict rests on, nothing the author could not know."""
    return ", ".join([r["period"] for r in rows if r.get("holds") and not r.get("after_article")][-last:])


def pinned(claim: Claim, stated_period: Any) -> bool:
    """A claim tied to its period: one was stated, or the sentence says 'now' ('no longer',
    'currently', 'today'): then an earlier window cannot make it mixed."""
    return stated_period is not None or bool(claim.claimed.get("now"))


def decide(default_holds: bool | None, any_other: bool, is_stated: bool) -> str:
    """Verdict from the claim's own period and the other windows."""
    if default_holds is None:
        return "unverifiable"
    if default_holds:
        return "supported"
    if not is_stated and any_other:
        return "mixed"
    return "contradicted"


def when_verdict(
    claim: Claim, rows: list[dict[str, Any]], today: date, since: int | None = None
) -> tuple[str, str] | None:
    """'once the largest' (holds in some window before the article) and 'in every period since …'
    (holds in every window from `since`): the verdict and its account, or None for ordinary claims."""
    when = claim.claimed.get("when")
    if when not in {"once", "every"}:
        return None
    before = [r for r in rows if r["end"] < today.year and r.get("holds") is not None]
    if when == "once":
        held = [r["period"] for r in before if r["holds"]]
        if held:
            return (
                "supported",
                f"as claimed in {len(held)} window(s) before the article, e.g. {', '.join(held[:3])}",
            )
        return (
            ("contradicted", "in no window before the article")
            if before
            else ("unverifiable", "no window with data")
        )
    first = (
        since
        if since is not None
        else (
            int(claim.period["start"])
            if claim.period and claim.period.get("source") == "explicit"
            else None
        )
    )
    if first is not None and since is None and claim.claimed.get("negated") and claim.period:
        first = (
            int(claim.period["end"]) + 1
        )  # "has not been in the top five since 2010–14": after it
    span = [r for r in before if first is None or r["start"] >= first]
    if not span:
        return "unverifiable", "no window with data in that span"
    bad = [r["period"] for r in span if not r["holds"]]
    if bad:
        return (
            "contradicted",
            f"not in {len(bad)} of {len(span)} windows since {span[0]['period']}, e.g. {', '.join(bad[:3])}",
        )
    return (
        "supported",
        f"in every one of {len(span)} windows from {span[0]['period']} to {span[-1]['period']}",
    )


def share_ok(claim: Claim, actual_pct: float | None) -> bool | None:
    c = claim.claimed
    return T.share_holds(
        actual_pct,
        float(c["value"]),
        c["comparator"],
        c.get("form", "digits"),
        int(c.get("decimals", 0)),
    )


def rank_ok(claim: Claim, actual: int | None) -> bool | None:
    c = claim.claimed
    return T.rank_holds(actual, int(c["rank"]), c.get("comparator", "eq"))


def share_tolerance(claim: Claim) -> str:
    c = claim.claimed
    return T.describe_share(
        float(c["value"]), c["comparator"], c.get("form", "digits"), int(c.get("decimals", 0))
    )


def rank_tolerance(claim: Claim) -> str:
    c = claim.claimed
    return T.describe_rank(int(c["rank"]), c.get("comparator", "eq"))


def window_rows(
    frame: Any, value: str, ok: Callable[[Any], bool | None], scale: float = 1.0
) -> list[dict[str, Any]]:
    """One evidence row per window: its period, the value (share in percent or rank) and whether the claim holds."""
    rows = []
    for r in frame.itertuples(index=False):
        v = getattr(r, value)
        v = None if missing(v) else (float(v) * scale if value == "share" else int(v))
        rows.append(
            {
                "period": span_text(r.start, r.end),
                "start": int(r.start),
                "end": int(r.end),
                value: v,
                "holds": ok(v),
            }
        )
    return rows


def period_row(frame: Any, pid: str, col: str) -> Any:
    m = frame[frame["id"] == pid]
    return None if m.empty or missing(m[col].iloc[0]) else m[col].iloc[0]


def unverifiable(
    summary: str, settle: str | None = None, notes: list[str] | None = None
) -> Outcome:
    ev: dict[str, Any] = {"summary": summary, "notes": notes or [], "windows": []}
    if settle:
        ev["settle"] = settle
    return "unverifiable", ev, []
