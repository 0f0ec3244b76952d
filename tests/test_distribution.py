"""Code and data travel separately: the code without the data package, a snapshot without SIPRI,
the data terms in `data info` and DATA_LICENSES.md, and both distributions' metadata."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests import sipri_fixtures as fx

REPO = Path(__file__).resolve().parent.parent

# Runs the CLI as if only the code distribution were installed: `import realpolitik_data` fails.
CODE_ONLY = (
    "import sys; sys.modules['realpolitik_data'] = None; "
    "from realpolitik.cli.main import main; sys.argv = ['realpolitik', *sys.argv[1:]]; main()"
)


@pytest.fixture
def cli(cli_in_process):  # noqa: ANN001, ANN201 - conftest's fixture
    """These tests are about what the commands print, not the process: the CLI runs in-process (a call with its
    own environment still runs as a subprocess)."""
    return cli_in_process


def code_only(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "REALPOLITIK_SNAPSHOT"}
    env["REALPOLITIK_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-c", CODE_ONLY, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_code_without_data_answers_help_and_says_how_to_get_data(tmp_path: Path) -> None:
    home = tmp_path / "home"
    r = code_only("--help", home=home)
    assert r.returncode == 0 and "arms" in r.stdout
    r = code_only("arms", "suppliers", "Azerbaijan", home=home)
    assert r.returncode == 2 and r.stderr.count("\n") == 1
    assert "no data snapshot installed" in r.stderr
    assert "pip install realpolitik-data" in r.stderr and "data build --raw DIR" in r.stderr
    assert not home.exists()  # asking for data creates nothing


def test_code_without_data_builds_its_own_snapshot_in_home(tmp_path: Path) -> None:
    """`data build --raw DIR` with no data package writes <home>/snapshot, which queries then read."""
    home, raw = tmp_path / "home", tmp_path / "raw"
    fx.write_raw(raw, 20)
    r = code_only("data", "build", "--raw", str(raw), home=home)
    assert r.returncode == 0, r.stderr
    assert (home / "snapshot" / "sipri" / "manifest.json").is_file()
    assert f"snapshot: {home / 'snapshot'}" in r.stdout
    r = code_only("arms", "suppliers", "Azerbaijan", "--from", "2016", "--to", "2020",
                  "--format", "json", home=home)  # fmt: skip
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)["rows"]
    assert next(x["share"] for x in rows if x["id"] == "ISR") == pytest.approx(fx.israel_share(20))


def without_sipri(tmp_path: Path) -> Path:
    """The bundled datasets except SIPRI (hard links): what `data build --exclude sipri` makes."""
    import shutil

    from realpolitik.snapshot.paths import bundled_snapshot
    from realpolitik.snapshot.releases import seed_from

    snap = tmp_path / "no-sipri"
    snap.mkdir()
    seed_from(bundled_snapshot(), snap)
    shutil.rmtree(snap / "sipri")
    return snap


def test_a_snapshot_without_sipri_says_so_and_everything_else_works(tmp_path: Path, cli) -> None:  # noqa: ANN001
    env = {"REALPOLITIK_SNAPSHOT": str(without_sipri(tmp_path))}
    for args in (["arms", "suppliers", "Azerbaijan"], ["arms", "top", "exporters"],
                 ["arms", "series", "Israel", "Azerbaijan", "--release", "2016"]):  # fmt: skip
        r = cli(*args, env=env)
        assert r.returncode == 2 and r.stderr.count("\n") == 1, (args, r.stderr)
        assert "SIPRI data (dataset sipri) not in the snapshot" in r.stderr
        assert "data build --raw DIR --only sipri" in r.stderr
    for args in (["border", "Azerbaijan", "Iran"], ["oil", "producers", "--measure", "kbd"],
                 ["oil", "dyad", "Israel", "Azerbaijan"], ["rivals", "Iran"],
                 ["relations", "Israel", "Azerbaijan"], ["data", "info"]):  # fmt: skip
        r = cli(*args, "--format", "json", env=env)
        assert r.returncode == 0, (args, r.stderr)
    info = json.loads(cli("data", "info", "--format", "json", env=env).stdout)
    assert "sipri" not in {row["dataset"] for row in info["rows"]}


def test_data_build_exclude_sipri(raw_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "snap"
    r = subprocess.run(
        [sys.executable, "-m", "realpolitik.cli.main", "data", "build", "--raw", str(raw_dir),
         "--exclude", "sipri", "--only", "factbook", "--only", "sipri", "--out", str(out)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert "excluded: sipri" in r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["factbook"]


# --- terms ---------------------------------------------------------------------------------------


def test_data_info_lists_each_dataset_s_terms(cli) -> None:  # noqa: ANN001
    from realpolitik.snapshot.terms import TERMS

    out = json.loads(cli("data", "info", "--format", "json").stdout)
    terms = {src["dataset"]: src["licence"] for src in out["sources"]}
    assert set(terms) == {row["dataset"] for row in out["rows"]}
    assert set(terms) <= set(TERMS)  # every bundled dataset has stated terms
    assert "no commercial use without SIPRI's agreement" in terms["sipri"]
    assert "CC BY-NC-SA" in terms["cshapes_mindist"]
    assert any(n.startswith("sipri: © SIPRI") for n in out["notes"])
    assert any("Code MIT" in n for n in out["notes"])
    table = cli("data", "info").stdout
    assert "no commercial use" in table


def test_data_licenses_file_is_current() -> None:
    """DATA_LICENSES.md (root and data package) is what tools/make_data_licenses.py writes."""
    from realpolitik.snapshot.catalog import datasets
    from realpolitik.snapshot.terms import TERMS, render_markdown

    want = render_markdown({n: ds.citation for n, ds in datasets().items()})
    for path in (REPO / "DATA_LICENSES.md", REPO / "realpolitik-data" / "DATA_LICENSES.md"):
        assert path.read_text() == want, f"{path} is stale: run python tools/make_data_licenses.py"
    assert set(datasets()) == set(TERMS)  # every dataset the code can build has its terms
    for phrase in ("fair use", "less than 10 per cent", "CC BY-SA 4.0", "Dataverse", "GPL-2",
                   "free to use with attribution"):  # fmt: skip
        assert phrase in want, phrase


def test_sources_doc_no_longer_calls_sipri_free_use() -> None:
    text = (REPO / "docs" / "sources.md").read_text()
    assert "free use with attribution to SIPRI" not in text.lower()
    assert "no commercial use" in text and "DATA_LICENSES.md" in text


def test_distribution_metadata() -> None:
    code = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    data = tomllib.loads((REPO / "realpolitik-data" / "pyproject.toml").read_text())["project"]
    assert (
        code["license"]["text"].startswith("MIT") and "producer's terms" in code["license"]["text"]
    )
    assert "not MIT" in data["license"]["text"] and "DATA_LICENSES.md" in data["license"]["text"]
    import realpolitik_data

    assert data["version"] == realpolitik_data.__version__
    from realpolitik.snapshot.integrity import scan
    from realpolitik.snapshot.paths import bundled_snapshot

    built = max(m["built"][:10] for m in scan(bundled_snapshot()).manifests.values())
    y, m, d = (int(x) for x in built.split("-"))
    assert (
        realpolitik_data.__version__ == f"{y}.{m}.{d}"
    )  # version = the snapshot's last build date
