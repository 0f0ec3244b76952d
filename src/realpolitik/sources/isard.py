"""isard (Steve Miller's R package): state-year democracy, GDP/population and system membership.

peacesciencer's add_democracy() and create_stateyears() take their data from here. Readers are pure
(path -> DataFrame) over the official `.rda` files; codes become integers and a resolver id is added.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from realpolitik.snapshot.dataset import Built, Dataset
from realpolitik.sources.peacesciencer import add_ids, integerise, read_rda, year_span

ISARD_DIR = "isard"
ISARD_VERSION = "0.2.0"
ISARD_URL = "https://github.com/svmiller/isard"


def _read(raw_root: Path, name: str) -> tuple[pd.DataFrame, Path]:
    path = raw_root / ISARD_DIR / f"{name}.rda"
    return read_rda(path, name), path


def parse_democracy(frame: pd.DataFrame, code: str = "ccode", system: str = "cow") -> pd.DataFrame:
    """cw_/gw_democracy: euds, aeuds (extended UDS), polity2, v2x_polyarchy by state-year."""
    return add_ids(integerise(frame, [code, "year", "polity2"]), {code: "id"}, system)


def parse_system(frame: pd.DataFrame, code: str = "ccode", system: str = "cow") -> pd.DataFrame:
    """cw_/gw_system: membership spells with start/end dates (GW flags microstates)."""
    out = frame.copy()
    out["start"] = pd.to_datetime(out["start"]).dt.date
    out["end"] = pd.to_datetime(out["end"]).dt.date
    cols = [code] + (["microstate"] if "microstate" in out else [])
    return add_ids(integerise(out, cols), {code: "id"}, system)


def parse_gdppop(frame: pd.DataFrame) -> pd.DataFrame:
    """cw_gdppop: Maddison GDP per capita and Penn World Table GDP/population estimates with standard errors."""
    return add_ids(integerise(frame, ["ccode", "year"]), {"ccode": "id"})


def _release() -> str:
    return f"isard {ISARD_VERSION}"


def build_democracy(raw_root: Path) -> Built:
    cw, p1 = _read(raw_root, "cw_democracy")
    gw, p2 = _read(raw_root, "gw_democracy")
    tables = {
        "cw_democracy": parse_democracy(cw),
        "gw_democracy": parse_democracy(gw, "gwcode", "gw"),
    }
    notes = [
        "polity2 ends in 2018 (Polity5); v2x_polyarchy follows the V-Dem release isard used; euds/aeuds extend to 2025.",
        "Rows for state-years where a measure is not published are missing (null), never 0.",
    ]
    return Built(tables, _release(), [p1, p2], {k: year_span(v) for k, v in tables.items()}, notes)


def build_gdppop(raw_root: Path) -> Built:
    frame, path = _read(raw_root, "cw_gdppop")
    t = parse_gdppop(frame)
    return Built(
        {"cw_gdppop": t},
        _release(),
        [path],
        {"cw_gdppop": year_span(t)},
        [
            "mrgdppc: Maddison GDP per capita (2011 US$); pwtrgdp (million 2017 US$) and pwtpop (millions) from PWT, with simulated extensions."
        ],
    )


def build_system(raw_root: Path) -> Built:
    cw, p1 = _read(raw_root, "cw_system")
    gw, p2 = _read(raw_root, "gw_system")
    tables = {"cw_system": parse_system(cw), "gw_system": parse_system(gw, "gwcode", "gw")}
    cov = {
        k: (min(d.year for d in v["start"]), max(d.year for d in v["end"]))
        for k, v in tables.items()
    }
    notes = [
        "COW membership ends 2016-12-31, GW 2020-12-31: panels extend states alive at the end to the asked year."
    ]
    return Built(tables, _release(), [p1, p2], cov, notes)


BIB_ISARD = "@Manual{miller2025isard, author={Steven V. Miller}, title={isard: Overflow Data for Quantitative Peace Science Research}, year={2025}, note={R package version 0.2.0}, url={https://github.com/svmiller/isard}}"

DATASETS = [
    Dataset(
        name="isard_democracy",
        title="State-year democracy: V-Dem polyarchy, Polity polity2, extended UDS (isard)",
        build=build_democracy,
        citation=(
            "Miller, Steven V. isard: Overflow Data for Quantitative Peace Science Research (R package 0.2.0). "
            "Sources: Coppedge et al., V-Dem Dataset (v2x_polyarchy); Marshall, Gurr and Jaggers, Polity5 (polity2); "
            "Márquez, Xavier. 2016. A Quick Method for Extending the Unified Democracy Scores (euds, aeuds)."
        ),
        url=ISARD_URL,
        licence="GPL-2 (package); cite the underlying sources",
        bibtex=BIB_ISARD
        + "\n@Misc{coppedgeetal2020vdem, author={Michael Coppedge and others}, title={V-Dem Dataset}, year={2020}}"
        + "\n@Misc{marshalletal2017p, author={Monty G. Marshall and Ted Robert Gurr and Keith Jaggers}, title={Polity IV Project: Political Regime Characteristics and Transitions, 1800--2016}, year={2017}}"
        + "\n@Misc{marquez2016qme, author={Xavier Marquez}, title={A Quick Method for Extending the Unified Democracy Scores}, year={2016}, note={SSRN 2753830}}",
    ),
    Dataset(
        name="isard_gdppop",
        title="State-year GDP and population estimates (Maddison, PWT; isard)",
        build=build_gdppop,
        citation=(
            "Miller, Steven V. isard (R package 0.2.0). Sources: Maddison Project Database; Feenstra, Inklaar and "
            "Timmer. 2015. The Next Generation of the Penn World Table. American Economic Review 105(10): 3150–3182."
        ),
        url=ISARD_URL,
        licence="GPL-2 (package); cite the underlying sources",
        bibtex=BIB_ISARD,
    ),
    Dataset(
        name="isard_system",
        title="COW and Gleditsch–Ward system membership with microstates (isard)",
        build=build_system,
        citation=(
            "Miller, Steven V. isard (R package 0.2.0). Correlates of War Project. 2017. State System Membership "
            "List, v2016. Gleditsch, Kristian S. and Michael D. Ward. 1999. A Revised List of Independent States "
            "since 1816. International Interactions 25(4): 393–413."
        ),
        url=ISARD_URL,
        licence="GPL-2 (package); cite the underlying sources",
        bibtex=BIB_ISARD,
    ),
]
