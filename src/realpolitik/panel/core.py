"""The Panel object: a dyad-year or state-year table kept as DuckDB SQL until it is materialised or written."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from realpolitik.errors import BadPeriod, UserError
from realpolitik.store import Store, get_store

if TYPE_CHECKING:
    import pandas as pd

    from realpolitik.result import Source

FIRST_YEAR = 1816
SYSTEMS = ("cow", "gw")


def last_year() -> int:
    """The most recently concluded calendar year: how far membership is extended (peacesciencer's `mry`)."""
    return dt.date.today().year - 1


def gw_to_cow(code: str, year: str) -> str:
    """SQL for the COW code of a Gleditsch–Ward code in a year (the codes differ for a handful of states)."""
    return (
        f"(CASE WHEN {code} = 260 AND {year} >= 1991 THEN 255 WHEN {code} = 340 THEN 345 "
        f"WHEN {code} = 678 AND {year} >= 1991 THEN 679 WHEN {code} = 970 THEN 946 WHEN {code} = 971 THEN 970 "
        f"WHEN {code} = 972 THEN 955 WHEN {code} = 973 THEN 947 ELSE {code} END)"
    )


def dkey(code1: str, code2: str, year: str) -> str:
    """SQL for one BIGINT key of a dyad-year (one-column hash joins are much cheaper than three-column ones)."""
    return f"(({code1})::BIGINT * 1000 + ({code2})) * 10000 + ({year})"


@dataclass(frozen=True)
class Panel:
    """A panel under construction: SQL parts for its rows plus what it is made of (steps, datasets, notes).

    State-level attributes (capabilities, democracy, …) are joined to the state-years *before* the dyads are
    formed, so a dyad-year panel joins each state table once per state-year, not twice per dyad-year.
    """

    state_sql: str  # state-years: code, year
    unit: str  # "dyad", "state" or "leader" (a leader-year is a state-year of one leader: state steps apply)
    system: str
    directed: bool
    years: tuple[int, int]
    columns: tuple[str, ...] = ()
    state_parts: tuple[tuple[str, str], ...] = ()  # (select over alias s, joins) on the state-years
    pair_cols: tuple[str, ...] = ()  # dyad columns from the two state rows a and b
    dyad_parts: tuple[tuple[str, str], ...] = ()  # (select over alias p, joins) on the dyad-years
    # queries over the finished rows ("{rows}"), e.g. window functions
    post_parts: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    datasets: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    store: Store | None = field(default=None, repr=False, compare=False)

    # ------------------------------------------------------------------ structure
    @property
    def code(self) -> str:
        return "ccode" if self.system == "cow" else "gwcode"

    @property
    def codes(self) -> tuple[str, ...]:
        """The key columns before year: ccode1/ccode2 (or gwcode…) for dyads, ccode/gwcode for states, obsid and
        gwcode for leaders."""
        if self.unit == "leader":
            return ("obsid", self.code)
        return (f"{self.code}1", f"{self.code}2") if self.unit == "dyad" else (self.code,)

    def cow_key(self, i: int = 0, alias: str = "p") -> str:
        """SQL for the COW code of the panel's i-th state (translated from GW codes on GW panels)."""
        col = f"{alias}.{self.codes[i]}"
        return col if self.system == "cow" else gw_to_cow(col, f"{alias}.year")

    def native_key(self, i: int = 0, alias: str = "p") -> str:
        return f"{alias}.{self.codes[i]}"

    def state_cow_key(self) -> str:
        """SQL for the COW code of a state-year row (alias s)."""
        col = f"s.{self.code}"
        return col if self.system == "cow" else gw_to_cow(col, "s.year")

    def _record(self, step: str, datasets: list[str], notes: list[str]) -> dict[str, Any]:
        if step in self.steps:
            raise UserError(f"step {step!r} was already added to this panel")
        return {
            "steps": (*self.steps, step),
            "datasets": tuple(dict.fromkeys((*self.datasets, *datasets))),
            "notes": (*self.notes, *notes),
        }

    def extend(
        self,
        select: str,
        joins: str,
        columns: list[str],
        step: str,
        datasets: list[str],
        notes: list[str],
    ) -> Panel:
        """Add dyad-level columns computed over `joins` against the previous rows (alias p)."""
        return replace(
            self,
            dyad_parts=(*self.dyad_parts, (select, joins)),
            columns=(*self.columns, *columns),
            **self._record(step, datasets, notes),
        )

    def extend_keyed(
        self,
        select: str,
        alias: str,
        key: str,
        source: str,
        columns: list[str],
        step: str,
        datasets: list[str],
        notes: list[str],
        merge: bool = True,
    ) -> Panel:
        """Add dyad-level columns from `source` (which has a `key` column: _k directed, _u/_un non-directed).

        `select` refers to the source's columns as `alias.col`. Sources sharing a key are merged into one
        join when the SQL is built (one probe of the dyad-years instead of several), unless `merge=False`: a source
        listing nearly every dyad-year (minimum distance) is cheaper probed on its own than FULL-joined to the others.
        """
        return replace(
            self,
            dyad_parts=(*self.dyad_parts, (select, alias, key, source, merge)),
            columns=(*self.columns, *columns),
            **self._record(step, datasets, notes),
        )

    def extend_state(
        self,
        select: str,
        joins: str,
        names: list[str],
        step: str,
        datasets: list[str],
        notes: list[str],
        pair_extra: list[str] | None = None,
    ) -> Panel:
        """Add state-level columns (select over alias s); dyad panels get them as <name>1/<name>2 plus `pair_extra`."""
        rec = self._record(step, datasets, notes)
        if self.unit != "dyad":
            return replace(
                self,
                state_parts=(*self.state_parts, (select, joins)),
                columns=(*self.columns, *names),
                **rec,
            )
        pairs = [f"{side}.{n} AS {n}{i}" for i, side in ((1, "a"), (2, "b")) for n in names]
        pairs += pair_extra or []
        cols = [p.rsplit(" AS ", 1)[1] for p in pairs]
        return replace(
            self,
            state_parts=(*self.state_parts, (select, joins)),
            pair_cols=(*self.pair_cols, *pairs),
            columns=(*self.columns, *cols),
            **rec,
        )

    def extend_rows(
        self, query: str, columns: list[str], step: str, datasets: list[str], notes: list[str]
    ) -> Panel:
        """Add columns computed over the finished rows: `query` selects from "{rows}" (e.g. window functions)."""
        return replace(
            self,
            post_parts=(*self.post_parts, query),
            columns=(*self.columns, *columns),
            **self._record(step, datasets, notes),
        )

    @property
    def sql(self) -> str:
        """The SQL of the whole panel (columns in the order the steps added them)."""
        sx = "SELECT s.*" + "".join(f", {sel}" for sel, _ in self.state_parts)
        sx += f" FROM ({self.state_sql}) s " + " ".join(j for _, j in self.state_parts)
        c = self.code
        if self.unit != "dyad":
            sql = sx
        else:
            false = "cow_false_dyads" if self.system == "cow" else "gw_false_dyads"
            rel = "<>" if self.directed else "<"
            pairs = "".join(f", {x}" for x in self.pair_cols)
            cow = "s." + c if self.system == "cow" else gw_to_cow(f"s.{c}", "s.year")
            hidden = {
                "_k": dkey("a._cow", "b._cow", "a.year"),
                "_u": dkey("least(a._cow, b._cow)", "greatest(a._cow, b._cow)", "a.year"),
                "_un": dkey(f"least(a.{c}, b.{c})", f"greatest(a.{c}, b.{c})", "a.year"),
            }
            # only the hidden keys some step uses (each costs a computation per dyad-year)
            text = " ".join(" ".join(map(str, part)) for part in self.dyad_parts)
            needed = {part[2] for part in self.dyad_parts if len(part) == 5}
            needed |= {n for n in hidden if re.search(rf"\bp\.{n}\b", text)}
            used = [f", {expr} AS {name}" for name, expr in hidden.items() if name in needed]
            sql = (
                f"WITH sx AS (SELECT {cow} AS _cow, * FROM ({sx}) s) "
                f"SELECT a.{c} AS {c}1, b.{c} AS {c}2, a.year{''.join(used)}{pairs} "
                f"FROM sx a JOIN sx b ON a.year = b.year AND a.{c} {rel} b.{c} "
                f"ANTI JOIN {false} f ON f.{c}1 = a.{c} AND f.{c}2 = b.{c} AND f.year = a.year"
            )
        if self.dyad_parts:  # one flat SELECT: every step joins the base rows p by its key
            sels = ", ".join(part[0] for part in self.dyad_parts)
            sql = f"SELECT p.*, {sels} FROM ({sql}) p " + _dyad_joins(self.dyad_parts)
        for query in self.post_parts:
            sql = query.replace("{rows}", f"({sql})")
        cols = ", ".join((*self.codes, "year", *self.columns))
        return f"SELECT {cols} FROM ({sql}) p"

    def _store(self) -> Store:
        return self.store or get_store()

    def _con(self, sql: str = "") -> duckdb.DuckDBPyConnection:
        """A cursor of the store's connection with the views `sql` names (all views without it); results carry no
        implicit row order (ORDER BY is still honoured)."""
        store = self._store()
        con = store.cursor(sql) if sql else store.con.cursor()
        con.execute("SET SESSION preserve_insertion_order = false")
        return con

    @contextmanager
    def pinned(self, sql: str, threads: int = 1) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor for `sql` (see `_con`) on which DuckDB runs `threads` threads (1 by default): parallel hash
        joins emit rows in an order that changes run to run; one thread gives the same rows in the same order (the
        same file, byte for byte) with less CPU and memory than two, more threads less wall time on an idle
        machine. `threads` is a database-wide setting: it is restored afterwards."""
        con = self._con(sql)
        before = int(con.execute("SELECT current_setting('threads')").fetchone()[0])
        con.execute(f"SET threads = {max(1, int(threads))}")
        try:
            yield con
        finally:
            con.execute(f"SET threads = {before}")

    def coverage(self, table: str) -> tuple[int, int]:
        """(first, last) year of a snapshot table."""
        return self._store().coverage(table)

    def require(self, *tables: str) -> None:
        """Fail with a clear message when a table the step needs is not in the snapshot."""
        from realpolitik.errors import DataMissing

        missing = [t for t in tables if not self._store().has_table(t)]
        if missing:
            raise DataMissing(
                f"the snapshot has no {', '.join(missing)} (run `realpolitik data build`)"
            )

    # ------------------------------------------------------------------ steps (see realpolitik.panel.steps)
    def add(self, step: str, **kwargs: Any) -> Panel:
        """Add a step by name (contiguity, mindist, atop, cow_mids, gml_mids, rivalries, nmc, majors, …)."""
        from realpolitik.panel.steps import STEPS

        return STEPS[step_name(step)](self, **kwargs)

    def add_contiguity(self) -> Panel:
        return self.add("contiguity")

    def add_mindist(self) -> Panel:
        return self.add("mindist")

    def add_atop(self) -> Panel:
        return self.add("atop")

    def add_cow_mids(self) -> Panel:
        return self.add("cow_mids")

    def add_gml_mids(self) -> Panel:
        return self.add("gml_mids")

    def add_rivalries(self) -> Panel:
        return self.add("rivalries")

    def add_nmc(self) -> Panel:
        return self.add("nmc")

    def add_majors(self) -> Panel:
        return self.add("majors")

    def add_democracy(self) -> Panel:
        return self.add("democracy")

    def add_cow_trade(self) -> Panel:
        return self.add("cow_trade")

    def add_ideal_points(self) -> Panel:
        return self.add("ideal_points")

    def add_arms(self) -> Panel:
        return self.add("arms")

    def add_crude(self) -> Panel:
        return self.add("crude")

    def add_events(self) -> Panel:
        return self.add("events")

    def add_igos(self) -> Panel:
        return self.add("igos")

    def add_capital_distance(self) -> Panel:
        return self.add("capital_distance")

    def add_cow_wars(self) -> Panel:
        return self.add("cow_wars")

    def add_ucdp_acd(
        self,
        type: str | list[str] | None = None,  # noqa: A002 - peacesciencer's argument name
        issue: str | list[str] | None = None,
        only_wars: bool = False,
    ) -> Panel:
        return self.add("ucdp_acd", type=type, issue=issue, only_wars=only_wars)

    def add_peace_years(self) -> Panel:
        return self.add("peace_years")

    def add_lead(self) -> Panel:
        return self.add("lead")

    # ------------------------------------------------------------------ output
    def query(self, ordered: bool = False, limit: int | None = None) -> str:
        """The panel's SQL, sorted by codes and year only when `ordered=True` (sorting costs), its first `limit` rows
        only if `limit`."""
        order = f" ORDER BY {', '.join(self.codes)}, year" if ordered else ""
        cap = f" LIMIT {int(limit)}" if limit else ""
        return f"SELECT * FROM ({self.sql}){order}{cap}"

    def relation(self, ordered: bool = False, limit: int | None = None) -> duckdb.DuckDBPyRelation:
        """The panel as a lazy DuckDB relation (see `query`), run in parallel: its row order may differ run to run
        unless `ordered` (`write`, `to_arrow` and `to_pandas` give the same order every run)."""
        return self._con().sql(self.query(ordered, limit))

    def to_arrow(self, ordered: bool = False, limit: int | None = None):
        """Materialise as a pyarrow Table (the same rows in the same order every run, see `pinned`)."""
        sql = self.query(ordered, limit)
        with self.pinned(sql) as con:
            return con.sql(sql).to_arrow_table()

    def to_pandas(self, ordered: bool = False, limit: int | None = None) -> pd.DataFrame:
        """Materialise as a pandas DataFrame (nullable integer columns keep missing distinct from 0)."""
        return arrow_to_pandas(self.to_arrow(ordered, limit))

    def count(self) -> int:
        """Number of rows."""
        sql = f"SELECT count(*) FROM ({self.sql})"
        return int(self._con(sql).execute(sql).fetchone()[0])

    def write(
        self,
        path: Path | str,
        count: bool = False,
        sort: bool = False,
        limit: int | None = None,
        threads: int = 1,
    ) -> Path | int:
        """Write the panel; the format follows the extension: .parquet .csv .feather .dta.

        Rows are streamed in the order DuckDB produces them on one thread (the same input gives the same file),
        sorted by codes and year only with `sort=True`, the first `limit` only if `limit`. `threads=2` encodes a
        large Parquet or Feather file on a second thread (the same file, sooner on an idle machine); 3 or more run
        DuckDB in parallel, and the row order (so the file's bytes) then changes run to run. Returns the path, or
        the number of rows written when `count=True`.
        """
        from realpolitik.panel.write import write_panel

        p = Path(path)
        rows = write_panel(self, p, sort, limit, threads)
        return rows if count else p

    def sources(self) -> list[Source]:
        """Provenance of every dataset the panel used."""
        store = self._store()
        return [store.source(d) for d in self.datasets if d in store.manifests]

    def cite(self, fmt: str = "apa") -> str:
        """Citations of every dataset the panel used (fmt "apa" or "bibtex"), via `realpolitik cite`'s renderer."""
        from realpolitik.snapshot.cite import cited, render

        store = self._store()
        items = cited([{"dataset": d} for d in self.datasets if d in store.manifests], store.path)
        return render(items, fmt)


def arrow_to_pandas(table: Any) -> pd.DataFrame:
    """A panel's Arrow table as pandas, integer columns nullable (missing stays distinct from 0)."""
    import pandas as pd

    nullable = {
        "int8": pd.Int8Dtype(),
        "int16": pd.Int16Dtype(),
        "int32": pd.Int32Dtype(),
        "int64": pd.Int64Dtype(),
    }
    return table.to_pandas(types_mapper=lambda t: nullable.get(str(t)))


def _dyad_joins(parts: tuple[tuple[str, ...], ...]) -> str:
    """The joins of the dyad steps; keyed sources sharing a key become one FULL-joined source of structs (except
    those added with merge=False, joined on their own)."""
    raw = [part[1] for part in parts if len(part) == 2]
    by_key: dict[str, list[tuple[str, str]]] = {}
    joins = []
    for part in parts:
        if len(part) == 5 and part[4]:
            by_key.setdefault(part[2], []).append((part[1], part[3]))
        elif len(part) == 5:
            joins.append(f"LEFT JOIN ({part[3]}) {part[1]} ON {part[1]}.{part[2]} = p.{part[2]}")
    for key, sources in by_key.items():
        if len(sources) == 1:
            alias, source = sources[0]
            joins.append(f"LEFT JOIN ({source}) {alias} ON {alias}.{key} = p.{key}")
            continue
        aliases = [a for a, _ in sources]
        merged = f"FROM ({sources[0][1]}) {aliases[0]}"
        for i, (alias, source) in enumerate(sources[1:], 1):
            seen = ", ".join(f"{a}.{key}" for a in aliases[:i])
            merged += f" FULL JOIN ({source}) {alias} ON {alias}.{key} = coalesce({seen}, NULL)"
        keys = ", ".join(f"{a}.{key}" for a in aliases)
        structs = ", ".join(f"{a} AS {a}" for a in aliases)  # each source row as a struct column
        g = f"g{key}"
        joins.append(
            f"LEFT JOIN (SELECT coalesce({keys}) AS {key}, {structs} {merged}) {g} ON {g}.{key} = p.{key}"
        )
    return " ".join([*joins, *raw])


ALIASES = {
    "gml": "gml_mids",
    "cow_mid": "cow_mids",
    "mids": "cow_mids",
    "cow": "cow_mids",
    "rivalry": "rivalries",
    "atop_alliance": "atop",
    "alliances": "atop",
    "distance": "mindist",
    "minimum_distance": "mindist",
    "trade": "cow_trade",
    "ideal": "ideal_points",
    "unga": "ideal_points",
    "idealpoints": "ideal_points",
    "major_powers": "majors",
    "cinc": "nmc",
    "sipri": "arms",
    "oil": "crude",
    "event": "events",
    "igo": "igos",
    "capdist": "capital_distance",
    "capital_distances": "capital_distance",
    "wars": "cow_wars",
    "cow_war": "cow_wars",
    "ucdp": "ucdp_acd",
    "peace": "peace_years",
    "spells": "peace_years",
}


def step_name(step: str) -> str:
    """The step a name means, in any case, with '-' for '_' or a peacesciencer-ish alias; UserError with the closest
    name otherwise."""
    from realpolitik.panel.steps import STEPS

    name = step.strip().lower().replace("-", "_")
    key = ALIASES.get(name, name)
    if key in STEPS:
        return key
    import difflib

    close = difflib.get_close_matches(key, [*STEPS, *ALIASES], n=1, cutoff=0.6)
    hint = (
        f"did you mean {ALIASES.get(close[0], close[0])!r}?"
        if close
        else f"known: {', '.join(sorted(STEPS))}"
    )
    raise UserError(f"unknown panel step {step!r}; {hint}")


def _check(system: str, years: tuple[int, int]) -> tuple[int, int]:
    if system not in SYSTEMS:
        raise UserError(f"unknown state system {system!r}; use 'cow' or 'gw'")
    start, end = int(years[0]), int(years[1])
    if start > end:
        raise BadPeriod(f"--from {start} is after --to {end}")
    if start < FIRST_YEAR or end > last_year():
        raise BadPeriod(
            f"{start}–{end} is outside the state-system years ({FIRST_YEAR}–{last_year()})"
        )
    return start, end


def _state_year_sql(system: str, end: int) -> str:
    """SQL for the state-years 1816..end: membership spells, with states alive at the data's end extended."""
    if system == "cow":
        return (
            "SELECT ccode, r.year, s.sy FROM (SELECT ccode, styear AS sy, "
            f"CASE WHEN endyear = (SELECT max(endyear) FROM cow_states) THEN greatest(endyear, {end}) ELSE endyear END AS ey "
            "FROM cow_states) s, (SELECT unnest(range(" + f"{FIRST_YEAR}, {end} + 1)) AS year) r "
            "WHERE r.year BETWEEN s.sy AND s.ey"
        )
    return (
        'SELECT gwcode, r.year, s.sy FROM (SELECT gwcode, year("start") AS sy, '
        f'CASE WHEN "end" = (SELECT max("end") FROM gw_system) THEN greatest(year("end"), {end}) ELSE year("end") END AS ey '
        "FROM gw_system) s, (SELECT unnest(range(" + f"{FIRST_YEAR}, {end} + 1)) AS year) r "
        "WHERE r.year BETWEEN s.sy AND s.ey"
    )


SYSTEM_DATASET = {"cow": "cow_states", "gw": "isard_system"}
SYSTEM_NOTE = {
    "cow": "COW state system membership v2016 (peacesciencer 1.2.9's cow_states); states alive at its end (2016) "
    "are assumed alive to the panel's last year, as peacesciencer does; false dyads removed.",
    "gw": "Gleditsch–Ward membership with microstates (isard's gw_system, to 2020; the membership behind "
    "peacesciencer's gw_ddy); states alive at its end are assumed alive to the panel's last year; false dyads removed.",
}


def state_years(
    system: str = "cow", years: tuple[int, int] = (FIRST_YEAR, 2020), store: Store | None = None
) -> Panel:
    """Every state-year of the COW or GW system in `years` (inclusive), like peacesciencer's create_stateyears()."""
    return _panel("state", system, True, years, store)


def dyad_years(
    system: str = "cow",
    directed: bool = True,
    years: tuple[int, int] = (FIRST_YEAR, 2020),
    store: Store | None = None,
) -> Panel:
    """Every dyad-year of the COW or GW system in `years`, like peacesciencer's create_dyadyears()."""
    return _panel("dyad", system, directed, years, store)


def _panel(
    unit: str, system: str, directed: bool, years: tuple[int, int], store: Store | None
) -> Panel:
    start, end = _check(system, years)
    st = store or get_store()
    code = "ccode" if system == "cow" else "gwcode"
    sql = (
        f"SELECT DISTINCT {code}::SMALLINT AS {code}, year::SMALLINT AS year "
        f"FROM ({_state_year_sql(system, end)}) WHERE year >= {start}"
    )
    datasets = tuple(dict.fromkeys((SYSTEM_DATASET[system], "cow_states")))
    return Panel(
        sql,
        unit,
        system,
        directed,
        (start, end),
        datasets=datasets,
        notes=(SYSTEM_NOTE[system],),
        store=st,
    )


def leader_years(years: tuple[int, int] = (1840, 2015), store: Store | None = None) -> Panel:
    """Every year of every Archigos leader spell, like peacesciencer's create_leaderyears() (standardize = "none").

    A leader is in a year if in office on any day of it; yrinoffice counts calendar years from the start (1 in the
    first), leaderage is the year minus the birth year. Codes are Gleditsch–Ward, as in Archigos.
    """
    st = store or get_store()
    start, end = int(years[0]), int(years[1])
    if start > end:
        raise BadPeriod(f"--from {start} is after --to {end}")
    first, last = st.coverage("archigos")
    if end < first or start > last:
        raise BadPeriod(f"{start}–{end} is outside Archigos's leader years ({first}–{last})")
    sql = (
        "SELECT DISTINCT obsid, gwcode::SMALLINT AS gwcode, y::SMALLINT AS year, leader, gender, "
        "(y - yrborn)::SMALLINT AS leaderage, (y - year(startdate) + 1)::SMALLINT AS yrinoffice "
        "FROM (SELECT *, unnest(range(year(startdate), year(enddate) + 1)) AS y FROM archigos) "
        f"WHERE y BETWEEN {start} AND {end}"
    )
    note = (
        "Leader-years: Archigos 4.1 leader spells (peacesciencer 1.2.9's subset), every calendar year a leader held "
        "office on any day (two leaders share a state-year when power changed hands); GW codes."
    )
    return Panel(
        sql,
        "leader",
        "gw",
        True,
        (start, end),
        columns=("leader", "gender", "leaderage", "yrinoffice"),
        datasets=("leaders",),
        notes=(note,),
        store=st,
    )
