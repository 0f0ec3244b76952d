"""Regenerate the documentation gallery (docs/gallery/) from the bundled snapshot.

Every output is what the project's own commands print, written verbatim; a page only adds a title
and the command that made it. Run from anywhere, in a venv with the project and its data installed:

    python tools/make_gallery.py            # bring docs/gallery/ up to date (changed files only)
    python tools/make_gallery.py --check    # exit 1, naming the files, if the gallery is stale
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GALLERY = ROOT / "docs" / "gallery"
AS_OF = "2024-10-09"  # the README's brief date: data up to 2023
ARTICLE = "examples/article_azerbaijan_israel.md"
PANEL_PAIR = {"373", "666"}  # COW codes of Azerbaijan and Israel
PANEL_HEAD = 10


@dataclass(frozen=True)
class Page:
    """One gallery page: a command whose Markdown output is the page's body."""

    slug: str
    title: str
    about: str
    args: tuple[str, ...]
    html: bool = False  # also write the same command's `--format html` output as <slug>.html

    @property
    def html_args(self) -> tuple[str, ...]:
        return tuple("html" if a == "md" else a for a in self.args)


PAGES = (
    Page(
        "arms-suppliers-azerbaijan",
        "Arms suppliers of Azerbaijan, 2016–2020",
        "The seed figure: Israel's share of Azerbaijan's arms imports, from SIPRI TIV.",
        ("arms", "suppliers", "Azerbaijan", "--from", "2016", "--to", "2020", "--format", "md"),
    ),
    Page(
        "brief-israel-azerbaijan",
        "Brief: Israel – Azerbaijan",
        "What's in it for each side, every figure with its period and source.",
        ("brief", "Israel", "Azerbaijan", "--as-of", AS_OF, "--format", "md"),
        html=True,
    ),
    Page(
        "check-article",
        "A checked article",
        f"Every checkable claim of the example article (`{ARTICLE}`) with its verdict and evidence.",
        ("check", ARTICLE, "--format", "md"),
        html=True,
    ),
    Page(
        "network-partnerships-2020",
        "Unlikely partnerships, 2020",
        "Dyads with strong material ties despite dissimilar regimes, religions and UN votes.",
        ("network", "partnerships", "--year", "2020", "--limit", "10", "--format", "md"),
    ),
)
BALANCE_SVG = "network-balance-1950-2024.svg"
BALANCE = ("network", "balance", "--from", "1950", "--to", "2024", "--format", "csv", "--chart")
PANEL = (
    "panel", "dyad-years", "--from", "2016", "--to", "2020",
    "--add", "contiguity,atop,rivalry,democracy,arms", "--sort", "--out",
)  # fmt: skip


def environment() -> dict[str, str]:
    """The environment for every command: pinned to the bundled snapshot, whatever release is in use."""
    from realpolitik.snapshot.paths import bundled_snapshot

    snapshot = bundled_snapshot()
    if snapshot is None:
        sys.exit(
            "make_gallery: the bundled snapshot is not installed (pip install -e ./realpolitik-data)"
        )
    return {**os.environ, "REALPOLITIK_SNAPSHOT": str(snapshot)}


def command(args: tuple[str, ...]) -> str:
    """The command line as shown on a page."""
    return "realpolitik " + shlex.join(args)


# runs the CLI on (args, env): the installed command by default; the test suite passes its in-process runner
Runner = Callable[[tuple[str, ...], dict[str, str]], subprocess.CompletedProcess[str]]


def installed(args: tuple[str, ...], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run the realpolitik command of this interpreter's environment in the repository root."""
    exe = Path(sys.executable).with_name("realpolitik")
    cli = str(exe) if exe.exists() else shutil.which("realpolitik")
    if cli is None:
        sys.exit("make_gallery: no realpolitik command found; install the project first")
    return subprocess.run(
        [cli, *args], cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8"
    )


def run(
    args: tuple[str, ...], env: dict[str, str], runner: Runner = installed
) -> subprocess.CompletedProcess[str]:
    """Run the realpolitik CLI (with `runner`); a failing command stops the tool."""
    proc = runner(args, env)
    if proc.returncode != 0:
        sys.exit(f"make_gallery: `{command(args)}` exited {proc.returncode}:\n{proc.stderr}")
    return proc


def made_by(args: tuple[str, ...], extra: str = "") -> str:
    """The admonition that says which command wrote a page."""
    return (
        '!!! note "How this was made"\n'
        f"    `{command(args)}` on the bundled snapshot{extra}, written by "
        "`python tools/make_gallery.py`; regenerated, never edited by hand.\n\n"
    )


def page_text(page: Page, output: str) -> str:
    """Title, provenance and the command's output verbatim (an output's own H1 stays the title)."""
    title, body = f"# {page.title}\n", output
    if output.startswith("# "):
        title, _, body = output.partition("\n")
        title += "\n"
    link = ""
    if page.html:
        link = (
            f"The same as one self-contained HTML file (`{command(page.html_args)}`): "
            f"[{page.slug}.html]({page.slug}.html).\n\n"
        )
    return f"{title}\n{page.about}\n\n{made_by(page.args)}{link}{body.strip()}\n"


def csv_table(rows: list[list[str]]) -> str:
    """CSV rows (header first) as a Markdown table, cells as written (empty = null)."""
    cell = [[c.replace("|", "\\|") or "–" for c in r] for r in rows]
    lines = ["| " + " | ".join(cell[0]) + " |", "|" + "---|" * len(cell[0])]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in cell[1:]])


def panel_page(out: Path, env: dict[str, str], runner: Runner = installed) -> None:
    """Build a dyad-year panel to CSV and show its head and the Azerbaijan–Israel rows."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dyads.csv"
        args = (*PANEL, str(path))
        proc = run(args, env, runner)
        with path.open(newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
    shown = (*PANEL, "dyads.csv")
    pair = [r for r in rows[1:] if {r[0], r[1]} == PANEL_PAIR]
    log = "\n".join(line for line in proc.stderr.splitlines() if not line.startswith("wrote "))
    text = (
        "# Panel head: dyad-years 2016–2020\n\n"
        "A directed COW dyad-year panel with contiguity, ATOP alliances, rivalries, democracy scores "
        "and SIPRI arms flows. An empty cell, shown –, is null, never 0; what null means in each "
        "column is in the notes the command printed (below).\n\n"
        f"{made_by(shown, ', the CSV file read back as written')}"
        f"## The first {PANEL_HEAD} rows\n\n{csv_table(rows[: PANEL_HEAD + 1])}\n\n"
        f"## Azerbaijan (373) and Israel (666)\n\n{csv_table([rows[0], *pair])}\n\n"
        f"## What the command printed\n\n```text\n{log}\n```\n"
    )
    (out / "panel-dyad-years.md").write_text(text, encoding="utf-8")


def brief_svgs(out: Path) -> list[tuple[str, str]]:
    """The brief's charts as SVG files (name, title), rendered as its HTML renders them."""
    import realpolitik as rp
    from realpolitik.render.charts import to_svg

    b = rp.brief("Israel", "Azerbaijan", as_of=AS_OF)
    charts = []
    for s in b.sections:
        for name, spec in s.charts.items():
            charts.append((f"brief-israel-azerbaijan-{name}.svg", str(spec.get("title", name))))
            (out / charts[-1][0]).write_text(to_svg(spec), encoding="utf-8")
    return charts


def index_text(charts: list[tuple[str, str]]) -> str:
    """The gallery's front page: what each page shows and the command behind it."""
    items = "\n".join(f"- [{p.title}]({p.slug}.md): {p.about} `{command(p.args)}`" for p in PAGES)
    html = "\n".join(
        f"- [{p.slug}.html]({p.slug}.html): `{command(p.html_args)}`" for p in PAGES if p.html
    )
    shown = "\n\n".join(f"![{title}]({name})" for name, title in charts)
    return (
        "# Gallery\n\n"
        "Real outputs of realpolitik on the bundled snapshot, each printed by the command shown. "
        "`python tools/make_gallery.py` regenerates them all; none is edited by hand, and the test "
        "suite fails when one differs from what its command prints now.\n\n"
        f"## Pages\n\n{items}\n"
        f"- [Panel head: dyad-years 2016–2020](panel-dyad-years.md): `{command((*PANEL, 'dyads.csv'))}`\n\n"
        f"## Standalone HTML\n\nSelf-contained files (no scripts, charts inlined as SVG):\n\n{html}\n\n"
        "## Charts\n\n"
        "The brief's charts, rendered by the function its HTML uses (`realpolitik.render.charts.to_svg`), "
        f"and the structural balance of the signed network, `{command((*BALANCE, BALANCE_SVG))}`:\n\n"
        f"{shown}\n"
    )


def build(out: Path, runner: Runner = installed) -> None:
    """Write every gallery file into out, running the commands with `runner`."""
    env = environment()
    os.environ["REALPOLITIK_SNAPSHOT"] = env["REALPOLITIK_SNAPSHOT"]  # for the in-process charts
    out.mkdir(parents=True, exist_ok=True)
    for p in PAGES:
        page = page_text(p, run(p.args, env, runner).stdout)
        (out / f"{p.slug}.md").write_text(page, encoding="utf-8")
        if p.html:
            html = run(p.html_args, env, runner).stdout
            (out / f"{p.slug}.html").write_text(html, encoding="utf-8")
    panel_page(out, env, runner)
    run((*BALANCE, str(out / BALANCE_SVG)), env, runner)
    charts = [
        *brief_svgs(out),
        (BALANCE_SVG, "Structural balance of the signed network of states, 1950–2024"),
    ]
    (out / "index.md").write_text(index_text(charts), encoding="utf-8")


NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")


def same(a: str, b: str) -> bool:
    """Equal texts, where long numbers may differ in their last digits: floating-point sums over
    threads are not bit-stable (a chart coordinate of 19.639367438996608 vs …58), shown figures are."""
    if a == b:
        return True
    if NUMBER.sub("#", a) != NUMBER.sub("#", b):
        return False
    return all(
        x == y or (len(x) > 12 and math.isclose(float(x), float(y), rel_tol=1e-9))
        for x, y in zip(NUMBER.findall(a), NUMBER.findall(b), strict=True)
    )


def stale(fresh: Path, current: Path) -> list[str]:
    """Names of files that differ between a fresh build and the committed gallery."""
    names = {p.name for p in fresh.iterdir()} | {p.name for p in current.glob("*")}
    return sorted(
        n
        for n in names
        if not (fresh / n).is_file()
        or not (current / n).is_file()
        or not same(
            (fresh / n).read_text(encoding="utf-8"), (current / n).read_text(encoding="utf-8")
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        build(fresh)
        diff = stale(fresh, GALLERY)
        if opts.check:
            if diff:
                sys.exit(
                    "gallery is stale (run `python tools/make_gallery.py`): " + ", ".join(diff)
                )
            print("gallery is current")
            return
        GALLERY.mkdir(parents=True, exist_ok=True)
        for name in diff:  # only what changed: float noise in an unchanged chart is not a change
            (GALLERY / name).unlink(missing_ok=True)
            if (fresh / name).is_file():
                shutil.copy2(fresh / name, GALLERY / name)
    print(f"{len(diff)} of {len(list(GALLERY.iterdir()))} files in docs/gallery rewritten")


if __name__ == "__main__":
    main()
