"""Arms-transfer queries on SIPRI TIV: suppliers, recipients, global ranks, deals, windows, series.

Shares over a window are sums over the window (SIPRI convention), never averages of yearly shares.
"""

from __future__ import annotations

import weakref
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from realpolitik.countries import Country
from realpolitik.periods import Period
from realpolitik.periods import windows as make_windows
from realpolitik.queries.common import (
    as_period,
    country,
    existence_notes,
    filed_under,
    pair,
    succession_notes,
    within,
)
from realpolitik.result import Result, Rows, Source
from realpolitik.store import Store, get_store

if TYPE_CHECKING:
    import pandas as pd

TABLE = "sipri_tiv"
DATASET = "sipri"
CONVENTION = (
    "TIV = SIPRI trend-indicator value (millions), a volume measure, not a price; "
    "a TIV of 0.0 means SIPRI's '0' (deliveries worth 0 < TIV < 0.5), not nothing."
)


# --- SIPRI releases side by side -------------------------------------------------------------------
RELEASES_TABLE = "sipri_tiv_releases"  # every release's own coverage, sipri_tiv's columns
RELEASE_INFO = (
    "sipri_releases"  # one row per release: generated, data_through, first/last year, format
)
RELEASE_MONTH = 3  # SIPRI publishes its annual update in March (see release_current_at)


# sipri_releases of each open Store, by release, oldest first: read once per Store (its tables are the verified
# files it opened, fixed for its life; a rebuilt snapshot is a new Store). Every claim check and --release asks.
_RELEASE_ROWS: weakref.WeakKeyDictionary[Store, dict[str, dict[str, Any]]] = (
    weakref.WeakKeyDictionary()
)


def _release_rows(store: Store) -> dict[str, dict[str, Any]]:
    rows = _RELEASE_ROWS.get(store)
    if rows is None:
        table = store.rows(f"SELECT * FROM {RELEASE_INFO} ORDER BY release")
        rows = {}
        for values in table.data:
            row = dict(zip(table.columns, values, strict=True))
            rows[str(row["release"])] = row
        _RELEASE_ROWS[store] = rows
    return rows


def releases(store: Store | None = None) -> list[str]:
    """The SIPRI releases held side by side in the store, oldest first (e.g. 2016, 2022, 2024, 2025)."""
    store = store or get_store()
    if not store.has_table(RELEASE_INFO):
        if not store.has_table(TABLE):
            raise store.missing(TABLE)  # no SIPRI data at all: say so, and how to add them
        return []  # a snapshot built before releases were kept side by side
    return list(_release_rows(store))


def release_info(release: str, store: Store | None = None) -> dict[str, Any]:
    """The `sipri_releases` row of one release (UserError listing the releases held if unknown)."""
    store = store or get_store()
    held = releases(store)
    if release not in held:
        from realpolitik.errors import UserError

        have = ", ".join(held) if held else "none (rebuild the sipri dataset)"
        raise UserError(f"no SIPRI release {release!r} in the store; releases held: {have}")
    return dict(_release_rows(store)[release])  # a copy: callers may change theirs


def tiv_source(release: str | None, store: Store) -> str:
    """The SQL relation of annual TIV to query: sipri_tiv (current data) for None, else the rows of
    that release in sipri_tiv_releases."""
    if release is None:
        return TABLE
    release_info(release, store)  # validates: a held release is four digits, safe to inline
    return f"(SELECT * FROM {RELEASES_TABLE} WHERE release = '{release}')"


def tiv_coverage(release: str | None, store: Store) -> tuple[int, int]:
    """(first, last) year of the current data (None) or of one release's own coverage."""
    if release is None:
        return store.coverage(TABLE)
    info = release_info(release, store)
    return int(info["first_year"]), int(info["last_year"])


def _within(store: Store, release: str | None, period: Period) -> None:
    if release is None:
        within(store, TABLE, period, "SIPRI annual TIV")
        return
    first, last = tiv_coverage(release, store)
    period.check_within(first, last, f"SIPRI's {release} release")


def _source(store: Store, release: str | None) -> Source:
    """The sipri source, naming the release used when it is not the current data."""
    src = store.source(DATASET)
    if release is None:
        return src
    info = release_info(release, store)
    label = f"{release} ({info['format']} generated {info['generated']})"
    citation = (
        f"SIPRI Arms Transfers Database, Stockholm International Peace Research Institute, "
        f"{release} release (data through {info['data_through']}), {src.url}"
    )
    return Source(src.dataset, label, citation, src.url, src.licence)


def release_current_at(when: date | datetime | str, store: Store | None = None) -> str | None:
    """The SIPRI release that was current on a date, if the store holds it (else None).

    Rule: release R is current from 1 March of year R to the end of February of R+1 — the same rule
    that dates SIPRI's exports (`sources.sipri.release_of`). Evidence, from the export dates of the
    raw files: the last export of the 2025 release was generated on 12 Feb 2026, the first exports of
    the 2024 and 2025 releases on 18 Mar 2024 and 13 Mar 2025; SIPRI's annual update comes out in
    the first half of March, so a date in early March may precede that year's update."""
    if isinstance(when, str):
        when = date.fromisoformat(when[:10])
    year = when.year if when.month >= RELEASE_MONTH else when.year - 1
    store = store or get_store()
    held = releases(store) if store.has_table(TABLE) else []
    return str(year) if str(year) in held else None


def _release_notes(store: Store, period: Period, release: str | None = None) -> list[str]:
    """Say which release the figures are from, and when a window of the current data mixes releases
    (tables before 1995, per-delivery export after)."""
    if release is not None:
        info = release_info(release, store)
        return [
            f"Figures from SIPRI's {release} release as published ({info['format']}, generated "
            f"{info['generated']}, data through {info['data_through']}); the current data may differ."
        ]
    rel = store.rows(
        f"SELECT release, min(year) AS a, max(year) AS b FROM {TABLE} "
        "WHERE year BETWEEN ? AND ? GROUP BY release ORDER BY a",
        [period.start, period.end],
    ).data
    if len(rel) > 1:
        parts = "; ".join(f"{a}–{b} from release {release}" for release, a, b in rel)
        return [f"This window mixes SIPRI releases: {parts}."]
    return []


def _recorded(store: Store, partner: Country | None = None) -> Any:
    """has_rows for succession_notes: does the TIV table record this state (with partner) in years?"""

    def has_rows(c: Country, years: Period) -> bool:
        both = "(supplier_id = $c OR recipient_id = $c)"
        if partner is not None:
            both = "((supplier_id = $c AND recipient_id = $p) OR (supplier_id = $p AND recipient_id = $c))"
        found = store.rows(
            f"SELECT 1 FROM {TABLE} WHERE {both} AND year BETWEEN $a AND $b LIMIT 1",
            {"c": c.id, "a": years.start, "b": years.end}
            | ({"p": partner.id} if partner is not None else {}),
        )
        return len(found) > 0

    return has_rows


def _filed_partner_notes(ids: list[str], period: Period, store: Store) -> list[str]:
    """'Germany' in a window before 1991 is West Germany: say so where SIPRI files a historical state
    under its successor's id."""
    from realpolitik.countries import from_id, predecessors

    has_rows = _recorded(store)
    notes = []
    for pid in ids:
        if pid is None or pid.startswith(("NSA:", "ORG:")):
            continue
        partner = from_id(pid)
        for pred in predecessors(partner):
            if filed_under(pred, period, has_rows) is not None:
                notes.append(f"SIPRI's '{partner.name}' before {pred.end + 1} is {pred.name} "
                             f"({pred.start}–{pred.end}): SIPRI has no separate id for it.")  # fmt: skip
    return notes


def partner_name(pid: str, period: Period, store: Store) -> str:
    """A partner's name as it was in `period`: SIPRI's 'Germany' in a window before 1991 is West
    Germany (the only historical state SIPRI files under its successor's id)."""
    from realpolitik.countries import from_id, predecessors

    partner = from_id(pid)
    preds = [p for p in predecessors(partner) if p.end is not None and period.end <= p.end]
    has_rows = _recorded(store) if preds else None
    return next(
        (p.name for p in preds if filed_under(p, period, has_rows) is not None), partner.name
    )


def _partners(
    side: str, who: Country, period: Period, store: Store, release: str | None = None
) -> Result:
    me, other = ("recipient", "supplier") if side == "suppliers" else ("supplier", "recipient")
    _within(store, release, period)
    existence_notes(who, period)
    asked, filed = period, filed_under(who, period, _recorded(store))
    if filed is not None:  # the state's own years, under the id SIPRI files them
        period = Period(
            max(period.start, who.start or period.start), min(period.end, who.end or period.end)
        )
    rows = store.rows(
        f"""
        WITH p AS (
            SELECT {other}_id AS id, any_value({other}_name) AS name, round(sum(tiv ORDER BY tiv), 4) AS tiv
            FROM {tiv_source(release, store)} WHERE {me}_id = ? AND year BETWEEN ? AND ?
            GROUP BY 1, lower({other}_name)  -- unknown parties: one row across spellings
        )
        SELECT id, name, tiv, tiv / sum(tiv ORDER BY tiv) OVER () AS share,
               rank() OVER (ORDER BY tiv DESC)::INTEGER AS rank
        FROM p ORDER BY tiv DESC, name
        """,
        [(filed or who).id, period.start, period.end],
    )
    verb = "imports" if side == "suppliers" else "exports"
    notes = [
        *existence_notes(who, asked),
        *(
            [
                f"SIPRI files {who.name}'s transfers under {filed.name} ({filed.id}): these are its rows for {period}."
            ]
            if filed
            else []
        ),
        *succession_notes(who, period, _recorded(store)),
        *_release_notes(store, period, release),
        CONVENTION,
    ]
    notes += _filed_partner_notes(rows.column("id") if rows.data else [], period, store)
    if not rows.data:
        notes.insert(0, f"SIPRI records no arms {verb} for {who.name} in {period}.")
    else:
        total = sum(t for t in rows.column("tiv") if t is not None)
        notes.insert(0, f"Shares are of {who.name}'s total {verb} of {total:,.1f} TIV in {period}.")
    title = (
        f"Arms {'suppliers of' if side == 'suppliers' else 'recipients from'} {who.name}, {period}"
    )
    query = {"command": f"arms {side}", "country": who.id, "from": period.start, "to": period.end}
    query |= {"release": release} if release else {}
    return Result(rows, query, [_source(store, release)], notes, title)


def suppliers(
    recipient: str | Country,
    period: Period | tuple[int, int] | int,
    store: Store | None = None,
    release: str | None = None,
) -> Result:
    """Who supplied arms to `recipient` in the period: TIV, share of its imports, rank
    (in one past SIPRI release if `release` names one, e.g. "2016")."""
    return _partners(
        "suppliers", country(recipient), as_period(period), store or get_store(), release
    )


def recipients(
    supplier: str | Country,
    period: Period | tuple[int, int] | int,
    store: Store | None = None,
    release: str | None = None,
) -> Result:
    """Who received arms from `supplier` in the period: TIV, share of its exports, rank."""
    return _partners(
        "recipients", country(supplier), as_period(period), store or get_store(), release
    )


def top(
    kind: str,
    period: Period | tuple[int, int] | int,
    limit: int = 10,
    store: Store | None = None,
    release: str | None = None,
) -> Result:
    """Largest exporters or importers in the period with their share of the global total."""
    store = store or get_store()
    period = as_period(period)
    if kind not in {"exporters", "importers"}:
        from realpolitik.errors import UserError

        raise UserError(f"unknown kind {kind!r}; use exporters or importers")
    _within(store, release, period)
    role = "supplier" if kind == "exporters" else "recipient"
    rows = store.rows(
        f"""
        WITH p AS (
            SELECT {role}_id AS id, any_value({role}_name) AS name, round(sum(tiv ORDER BY tiv), 4) AS tiv
            FROM {tiv_source(release, store)} WHERE year BETWEEN ? AND ?
            GROUP BY 1, lower({role}_name)
        )
        SELECT id, name, tiv, tiv / sum(tiv ORDER BY tiv) OVER () AS share,
               rank() OVER (ORDER BY tiv DESC)::INTEGER AS rank
        FROM p ORDER BY tiv DESC, name LIMIT ?
        """,
        [period.start, period.end, limit],
    )
    notes = [
        *_release_notes(store, period, release),
        "Shares are of the global total of all transfers in the window.",
        CONVENTION,
    ]
    query = {"command": f"arms top {kind}", "from": period.start, "to": period.end, "limit": limit}
    query |= {"release": release} if release else {}
    return Result(rows, query, [_source(store, release)], notes, f"Top arms {kind}, {period}")


def deals(
    supplier: str | Country,
    recipient: str | Country,
    period: Period | None = None,
    store: Store | None = None,
    release: str | None = None,
) -> Result:
    """Deal-register rows from supplier to recipient, ordered or delivered within the period
    (the store holds the register of one release: `release` may only name that one)."""
    store = store or get_store()
    s, r = pair(supplier, recipient)
    if release is not None:
        held = [
            str(x)
            for x in store.rows("SELECT DISTINCT release FROM sipri_register").column("release")
        ]
        if release not in held:
            from realpolitik.errors import UserError

            release_info(release, store)  # an unknown release: say which ones exist
            raise UserError(
                f"the store holds the deal register of release {', '.join(held)} only, "
                f"not {release} (past releases have annual TIV: arms suppliers/recipients/top/series)"
            )
    clauses, params = "", [s.id, r.id]
    if period is not None:
        within(store, "sipri_register", period, "the SIPRI deal register")
        clauses = (
            " AND (order_year BETWEEN ? AND ? OR (first_delivery <= ? AND last_delivery >= ?))"
        )
        params += [period.start, period.end, period.end, period.start]
    rows = store.rows(
        f"""
        WITH cat AS (
            SELECT supplier_id, recipient_id, designation, any_value(category) AS category
            FROM sipri_deliveries GROUP BY ALL
        )
        SELECT g.designation, g.description, c.category, g.order_year, g.ordered, g.delivered,
               g.delivery_years, g.status, g.comments, g.tiv_delivered AS tiv, g.tiv_order
        FROM sipri_register g
        LEFT JOIN cat c ON c.supplier_id = g.supplier_id AND c.recipient_id = g.recipient_id
                       AND c.designation = g.designation
        WHERE g.supplier_id = ? AND g.recipient_id = ?{clauses}
        ORDER BY g.order_year, g.designation
        """,
        params,
    )
    notes = [
        "Register TIV is per deal (all delivery years), not per year; a deal with no delivery years is a "
        "pending order, and its delivered TIV (0 or empty) means nothing delivered yet.",
        CONVENTION,
    ]
    if any(c is None for c in rows.column("category")):
        notes.append(
            "Armament category comes from the per-delivery export; deals absent from it (pending, or delivered before 1995) have none."
        )
    if not rows.data:
        notes.insert(
            0,
            f"The SIPRI register lists no deals from {s.name} to {r.name}"
            + (f" in {period}." if period else "."),
        )
    query = {"command": "arms deals", "supplier": s.id, "recipient": r.id,
             "from": period.start if period else None, "to": period.end if period else None}  # fmt: skip
    return Result(rows, query, [store.source(DATASET)], notes, f"Arms deals {s.name} → {r.name}")


def _partner_windows_sql(
    who: Country, partner: Country, side: str, width: int, store: Store, release: str | None = None
) -> tuple[str, dict[str, Any]]:
    me, other = ("recipient", "supplier") if side == "imports" else ("supplier", "recipient")
    first, last = tiv_coverage(release, store)
    make_windows(first, last, width)  # validates width
    sql = f"""
        WITH y AS (
            SELECT year, coalesce({other}_id, {other}) AS pid, sum(tiv ORDER BY tiv) AS tiv
            FROM {tiv_source(release, store)} WHERE {me}_id = $who GROUP BY ALL
        ), g AS (SELECT w AS start, w + $width - 1 AS "end" FROM range($first, $last - $width + 2) t(w)),
        s AS (
            SELECT g.start, g."end", y.pid, sum(y.tiv ORDER BY y.tiv) AS tiv
            FROM g JOIN y ON y.year BETWEEN g.start AND g."end" GROUP BY ALL
        ), r AS (
            SELECT *, tiv / sum(tiv ORDER BY tiv) OVER (PARTITION BY start) AS share,
                   rank() OVER (PARTITION BY start ORDER BY tiv DESC)::INTEGER AS rank,
                   sum(tiv ORDER BY tiv) OVER (PARTITION BY start) AS total
            FROM s
        )
        SELECT start::INTEGER AS start, "end"::INTEGER AS "end",
               round(max(tiv) FILTER (WHERE pid = $partner), 4) AS tiv,
               round(max(total), 4) AS total,
               coalesce(max(share) FILTER (WHERE pid = $partner), 0) AS share,
               max(rank) FILTER (WHERE pid = $partner) AS rank
        FROM r GROUP BY ALL HAVING max(total) > 0 ORDER BY 1
        """
    return sql, {"who": who.id, "partner": partner.id, "first": first, "last": last, "width": width}


def partner_windows(
    who: str | Country,
    partner: str | Country,
    side: str = "imports",
    width: int = 5,
    store: Store | None = None,
    release: str | None = None,
) -> pd.DataFrame:
    """Partner's TIV, share and rank among `who`'s suppliers (side="imports") or recipients ("exports")
    in every window of `width` years in which `who` traded arms at all (share 0, TIV and rank null
    when the partner delivered nothing: null is 'nothing', SIPRI's 0.0 is 'under 0.5')."""
    store = store or get_store()
    return store.sql(
        *_partner_windows_sql(country(who), country(partner), side, width, store, release)
    )


def global_windows(
    role: str = "supplier", width: int = 5, store: Store | None = None, release: str | None = None
) -> pd.DataFrame:
    """Every exporter's (role="supplier") or importer's share of the global total and rank, per window."""
    store = store or get_store()
    if role not in {"supplier", "recipient"}:
        raise ValueError(f"role must be supplier or recipient, not {role!r}")
    first, last = tiv_coverage(release, store)
    return store.sql(
        f"""
        WITH y AS (SELECT year, coalesce({role}_id, {role}) AS pid, sum(tiv ORDER BY tiv) AS tiv
                   FROM {tiv_source(release, store)} GROUP BY ALL),
        g AS (SELECT w AS start, w + $width - 1 AS "end" FROM range($first, $last - $width + 2) t(w)),
        s AS (SELECT g.start, g."end", y.pid, sum(y.tiv ORDER BY y.tiv) AS tiv
              FROM g JOIN y ON y.year BETWEEN g.start AND g."end" GROUP BY ALL),
        r AS (
            SELECT *, tiv / sum(tiv ORDER BY tiv) OVER (PARTITION BY start) AS share,
                   rank() OVER (PARTITION BY start ORDER BY tiv DESC)::INTEGER AS rank FROM s
        )
        SELECT pid, start::INTEGER AS start, "end"::INTEGER AS "end", tiv, share, rank FROM r ORDER BY pid, start
        """,
        {"first": first, "last": last, "width": width},
    )


def windows(
    recipient: str | Country,
    supplier: str | Country,
    width: int = 5,
    store: Store | None = None,
    release: str | None = None,
) -> Result:
    """The supplier's share of the recipient's imports (and its rank) in every window of `width` years."""
    store = store or get_store()
    r, s = pair(recipient, supplier)
    first, last = tiv_coverage(release, store)
    rows = store.rows(*_partner_windows_sql(r, s, "imports", width, store, release))
    notes = [
        f"Share of {r.name}'s arms imports from {s.name} in every {width}-year window ({first}–{last}); "
        "windows in which it imported nothing are left out; where it imported nothing from "
        f"{s.name}, TIV and rank are empty and the share is 0.",
        *(
            _release_notes(store, Period(first, last), release)
            if release
            else [
                "Windows ending before 1995 use the older SIPRI release; windows spanning 1994/1995 mix releases."
            ]
        ),
        *succession_notes(r, Period(first, last), _recorded(store, s)),
        *succession_notes(s, Period(first, last), _recorded(store, r)),
        CONVENTION,
    ]
    if not rows.data:
        notes.insert(0, f"SIPRI records no arms imports for {r.name} in {first}–{last}.")
    query = {"command": "arms windows", "recipient": r.id, "supplier": s.id, "width": width}
    query |= {"release": release} if release else {}
    title = f"{s.name}'s share of {r.name}'s arms imports"
    result = Result(rows, query, [_source(store, release)], notes, title)
    if rows.data:
        result.chart = lambda: _windows_chart(result)
    return result


def _windows_chart(result: Result) -> dict[str, Any]:
    from realpolitik.render.charts import share_windows_chart

    return share_windows_chart(result.to_pandas(), result.title)


def series(
    a: str | Country, b: str | Country, store: Store | None = None, release: str | None = None
) -> Result:
    """TIV by year in both directions between a and b (null = no deliveries identified by SIPRI)."""
    store = store or get_store()
    ca, cb = pair(a, b)
    first, last = tiv_coverage(release, store)
    ab, ba = f"{ca.id}_to_{cb.id}", f"{cb.id}_to_{ca.id}"
    rows = store.rows(
        f"""
        SELECT y.year,
               round(sum(t.tiv ORDER BY t.tiv) FILTER (WHERE t.supplier_id = $a AND t.recipient_id = $b), 4) AS "{ab}",
               round(sum(t.tiv ORDER BY t.tiv) FILTER (WHERE t.supplier_id = $b AND t.recipient_id = $a), 4) AS "{ba}",
               any_value(t.release) AS release
        FROM range($first, $last + 1) AS y(year)
        LEFT JOIN {tiv_source(release, store)} t ON t.year = y.year
             AND ((t.supplier_id = $a AND t.recipient_id = $b) OR (t.supplier_id = $b AND t.recipient_id = $a))
        GROUP BY y.year ORDER BY y.year
        """,
        {"a": ca.id, "b": cb.id, "first": first, "last": last},
    )
    rows, before = _from_existence(rows, ca, cb, last)
    span = Period(first, last)
    notes = [
        "An empty value means SIPRI identified no deliveries that year; 0.0 means 0 < TIV < 0.5.",
        *before,
        *(
            _release_notes(store, span, release)
            if release
            else [
                "Years before 1995 come from SIPRI's 2022 tables, later years from the 2025 per-delivery export."
            ]
        ),
        *succession_notes(ca, span, _recorded(store, cb)),
        *succession_notes(cb, span, _recorded(store, ca)),
        CONVENTION,
    ]
    query = {"command": "arms series", "a": ca.id, "b": cb.id}
    query |= {"release": release} if release else {}
    title = f"Arms transfers {ca.name} ↔ {cb.name}, TIV by year"
    result = Result(rows, query, [_source(store, release)], notes, title)
    result.chart = lambda: _series_chart(
        result, {ab: f"{ca.name} → {cb.name}", ba: f"{cb.name} → {ca.name}"}
    )
    return result


def _from_existence(rows: Rows, a: Country, b: Country, last: int) -> tuple[Rows, list[str]]:
    """The series without its leading years before the later of the two states' periods in the state system
    (Russia–India before 1992: Russia's rows there are empty — not 'no deliveries', there was no Russia),
    when SIPRI records nothing for the pair in those years; SIPRI's own pre-state rows (West Germany's under
    'Germany') keep the whole series. With the note saying which years are left out."""
    from realpolitik.asof import lifespan

    (start_a, _), (start_b, _) = lifespan(a, last), lifespan(b, last)
    start = max(start_a, start_b)
    early = [r for r in rows.data if r[0] < start]
    if not early or any(v is not None for r in early for v in r[1:3]):
        return rows, []
    later = a if start_a >= start_b else b
    kept = Rows(rows.columns, rows.types, [r for r in rows.data if r[0] >= start])
    return kept, [f"Years before {start} are left out: {later.name} is in the state system from {start}."]


def _series_chart(result: Result, labels: dict[str, str]) -> dict[str, Any]:
    from realpolitik.render.charts import series_chart

    return series_chart(result.to_pandas(), "year", labels, result.title, "TIV (millions)")


def dyad_windows(
    supplier: str | Country,
    recipient: str | Country,
    width: int = 5,
    last: int | None = None,
    store: Store | None = None,
    release: str | None = None,
) -> Result:
    """Per window: TIV supplier→recipient, its share of the recipient's imports and of the supplier's
    exports, and each side's rank among the other's partners (with the partner ranked first)."""
    store = store or get_store()
    s, r = country(supplier), country(recipient)
    first, cov_last = tiv_coverage(release, store)
    last = min(last or cov_last, cov_last)
    make_windows(first, last, width)
    frame = store.sql(
        f"""
        WITH g AS (
            SELECT w AS start, w + $width - 1 AS "end" FROM range($first, $last - $width + 2) AS t(w)
            WHERE EXISTS (SELECT 1 FROM {tiv_source(release, store)} t  -- no deliveries, no windows
                          WHERE t.supplier_id = $s AND t.recipient_id = $r AND t.year BETWEEN $first AND $last)
        ),
        imp AS (
            SELECT g.start, t.supplier_id AS pid, t.supplier_name AS pname, sum(t.tiv ORDER BY t.tiv) AS tiv
            FROM g JOIN {tiv_source(release, store)} t
                 ON t.year BETWEEN g.start AND g."end" AND t.recipient_id = $r
            GROUP BY ALL
        ), impr AS (
            SELECT *, tiv / sum(tiv ORDER BY tiv) OVER (PARTITION BY start) AS share,
                   rank() OVER (PARTITION BY start ORDER BY tiv DESC) AS rnk FROM imp
        ), exp AS (
            SELECT g.start, t.recipient_id AS pid, t.recipient_name AS pname, sum(t.tiv ORDER BY t.tiv) AS tiv
            FROM g JOIN {tiv_source(release, store)} t
                 ON t.year BETWEEN g.start AND g."end" AND t.supplier_id = $s
            GROUP BY ALL
        ), expr AS (
            SELECT *, tiv / sum(tiv ORDER BY tiv) OVER (PARTITION BY start) AS share,
                   rank() OVER (PARTITION BY start ORDER BY tiv DESC) AS rnk FROM exp
        )
        SELECT g.start::INTEGER AS start, g."end"::INTEGER AS "end", round(i.tiv, 4) AS tiv,
               i.share AS share_of_imports, i.rnk::INTEGER AS supplier_rank,
               (SELECT pname FROM impr x WHERE x.start = g.start AND x.rnk = 1 LIMIT 1) AS top_supplier,
               e.share AS share_of_exports, e.rnk::INTEGER AS recipient_rank,
               (SELECT pname FROM expr x WHERE x.start = g.start AND x.rnk = 1 LIMIT 1) AS top_recipient
        FROM g JOIN impr i ON i.start = g.start AND i.pid = $s
        LEFT JOIN expr e ON e.start = g.start AND e.pid = $r
        ORDER BY g.start
        """,
        {"s": s.id, "r": r.id, "width": width, "first": first, "last": last},
    )
    notes = [
        f"Windows of {width} years ending by {last}; only windows with deliveries from {s.name} to {r.name}.",
        CONVENTION,
    ]
    if frame.empty:
        notes.insert(
            0, f"SIPRI records no arms deliveries from {s.name} to {r.name} in {first}–{last}."
        )
    query = {
        "command": "arms dyad-windows",
        "supplier": s.id,
        "recipient": r.id,
        "width": width,
        "last": last,
    }
    query |= {"release": release} if release else {}
    if release:
        notes += _release_notes(store, Period(first, last), release)
    return Result(
        frame,
        query,
        [_source(store, release)],
        notes,
        f"Arms {s.name} → {r.name} by {width}-year window",
    )
