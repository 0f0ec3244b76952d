"""The CLI contract: bad input exits 2 with one line, guesses are said on stderr, --version agrees
with the package metadata, help has no type noise, and start-up paths import nothing heavy.

What a command prints is tested on its entry point run in-process (`run_cli_in_process`: `main()` with its exit
codes and one-line errors, no new interpreter); pipes, closed stdin, start-up imports, --version and --help on
a real process (`run_cli`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.conftest import run_cli, run_cli_in_process

REPO = Path(__file__).resolve().parent.parent
ARTICLE = str(REPO / "examples" / "article_azerbaijan_israel.md")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["arms", "top", "exporters", "--limit", "99999999999999999999"], "--limit"),
        (["arms", "suppliers", "Azerbaijan", "--limit", "99999999999999999999"], "--limit"),
        (["arms", "suppliers", "Azerbaijan", "--from", "99999999999999999999"], "not a year"),
        (["arms", "suppliers", "Azerbaijan", "--from", "2016-13-01"], "not a year"),
        (["network", "balance", "--exact", "--time-limit", "-1"], "positive number"),
        (["network", "balance", "--exact", "--time-limit", "nan"], "positive number"),
        (["network", "balance", "--exact", "--time-limit", "inf"], "positive number"),
        (["borders", "Azerbaijan", "--year", "1700"], "coverage of COW Direct Contiguity (1816–2016)"),
        (["arms", "suppliers", "x" * 8000], "too long"),
        (["arms", "suppliers", "Nigerai"], "did you mean 'Nigeria', 'Niger'?"),
        (["arms", "suppliers", "Korea (Dem. Rep.)"], "did you mean 'North Korea'?"),
        (["panel", "dyad-years", "--from", "2000", "--to", "2001", "--out", "/proc/x.csv"], "/proc/x.csv"),
        (["cite", "--for", "'unclosed"], "cannot be read as a command: No closing quotation"),
        (["cite", "--for", ""], "--for needs a command"),
        (["arms", "suppliers", ""], "no country given"),
        (["arms", "suppliers", "Azerbaijan", "--to", "2999"], "2999 is in the future"),
        (["brief", "Israel", "Azerbaijan", "--as-of", "2999-01-01"], "--as-of 2999-01-01 is in the future"),
        (["relationship", "Israel", "Azerbaijan", "--as-of", "1800-01-01"], "before every dataset"),
        (["check", ARTICLE, "--date", "2999-01-01"], "in the future"),
        (["check", ARTICLE, "--as-of", "2999-01-01"], "in the future"),
        (["rivals", "Pakistan", "--as-of", "1990-01-01"], "No such option: --as-of (this command's dates: --year)"),
        (["data", "info", "--as-of", "2000"], "(this command takes no date)"),
        (["check", str(REPO / "tests")], "tests is a directory"),
        (["arms", "deals", "Israel", "Israel"], "two different countries"),
        (["arms", "windows", "Israel", "Israel"], "two different countries"),
        (["events", "dyad", "Israel", "Iran", "--dataset", "bogus"], "unknown event dataset 'bogus'"),
        (["events", "dyad", "Israel", "Iran", "--from", ""], "--from is empty"),
        (["oil", "sources", "Israel", "--year", "1700"], "no bilateral crude data for 1700"),
        (["trade", "partners", "Azerbaijan", "--year", "1700"], "before the trade-partner data"),
    ],
)  # fmt: skip
def test_bad_input_exits_2_with_one_line(args: list[str], needle: str) -> None:
    p = run_cli_in_process(*args)
    assert p.returncode == 2, (p.returncode, p.stderr)
    assert len(p.stderr.strip().splitlines()) == 1, p.stderr
    assert p.stderr.startswith("realpolitik: error: ") and needle in p.stderr, p.stderr
    assert "Traceback" not in p.stderr and p.stdout == ""


def test_panel_out_never_creates_directories(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "deeper" / "p.csv"
    p = run_cli_in_process(
        "panel", "dyad-years", "--from", "2000", "--to", "2001", "--out", str(target)
    )
    assert p.returncode == 2 and "does not exist" in p.stderr
    assert not (tmp_path / "missing").exists()


def test_a_closed_pipe_exits_quietly() -> None:
    """Like a Unix tool killed by SIGPIPE: status 141, nothing on stderr, for tables and JSON."""
    for args in (["network", "triads", "Azerbaijan", "--limit", "0"], ["arms", "top", "exporters"]):
        proc = subprocess.Popen(
            [sys.executable, "-m", "realpolitik.cli.main", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.read(20)
        proc.stdout.close()
        err = proc.stderr.read()
        code = proc.wait(timeout=300)
        assert code in (0, 141) and err == b"", (args, code, err)


def test_a_pipe_closed_before_the_output_exits_141() -> None:
    """A reader gone before one big write (click's EPIPE path, which exits 1 by itself)."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "realpolitik.cli.main",
            "brief",
            "Israel",
            "Azerbaijan",
            "-f",
            "json",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=600) == 141 and "error" not in err, err


def test_guesses_are_said_on_stderr_and_the_answer_is_right() -> None:
    p = run_cli_in_process(
        "arms", "suppliers", "Azerbaijann", "--from", "2016", "--to", "2020", "--format", "json"
    )
    assert p.returncode == 0, p.stderr
    assert p.stderr.strip() == "realpolitik: note: 'Azerbaijann' → Azerbaijan (nearest spelling)"
    body = json.loads(p.stdout)
    assert body["query"]["country"] == "AZE"
    assert body["rows"][0]["id"] == "ISR" and round(100 * body["rows"][0]["share"], 1) == 67.7
    exact = run_cli_in_process("arms", "suppliers", "Korea (North)", "--format", "json")
    assert exact.returncode == 0 and exact.stderr == "", exact.stderr
    assert json.loads(exact.stdout)["query"]["country"] == "PRK"


def test_version_agrees_with_the_package_metadata() -> None:
    import realpolitik

    p = run_cli("--version")
    assert p.returncode == 0
    assert realpolitik.__version__ == version("realpolitik")
    assert p.stdout.startswith(f"realpolitik {version('realpolitik')} ")
    data = realpolitik.data_version()
    assert data == version("realpolitik-data")
    assert f"realpolitik-data {data}" in p.stdout


@pytest.mark.parametrize(
    "args",
    [["--help"], ["arms", "--help"], ["arms", "suppliers", "--help"], ["network", "triads", "--help"],
     ["events", "ingest", "--help"], ["panel", "dyad-years", "--help"], ["rivals", "--help"]],
)  # fmt: skip
def test_help_has_no_type_noise(args: list[str]) -> None:
    p = run_cli(*args)
    assert p.returncode == 0
    for noise in ("<bool>", "<str>", "<list[", "{", "}", "[default: None]"):
        assert noise not in p.stdout, (noise, p.stdout)
    cut = [line for line in p.stdout.splitlines() if line.rstrip().endswith("...")]
    assert not [line for line in cut if "PATH..." not in line and "[ARGS]..." not in line], cut


def test_dates_are_accepted_where_a_year_or_month_is_asked() -> None:
    by_year = run_cli_in_process(
        "arms", "suppliers", "Azerbaijan", "--from", "2016", "--to", "2020", "-f", "json"
    )
    by_date = run_cli_in_process(
        "arms",
        "suppliers",
        "Azerbaijan",
        "--from",
        "2016-01-01",
        "--to",
        "2020-12-31",
        "-f",
        "json",
    )
    assert by_date.returncode == 0 and json.loads(by_date.stdout) == json.loads(by_year.stdout)
    ev = run_cli_in_process(
        "events", "dyad", "Israel", "Azerbaijan", "--from", "2020-11-01", "-f", "json"
    )
    assert ev.returncode == 0, ev.stderr
    assert json.loads(ev.stdout)["query"]["from"] == "2020-11"
    month = run_cli_in_process("brief", "Peru", "Ecuador", "--as-of", "1995-06", "-f", "json")
    day = run_cli_in_process("brief", "Peru", "Ecuador", "--as-of", "1995-06-01", "-f", "json")
    assert month.returncode == 0 and json.loads(month.stdout) == json.loads(day.stdout)
    bad = run_cli_in_process("brief", "Peru", "Ecuador", "--as-of", "1995-13")
    assert bad.returncode == 2 and "YYYY, YYYY-MM or YYYY-MM-DD" in bad.stderr


_NO_PANDAS = """
import sys
from realpolitik.cli.main import main
sys.argv = ["realpolitik", *sys.argv[1:]]
try:
    main()
except SystemExit as e:
    assert e.code in (0, None), e.code
heavy = sorted(m for m in ("pandas", "numpy", "pyarrow", "altair", "networkx") if m in sys.modules)
print("HEAVY", heavy, file=sys.stderr)
"""


@pytest.mark.parametrize(
    "args",
    [["--help"], ["--version"], ["arms", "suppliers", "Azerbaijan", "--format", "json"],
     ["arms", "recipients", "Israel", "--format", "csv"], ["arms", "series", "Israel", "Azerbaijan"],
     ["oil", "producers", "--format", "json"], ["oil", "production", "Azerbaijan"],
     ["oil", "producers", "--measure", "kbd"], ["oil", "refining", "Israel", "--format", "csv"],
     ["oil", "sources", "Israel", "--format", "json"], ["oil", "buyers", "Azerbaijan", "--year", "2021"]],
)  # fmt: skip
def test_fast_paths_import_nothing_heavy(args: list[str]) -> None:
    p = subprocess.run(
        [sys.executable, "-c", _NO_PANDAS, *args], capture_output=True, text=True, timeout=300
    )
    assert "HEAVY []" in p.stderr, p.stderr[-2000:]


def test_check_with_stdin_closed_exits_2() -> None:
    p = subprocess.run(
        [sys.executable, "-m", "realpolitik.cli.main", "check", "-"],
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=lambda: os.close(0),  # as `realpolitik check - <&-`
    )
    assert p.returncode == 2 and p.stderr.strip() == (
        "realpolitik: error: standard input is closed: give a file, or pipe the text in"
    )


# commands that answer with one thing (a pair, a brief, a file, a server), not a list of rows
NOT_LISTS = {"border", "brief", "check", "cite", "data build", "data remove", "data update", "data use",
             "events ingest", "network balance", "network export", "oil dyad", "serve"}  # fmt: skip


def test_every_list_command_has_limit() -> None:
    import typer

    from realpolitik.cli.main import app

    def leaves(cmd: object, path: tuple[str, ...] = ()) -> list[tuple[str, object]]:
        subs = getattr(cmd, "commands", None)
        if subs is None:
            return [(" ".join(path), cmd)]
        return [leaf for name, sub in subs.items() for leaf in leaves(sub, (*path, name))]

    found = leaves(typer.main.get_command(app))
    assert len(found) > 30 and {name for name, _ in found} >= NOT_LISTS
    missing = [
        name
        for name, cmd in found
        if name not in NOT_LISTS and "--limit" not in [o for p in cmd.params for o in p.opts]  # type: ignore[attr-defined]
    ]
    assert missing == []


def test_partnerships_limit_says_how_many_more_and_top_still_works() -> None:
    by_limit = run_cli_in_process(
        "network", "partnerships", "--year", "2020", "--limit", "3", "-f", "json"
    )
    assert by_limit.returncode == 0, by_limit.stderr
    body = json.loads(by_limit.stdout)
    assert [r["rank"] for r in body["rows"]] == [1, 2, 3] and body["query"]["top"] == 3
    more = body["notes"][-1]
    assert more.endswith("more rows not shown (first 3; --limit 0 shows all)")
    assert int(more.split()[0].replace(",", "")) > 100  # some 300 eligible dyads in 2020
    by_top = run_cli_in_process(
        "network", "partnerships", "--year", "2020", "--top", "3", "-f", "json"
    )
    assert json.loads(by_top.stdout) == body
    default = json.loads(
        run_cli_in_process("network", "partnerships", "--year", "2020", "-f", "json").stdout
    )
    assert len(default["rows"]) == 25 and default["rows"][:3] == body["rows"]
    assert "--top" not in run_cli_in_process("network", "partnerships", "--help").stdout


def test_inventories_show_every_row_unless_limited() -> None:
    full = json.loads(run_cli_in_process("data", "info", "-f", "json").stdout)
    cut = json.loads(run_cli_in_process("data", "info", "--limit", "2", "-f", "json").stdout)
    assert len(full["rows"]) > 20 and cut["rows"] == full["rows"][:2]
    assert (
        cut["notes"][-1]
        == f"{len(full['rows']) - 2} more rows not shown (first 2; --limit 0 shows all)"
    )
    table = run_cli_in_process("data", "info").stdout
    assert all(r["dataset"] in table for r in full["rows"]) and "more rows not shown" not in table


def test_check_takes_the_article_date_as_as_of_too() -> None:
    """`--as-of`, as every other dated command spells it, is the article's date for `check`."""
    text = "Israel supplied 60 % of Azerbaijan's arms imports."
    p = run_cli_in_process("check", "-", "--as-of", "2021-06-01", "--format", "json", input=text)
    assert p.returncode == 0, p.stderr
    claim = json.loads(p.stdout)["claims"][0]
    assert (claim["period"]["start"], claim["period"]["end"]) == (2016, 2020)
    assert claim["verdict"] == "mixed"  # 67.7 % in 2016–20, 60 % within a point in an earlier window
    # the windows it holds in are those complete before the article date: not 2017–2021, not yet known
    summary = claim["evidence"]["summary"]
    assert "complete before the article date: 2015–2019" in summary and "2017–2021" not in summary
