"""The add_* steps of a panel: each one a SQL join over snapshot tables, honest about its coverage.

Every step codes values only inside the coverage of its data (read from the snapshot manifest) and leaves
them NULL outside it: a dyad-year after 2016 has `conttype` NULL, not 0. Inside the coverage an absent
relationship is 0 only where the source is a complete list of relationships (contiguity, alliances,
disputes, rivalries, major powers); measured quantities (CINC, distance, trade, ideal points) stay NULL
when the source has no value.
"""

from __future__ import annotations

from collections.abc import Callable

from realpolitik.errors import UserError
from realpolitik.panel.core import Panel, dkey


def _inside(panel: Panel, table: str, alias: str = "p") -> tuple[str, int, int]:
    first, last = panel.coverage(table)
    return f"{alias}.year BETWEEN {first} AND {last}", first, last


def _dyad_only(panel: Panel, step: str) -> None:
    if panel.unit != "dyad":
        raise UserError(f"step {step!r} needs a dyad-year panel")


def add_contiguity(panel: Panel) -> Panel:
    """conttype: COW direct contiguity in force at the start of the year, 0 none, 1 land/river, 2–5 sea ≤12/24/150/400 mi.

    "Start of the year" is the first month of the year the contiguity data cover the pair (January, or the month a
    state enters): the closest type among the records in force that month, 0 when none is. A type that begins or
    ends later in the year counts from the next year, as in peacesciencer's `add_contiguity(slice = "first")`.
    """
    _dyad_only(panel, "contiguity")
    panel.require("cow_contdir")
    inside, first, last = _inside(panel, "cow_contdir")
    # records by year with the first and last month they are in force that year; the 0 records (months in which
    # both states exist without contiguity) only date the pair's first month, since peacesciencer's collapsed 0
    # spans also run across months of contiguity
    months = (
        "SELECT ccode1, ccode2, conttype, y AS year, CASE WHEN y = styear THEN month(stdate) ELSE 1 END AS fm, "
        "CASE WHEN y = endyear THEN month(enddate) ELSE 12 END AS lm "
        "FROM (SELECT *, unnest(range(styear, endyear + 1)) AS y FROM cow_contdir)"
    )
    source = (
        f"SELECT {dkey('ccode1', 'ccode2', 'year')} AS _k, coalesce(min(conttype) FILTER "
        "(WHERE conttype > 0 AND fm <= f0 AND lm >= f0), 0) AS conttype FROM "
        f"(SELECT *, min(fm) OVER (PARTITION BY ccode1, ccode2, year) AS f0 FROM ({months})) GROUP BY ALL"
    )
    select = f"(CASE WHEN {inside} THEN coalesce(ct.conttype, 0) END)::TINYINT AS conttype"
    note = (
        f"conttype: COW Direct Contiguity v3.2 covers {first}–{last}; the type in force at the start of the year "
        "(a change during the year counts from the next year); NULL outside the coverage (not 0)."
    )
    return panel.extend_keyed(
        select, "ct", "_k", source, ["conttype"], "contiguity", ["cow_contdir"], [note]
    )


def add_mindist(panel: Panel) -> Panel:
    """mindist: minimum distance in km between the two states (CShapes 2.0), NULL outside 1886–2019.

    COW panels take the first distance recorded in the year (so a pair formed during the year has one, as in
    peacesciencer's default); GW panels the distance on 1 January (no date-level GW file is published with it).
    """
    _dyad_only(panel, "mindist")
    if panel.system == "cow":
        table, a, b, key, dataset, when = (
            "cow_mindist_first",
            "ccode1",
            "ccode2",
            "_u",
            "cshapes_mindist_first",
            "first recorded in the year",
        )
    else:  # GW codes are native: their own key
        table, a, b, key, dataset, when = (
            "gw_mindist",
            "gwcode1",
            "gwcode2",
            "_un",
            "cshapes_mindist",
            "on 1 January",
        )
    panel.require(table)
    _, first, last = _inside(panel, table)
    source = f"SELECT {dkey(a, b, 'year')} AS {key}, mindist FROM {table}"
    note = (
        f"mindist: CShapes 2.0 minimum distance (km) {when}, covers {first}–{last}; NULL outside and for pairs "
        "it does not list."
    )
    return panel.extend_keyed(
        "md.mindist AS mindist",
        "md",
        key,
        source,
        ["mindist"],
        "mindist",
        [dataset],
        [note],
        merge=False,
    )


ATOP = [
    "atop_alliance",
    "atop_defense",
    "atop_offense",
    "atop_neutral",
    "atop_nonagg",
    "atop_consul",
]


def add_atop(panel: Panel) -> Panel:
    """ATOP v5 of the dyad-year, 0/1: any alliance (the pair in ATOP's dyad-years) and each obligation.

    Directed panels read the ccode1→ccode2 row; non-directed panels count an obligation in either direction
    (peacesciencer's `add_atop_alliance(ndir = TRUE)`).
    """
    _dyad_only(panel, "atop")
    panel.require("atop_alliance")
    inside, first, last = _inside(panel, "atop_alliance")
    obligations = ATOP[1:]
    if panel.directed:
        key, cols = "_k", ", ".join(obligations)
        source = f"SELECT {dkey('ccode1', 'ccode2', 'year')} AS _k, 1 AS atop_alliance, {cols} FROM atop_alliance"
    else:
        key, cols = "_u", ", ".join(f"max({c}) AS {c}" for c in obligations)
        pair = dkey("least(ccode1, ccode2)", "greatest(ccode1, ccode2)", "year")
        source = f"SELECT {pair} AS _u, 1 AS atop_alliance, {cols} FROM atop_alliance GROUP BY 1"
    select = ", ".join(
        f"(CASE WHEN {inside} THEN coalesce(al.{c}, 0) END)::TINYINT AS {c}" for c in ATOP
    )
    note = (
        f"atop_*: ATOP v5 covers {first}–{last}; NULL after {last} (not 0). atop_alliance = 1 for any ATOP alliance "
        "of the pair, also one with none of the five obligations"
        + (
            "."
            if panel.directed
            else "; non-directed rows count an obligation in either direction."
        )
    )
    return panel.extend_keyed(select, "al", key, source, ATOP, "atop", ["atop"], [note])


MID_COLUMNS = [
    "dispnum",
    "hostlev",
    "fatality",
    "recip",
    "sidea1",
    "sidea2",
    "orig1",
    "orig2",
    "hiact1",
    "hiact2",
    "hostlev1",
    "hostlev2",
    "fatality1",
    "fatality2",
]


def _add_mids(panel: Panel, family: str) -> Panel:
    table = f"{family}_mid_ddydisps"
    panel.require(table)
    onset, ongoing = f"{family}midonset", f"{family}midongoing"
    inside, first, last = _inside(panel, table)
    names = [onset, ongoing, *[f"{family}_{c}" for c in MID_COLUMNS]]
    m = f"m_{family}"
    cols = [
        f"(CASE WHEN {inside} THEN coalesce({m}.{onset}, 0) END)::TINYINT AS {onset}",
        f"(CASE WHEN {inside} THEN coalesce({m}.{ongoing}, 0) END)::TINYINT AS {ongoing}",
        *[f"{m}.{c} AS {family}_{c}" for c in MID_COLUMNS],
    ]
    source = f"SELECT {dkey('ccode1', 'ccode2', 'year')} AS _k, {onset}, {ongoing}, {', '.join(MID_COLUMNS)} FROM {table}"
    label = "COW MID v5" if family == "cow" else "GML MID v2.2.1"
    notes = [
        f"{onset}/{ongoing}: {label} covers {first}–{last}; NULL after {last} (not 0). One dispute per dyad-year "
        f"(peacesciencer's whittled {table}); {family}_hostlev 1–5 is the dyad's highest hostility. "
        f"Peace years: add_peace_years()."
    ]
    step = f"{family}_mids"
    return panel.extend_keyed(
        ", ".join(cols), m, "_k", source, names, step, [f"{family}_mid"], notes
    )


def add_cow_mids(panel: Panel) -> Panel:
    """COW MID v5 onset, ongoing and hostility (dyad-years to 2014)."""
    _dyad_only(panel, "cow_mids")
    return _add_mids(panel, "cow")


def add_gml_mids(panel: Panel) -> Panel:
    """GML MID v2.2.1 onset, ongoing and hostility (dyad-years to 2010)."""
    _dyad_only(panel, "gml_mids")
    return _add_mids(panel, "gml")


def _austria(code: str) -> str:
    """SQL: a rivalry side coded Austria-Hungary (300) after 1918 is Austria (305), as the rivalry's name says."""
    return f"(CASE WHEN {code} = 300 AND year >= 1919 THEN 305 ELSE {code} END)"


def add_rivalries(panel: Panel) -> Panel:
    """Strategic rivalries: Thompson & Dreyer (to 2010, types) and Thompson–Sakuwa–Suhas (to 2020, type flags)."""
    _dyad_only(panel, "rivalries")
    panel.require("td_rivalries", "tss_rivalries")
    td_in, _, td_last = _inside(panel, "td_rivalries")
    tss_in, _, tss_last = _inside(panel, "tss_rivalries")
    flags = ["positional", "spatial", "ideological", "interventionary", "principal", "aprin"]
    td = (
        f"SELECT {_austria('ccode1')} AS ccode1, {_austria('ccode2')} AS ccode2, year, min(rivalryno) AS rivalryno, min(type1) AS type1, min(type2) AS type2, "
        "min(type3) AS type3 FROM (SELECT *, unnest(range(styear, endyear + 1)) AS year FROM td_rivalries) GROUP BY ALL"
    )
    tss = (
        f"SELECT {_austria('ccode1')} AS ccode1, {_austria('ccode2')} AS ccode2, year, min(tssr_id) AS tssr_id, "
        + ", ".join(f'max("{f}") AS "{f}"' for f in flags)
        + ' FROM (SELECT *, unnest(range("start", "end" + 1)) AS year FROM tss_rivalries) GROUP BY ALL'
    )
    source = (
        f"SELECT coalesce(td._u, ts._u) AS _u, td.* EXCLUDE (_u), ts.* EXCLUDE (_u) FROM "
        f"(SELECT {dkey('ccode1', 'ccode2', 'year')} AS _u, rivalryno, type1, type2, type3, true AS td_row FROM ({td})) td "
        f"FULL JOIN (SELECT {dkey('ccode1', 'ccode2', 'year')} AS _u, tssr_id, {', '.join(chr(34) + f + chr(34) for f in flags)}, "
        f"true AS tss_row FROM ({tss})) ts ON td._u = ts._u"
    )
    cols = [
        f"(CASE WHEN {td_in} THEN coalesce(rv.td_row, false)::INT END)::TINYINT AS td_rivalry",
        "rv.rivalryno::SMALLINT AS td_rivalryno",
        "rv.type1 AS td_type1",
        "rv.type2 AS td_type2",
        "rv.type3 AS td_type3",
        f"(CASE WHEN {tss_in} THEN coalesce(rv.tss_row, false)::INT END)::TINYINT AS tss_rivalry",
        "rv.tssr_id::SMALLINT AS tss_id",
        *[
            f'(CASE WHEN {tss_in} THEN coalesce(rv."{f}", 0) END)::TINYINT AS tss_{f}'
            for f in flags
        ],
    ]
    notes = [
        f"td_rivalry: Thompson & Dreyer strategic rivalries coded to {td_last}; tss_rivalry: Thompson–Sakuwa–Suhas to "
        f"{tss_last}. NULL after those years — a dyad is never coded as a non-rival (or rival) outside the data."
    ]
    names = [c.rsplit(" AS ", 1)[1] for c in cols]
    return panel.extend_keyed(
        ", ".join(cols),
        "rv",
        "_u",
        source,
        names,
        "rivalries",
        ["td_rivalries", "tss_rivalries"],
        notes,
    )


NMC = ["milex", "milper", "irst", "pec", "tpop", "upop", "cinc"]


def add_nmc(panel: Panel) -> Panel:
    """COW NMC v6 capabilities of each side, plus the capability share and ratio for dyads."""
    panel.require("cow_nmc")
    _, first, last = _inside(panel, "cow_nmc")
    note = (
        f"NMC v6 covers {first}–{last}: NULL after {last} and where the source has no value. Units as COW publishes "
        "them, in thousands: milex of current US$, milper personnel, irst tons of iron and steel, pec coal-ton "
        "equivalents, tpop and upop (cities over 100,000) people; cinc is a share of the system's total (0–1)."
    )
    if panel.unit == "dyad":
        note += " cinc_share1 = cinc1/(cinc1+cinc2); cinc_ratio = stronger/weaker (NULL when the weaker is 0)."
    joins = f"LEFT JOIN cow_nmc n ON n.ccode = {panel.state_cow_key()} AND n.year = s.year"
    extra = [
        "a.cinc / nullif(a.cinc + b.cinc, 0) AS cinc_share1",
        "greatest(a.cinc, b.cinc) / nullif(least(a.cinc, b.cinc), 0) AS cinc_ratio",
    ]
    select = ", ".join(f"n.{c} AS {c}" for c in NMC)
    return panel.extend_state(select, joins, NMC, "nmc", ["cow_nmc"], [note], extra)


def add_majors(panel: Panel) -> Panel:
    """COW major power status (0/1) of each side, coded to 2016 (the COW 2016 list)."""
    panel.require("cow_majors")
    inside, first, last = _inside(panel, "cow_majors", "s")
    maj = "SELECT DISTINCT ccode, unnest(range(styear, endyear + 1)) AS year FROM cow_majors"
    note = f"cowmaj: COW major powers list v2016 covers {first}–{last}; NULL after {last} (not 0)."
    joins = f"LEFT JOIN ({maj}) mj ON mj.ccode = {panel.state_cow_key()} AND mj.year = s.year"
    select = f"(CASE WHEN {inside} THEN (mj.ccode IS NOT NULL)::INT END)::TINYINT AS cowmaj"
    return panel.extend_state(select, joins, ["cowmaj"], "majors", ["cow_states"], [note])


DEMOCRACY = ["v2x_polyarchy", "polity2", "euds", "aeuds"]


def add_democracy(panel: Panel) -> Panel:
    """V-Dem polyarchy, Polity polity2 and (A)EUDS of each side, from isard's cw_/gw_democracy."""
    table = "cw_democracy" if panel.system == "cow" else "gw_democracy"
    panel.require(table)
    _, first, last = _inside(panel, table)
    note = f"democracy: isard {table} covers {first}–{last}; polity2 ends in 2018 and V-Dem earlier than EUDS: NULL where unpublished."
    joins = f"LEFT JOIN {table} d ON d.{panel.code} = s.{panel.code} AND d.year = s.year"
    select = ", ".join(f"d.{c} AS {c}" for c in DEMOCRACY)
    return panel.extend_state(select, joins, DEMOCRACY, "democracy", ["isard_democracy"], [note])


def add_cow_trade(panel: Panel) -> Panel:
    """COW Trade v4: dyadic imports each way (flow1 = imports of state 1 from state 2), US$ millions, to 2014."""
    if panel.unit != "dyad":
        panel.require("cow_trade_sy")
        _, first, last = _inside(panel, "cow_trade_sy")
        joins = f"LEFT JOIN cow_trade_sy t ON t.ccode = {panel.state_cow_key()} AND t.year = s.year"
        note = f"imports/exports: COW national trade v4 ({first}–{last}), US$ millions; NULL where missing."
        select = "t.imports AS imports, t.exports AS exports"
        return panel.extend_state(
            select, joins, ["imports", "exports"], "cow_trade", ["cow_trade"], [note]
        )
    panel.require("cow_trade_ddy")
    _, first, last = _inside(panel, "cow_trade_ddy")
    k1, k2 = panel.cow_key(0), panel.cow_key(1)
    trade = f"SELECT {dkey('ccode1', 'ccode2', 'year')} AS _u, flow1, flow2, smoothflow1, smoothflow2 FROM cow_trade_ddy"
    cols = [
        f"CASE WHEN {k1} < {k2} THEN k_trade.flow1 ELSE k_trade.flow2 END AS flow1",
        f"CASE WHEN {k1} < {k2} THEN k_trade.flow2 ELSE k_trade.flow1 END AS flow2",
        f"CASE WHEN {k1} < {k2} THEN k_trade.smoothflow1 ELSE k_trade.smoothflow2 END AS smoothflow1",
        f"CASE WHEN {k1} < {k2} THEN k_trade.smoothflow2 ELSE k_trade.smoothflow1 END AS smoothflow2",
    ]
    note = (
        f"flow1/flow2: COW dyadic trade v4 ({first}–{last}), imports of state 1 from state 2 and the reverse, US$ millions; "
        "NULL where not reported (importer-reported: crude oil to Israel is missing)."
    )
    names = ["flow1", "flow2", "smoothflow1", "smoothflow2"]
    return panel.extend_keyed(
        ", ".join(cols), "k_trade", "_u", trade, names, "cow_trade", ["cow_trade"], [note]
    )


def add_ideal_points(panel: Panel) -> Panel:
    """UN General Assembly ideal points (idealpointfp) of each side and their absolute distance."""
    panel.require("unga_idealpoints")
    _, first, last = _inside(panel, "unga_idealpoints")
    note = f"UNGA ideal points (Bailey–Strezhnev–Voeten, idealpointfp) cover {first}–{last}; NULL for non-members and outside."
    joins = f"LEFT JOIN unga_idealpoints u ON u.ccode = {panel.state_cow_key()} AND u.year = s.year"
    extra = ["abs(a.idealpoint - b.idealpoint) AS ideal_distance"]
    return panel.extend_state(
        "u.idealpointfp AS idealpoint",
        joins,
        ["idealpoint"],
        "ideal_points",
        ["unga_idealpoints"],
        [note],
        extra,
    )


def add_arms(panel: Panel) -> Panel:
    """SIPRI TIV delivered each way and the supplier's share of the recipient's imports (see arms.py)."""
    from realpolitik.panel.arms import add_arms as _arms

    return _arms(panel)


def add_crude(panel: Panel) -> Panel:
    """Crude-oil exports each way where the snapshot has bilateral flows (see arms.py)."""
    from realpolitik.panel.arms import add_crude as _crude

    return _crude(panel)


def add_events(panel: Panel) -> Panel:
    """Event-data aggregates each way where the bundled samples have events (see arms.py)."""
    from realpolitik.panel.arms import add_events as _events

    return _events(panel)


def _lazy(module: str, name: str) -> Callable[..., Panel]:
    """A step defined in another panel module, imported when used."""

    def step(panel: Panel, **kwargs) -> Panel:
        import importlib

        return getattr(importlib.import_module(f"realpolitik.panel.{module}"), name)(
            panel, **kwargs
        )

    step.__doc__ = f"See realpolitik.panel.{module}.{name}."
    return step


STEPS: dict[str, Callable[..., Panel]] = {
    "contiguity": add_contiguity,
    "mindist": add_mindist,
    "atop": add_atop,
    "cow_mids": add_cow_mids,
    "gml_mids": add_gml_mids,
    "rivalries": add_rivalries,
    "nmc": add_nmc,
    "majors": add_majors,
    "democracy": add_democracy,
    "cow_trade": add_cow_trade,
    "ideal_points": add_ideal_points,
    "arms": add_arms,
    "crude": add_crude,
    "events": add_events,
    "igos": _lazy("igos", "add_igos"),
    "capital_distance": _lazy("capitals", "add_capital_distance"),
    "cow_wars": _lazy("wars", "add_cow_wars"),
    "ucdp_acd": _lazy("wars", "add_ucdp_acd"),
    "peace_years": _lazy("spells", "add_peace_years"),
    "lead": _lazy("leaders", "add_lead"),
}
