"""Releases side by side: the active-snapshot order, `data use`, listing, and `data diff` between releases."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from realpolitik.errors import BadPeriod, UserError


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    h = tmp_path / "home"
    monkeypatch.setenv("REALPOLITIK_HOME", str(h))
    monkeypatch.delenv("REALPOLITIK_SNAPSHOT", raising=False)
    from realpolitik.store import reset_store_cache

    reset_store_cache()
    yield h
    reset_store_cache()


def fake_release(home: Path, rid: str, datasets: tuple[str, ...] = ("atop",)) -> Path:
    """An installed release made of bundled datasets (a real, verifiable snapshot)."""
    from realpolitik.snapshot.paths import bundled_snapshot
    from realpolitik.snapshot.releases import make_temp, seed_from

    tmp = make_temp(rid)
    seed_from(bundled_snapshot(), tmp)
    for d in list(tmp.iterdir()):
        if d.name not in datasets:
            import shutil

            shutil.rmtree(d)
    return tmp


def test_active_snapshot_order(home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from realpolitik.snapshot.paths import active_snapshot, bundled_snapshot
    from realpolitik.snapshot.releases import install

    assert active_snapshot() == bundled_snapshot()  # nothing installed: the bundled fallback
    final = install(fake_release(home, "x1"), "x1", {"sources": []})
    assert active_snapshot() == final == home / "releases" / "x1"
    monkeypatch.setenv("REALPOLITIK_SNAPSHOT", str(tmp_path / "elsewhere"))
    assert active_snapshot() == tmp_path / "elsewhere"  # the env override comes first
    monkeypatch.delenv("REALPOLITIK_SNAPSHOT")
    (home / "current").write_text("gone\n")  # a pointer to a missing release falls back
    assert active_snapshot() == bundled_snapshot()


def test_use_switches_and_lists(home: Path) -> None:
    from realpolitik.snapshot.paths import active_snapshot, bundled_snapshot
    from realpolitik.snapshot.releases import current_id, install, list_releases, remove, use

    install(fake_release(home, "a"), "a", {"sources": ["x"]})
    install(fake_release(home, "b"), "b", {"sources": ["y"]}, activate=False)
    assert current_id() == "a"
    assert [(r.id, r.active) for r in list_releases()] == [
        ("bundled", False),
        ("a", True),
        ("b", False),
    ]
    use("b")
    assert active_snapshot() == home / "releases" / "b"
    with pytest.raises(UserError, match="is active"):
        remove("b")
    use("bundled")
    assert active_snapshot() == bundled_snapshot()
    remove("a")
    with pytest.raises(UserError, match="no installed release 'a'"):
        use("a")
    with pytest.raises(UserError, match="bad release id"):
        install(fake_release(home, "z"), "../evil", {})


def test_install_refuses_a_snapshot_that_does_not_verify(home: Path) -> None:
    from realpolitik.snapshot.releases import current_id, install

    tmp = fake_release(home, "bad")
    parquet = next((tmp / "atop").glob("*.parquet"))
    parquet.unlink()
    parquet.write_bytes(b"not parquet")  # fresh inode: the bundled file is untouched
    with pytest.raises(UserError, match="does not match its manifest sha256"):
        install(tmp, "bad", {})
    assert current_id() is None and not (home / "releases" / "bad").exists()


def test_use_via_cli_one_line_error(home: Path) -> None:
    env = {**os.environ, "REALPOLITIK_HOME": str(home)}
    r = subprocess.run(
        [sys.executable, "-m", "realpolitik.cli.main", "data", "use", "nope"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert r.returncode == 2 and r.stderr.count("\n") == 1
    assert "no installed release 'nope'" in r.stderr


# --- diff -----------------------------------------------------------------------------------------


def test_diff_sipri_2022_vs_2025_azerbaijan_2016_2020() -> None:
    """Israel's share of Azerbaijan's imports 2016–20: 69.5 % (July-2022 tables) → 67.7 % (2025 export)."""
    from realpolitik.snapshot.diff import figure_diff

    res = figure_diff("sipri@2022", "sipri@2025", "sipri", recipient="AZE", start=2016, end=2020)
    rows = res.frame.set_index("id")
    assert rows.index[0] == "ISR"
    assert 100 * rows.loc["ISR", "share_a"] == pytest.approx(69.5, abs=0.05)
    assert 100 * rows.loc["ISR", "share_b"] == pytest.approx(67.7, abs=0.05)
    assert rows.loc["ISR", "change"] == "69.5 % → 67.7 %"
    assert rows.loc["ISR", "change_pp"] == pytest.approx(67.74 - 69.46, abs=0.05)
    # Turkey (2022 spelling) and Türkiye (2025) line up on the resolver id
    assert rows.loc["TUR", "tiv_a"] == pytest.approx(38.0) and rows.loc["TUR", "tiv_b"] > 38
    assert res.sources and res.sources[0].dataset == "sipri"
    assert any("release 2022" in n and "release 2025" in n for n in res.notes)


def test_diff_cli_json() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "realpolitik.cli.main", "data", "diff", "sipri@2022", "sipri@2025",
         "--dataset", "sipri", "--recipient", "Azerbaijan", "--from", "2016", "--to", "2020", "--format", "json"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    isr = next(row for row in out["rows"] if row["id"] == "ISR")
    assert round(100 * isr["share_a"], 1) == 69.5 and round(100 * isr["share_b"], 1) == 67.7
    assert out["sources"][0]["dataset"] == "sipri"


def test_diff_bad_input() -> None:
    from realpolitik.snapshot.diff import figure_diff

    with pytest.raises(UserError, match="available: sipri@"):
        figure_diff("sipri@1999", "sipri@2025", recipient="AZE")
    with pytest.raises(BadPeriod, match="outside sipri@2025"):
        figure_diff("sipri@2022", "sipri@2025", recipient="AZE", start=1990, end=1994)
    with pytest.raises(BadPeriod):
        figure_diff("sipri@2022", "sipri@2025", recipient="AZE", start=2020, end=2016)


def test_manifest_diff_between_installed_releases(home: Path) -> None:
    from realpolitik.snapshot.diff import manifest_diff
    from realpolitik.snapshot.releases import install

    install(fake_release(home, "one", ("atop", "factbook")), "one", {})
    res = manifest_diff("bundled", "one")
    changed = dict(zip(res.frame["dataset"], res.frame["changed"], strict=True))
    assert (
        changed["atop"] == "same"
        and changed["factbook"] == "same"
        and changed["sipri"] == "removed"
    )


def test_diff_between_past_releases() -> None:
    """India's suppliers 2011–15 as SIPRI published them in 2016, against the 2024 release."""
    from realpolitik.snapshot.diff import figure_diff

    res = figure_diff("sipri@2016", "sipri@2024", "sipri", recipient="IND", start=2011, end=2015)
    rus = res.frame.set_index("id").loc["RUS"]
    assert rus["tiv_a"] == pytest.approx(14_163) and round(100 * rus["share_a"]) == 70
    assert rus["tiv_b"] != rus["tiv_a"]  # revised since
