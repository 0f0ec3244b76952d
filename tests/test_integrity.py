"""Snapshot integrity: a killed build never poisons the store, corrupt input never replaces good data.

Builds run on a tiny raw SIPRI tree in the official formats (tests/sipri_fixtures.py), so these tests
need no raw files; each kill uses the REALPOLITIK_FAULT hook (SIGKILL at a named step)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from realpolitik.errors import DataMissing, UserError
from realpolitik.snapshot.faults import BUILD_STEPS
from tests import sipri_fixtures as fx


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "realpolitik.cli.main", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def tree_hashes(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def share(snapshot: Path) -> float:
    """Israel's share of Azerbaijan's imports 2016–2020 read through a fresh Store."""
    from realpolitik.queries.arms import suppliers
    from realpolitik.store import Store

    frame = suppliers("Azerbaijan", (2016, 2020), store=Store(snapshot)).frame
    return float(frame.loc[frame["id"] == "ISR", "share"].iloc[0])


def read_files(snapshot: Path) -> dict[str, str]:
    """sha256 of the SIPRI table files a fresh Store actually reads, by file name."""
    from realpolitik.store import Store

    m = Store(snapshot).manifests["sipri"]
    folder = Path(m["_dir"])
    return {t["file"]: hashlib.sha256((folder / t["file"]).read_bytes()).hexdigest()
            for t in m["tables"].values()}  # fmt: skip


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    """(raw tree, snapshot) with SIPRI built from the fixture (Israel 20 TIV a year)."""
    raw, snap = tmp_path / "raw", tmp_path / "snap"
    fx.write_raw(raw, 20)
    snap.mkdir()
    from realpolitik.snapshot.build import build

    build(raw, snap, only=["sipri"])
    return raw, snap


def linked_bundled(tmp_path: Path) -> Path:
    """A snapshot made of hard links to the bundled one (a test may break its copy's files)."""
    from realpolitik.snapshot.paths import bundled_snapshot
    from realpolitik.snapshot.releases import seed_from

    snap = tmp_path / "bundled-copy"
    snap.mkdir()
    seed_from(bundled_snapshot(), snap)
    return snap


# --- readers never look at hidden folders; damaged datasets are left out, not fatal -------------


def test_empty_manifest_in_a_hidden_folder_is_ignored(tmp_path: Path) -> None:
    """The issue's repro: `.sipri-x/manifest.json` empty made every query exit 1."""
    snap = linked_bundled(tmp_path)
    (snap / ".sipri-x").mkdir()
    (snap / ".sipri-x" / "manifest.json").write_text("")
    r = run("arms", "suppliers", "Azerbaijan", "--from", "2016", "--to", "2020", "--format", "json",
            env={"REALPOLITIK_SNAPSHOT": str(snap)})  # fmt: skip
    assert r.returncode == 0, r.stderr
    isr = next(row for row in json.loads(r.stdout)["rows"] if row["id"] == "ISR")
    assert round(100 * isr["share"], 1) == 67.7
    from realpolitik.snapshot.integrity import repair, scan

    assert [p.name for p in scan(snap).temps] == [".sipri-x"]
    repair(snap)
    assert not (snap / ".sipri-x").exists()


def test_damaged_dataset_is_left_out_with_a_one_line_error(tmp_path: Path) -> None:
    snap = linked_bundled(tmp_path)
    (snap / "sipri" / "manifest.json").unlink()
    (snap / "sipri" / "manifest.json").write_text("{")  # a manifest cut while being written
    r = run("arms", "suppliers", "Azerbaijan", env={"REALPOLITIK_SNAPSHOT": str(snap)})
    assert r.returncode == 2 and r.stderr.count("\n") == 1
    assert "dataset sipri" in r.stderr and "failed verification" in r.stderr
    assert "data verify --repair" in r.stderr
    from realpolitik.queries.geo import border
    from realpolitik.store import Store

    store = Store(snap)
    assert "sipri" in store.damaged and "factbook" in store.manifests
    assert int(border("Azerbaijan", "Iran", store=store).frame["km"].iloc[0]) == 689


def test_tampered_table_fails_verification_and_is_restored_from_an_identical_copy(
    tmp_path: Path,
) -> None:
    from realpolitik.snapshot.integrity import repair
    from realpolitik.store import Store

    snap = linked_bundled(tmp_path)
    table = snap / "sipri" / "sipri_tiv.parquet"
    good = table.read_bytes()
    table.unlink()  # a fresh inode: the bundled file is untouched
    table.write_bytes(good[:-100] + b"\0" * 100)
    store = Store(snap)
    assert "sipri" not in store.manifests
    assert "does not match its manifest sha256" in store.damaged["sipri"]
    with pytest.raises(DataMissing, match="failed verification"):
        store.coverage("sipri_tiv")
    rows = repair(snap)
    assert ("sipri", "repaired") in [(d, s) for d, s, _ in rows]
    assert table.read_bytes() == good
    assert share(snap) == pytest.approx(0.6774, abs=5e-4)


def test_hashes_are_cached_between_opens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first open hashes every table; later opens only stat them (start-up stays fast)."""
    from realpolitik.snapshot import integrity

    snap = linked_bundled(tmp_path)
    monkeypatch.setenv("REALPOLITIK_HOME", str(tmp_path / "home"))
    calls: list[Path] = []
    real = integrity.sha256
    monkeypatch.setattr(integrity, "sha256", lambda p: calls.append(p) or real(p))
    integrity.open_verified(snap)
    n_tables = sum(len(m["tables"]) for m in integrity.scan(snap).manifests.values())
    assert len(calls) == n_tables
    integrity.open_verified(snap)
    assert len(calls) == n_tables  # nothing re-hashed
    (snap / "atop" / "atop_alliance.parquet").touch()  # a changed mtime is re-hashed
    integrity.open_verified(snap)
    assert len(calls) == n_tables + 1


# --- kill -9 at every step of a build --------------------------------------------------------------


@pytest.mark.parametrize("step", BUILD_STEPS)
def test_kill_at_every_build_step_keeps_a_complete_dataset(
    built: tuple[Path, Path], step: str
) -> None:
    """Killed at any step, queries answer with the old data (sha256-identical) until the new folder
    took its name, and with the complete new data after; verify --repair then leaves a clean folder."""
    from realpolitik.snapshot.integrity import repair, scan, verify_deep

    raw, snap = built
    before = read_files(snap)
    assert share(snap) == pytest.approx(fx.israel_share(20))
    fx.write_raw(raw, 21)  # a revised release: +5 % for Israel, within the sanity bounds
    r = run("data", "build", "--raw", str(raw), "--only", "sipri", "--out", str(snap),
            env={"REALPOLITIK_FAULT": step})  # fmt: skip
    assert r.returncode == -signal.SIGKILL, r.stderr
    committed = step == "build:new-moved"
    assert share(snap) == pytest.approx(fx.israel_share(21 if committed else 20))
    if not committed:
        assert read_files(snap) == before
    found = verify_deep(snap)
    assert "sipri" in found.manifests and not found.damaged
    repair(snap)
    clean = scan(snap)
    assert (
        not clean.temps
        and not clean.interrupted
        and sorted(p.name for p in snap.iterdir()) == ["sipri"]
    )
    assert share(snap) == pytest.approx(fx.israel_share(21 if committed else 20))
    # and the next build runs to the end
    r = run("data", "build", "--raw", str(raw), "--only", "sipri", "--out", str(snap))
    assert r.returncode == 0, r.stderr
    assert share(snap) == pytest.approx(fx.israel_share(21))


def test_a_build_after_a_kill_tidies_first(built: tuple[Path, Path]) -> None:
    """Killed between the two renames, the next build restores the old folder and removes the temp one."""
    raw, snap = built
    fx.write_raw(raw, 21)
    r = run("data", "build", "--raw", str(raw), "--only", "sipri", "--out", str(snap),
            env={"REALPOLITIK_FAULT": "build:old-moved"})  # fmt: skip
    assert r.returncode == -signal.SIGKILL
    assert not (snap / "sipri").exists() and (snap / ".sipri.old").is_dir()
    v = run("data", "verify", "--snapshot", str(snap), "--format", "json")
    assert v.returncode == 2 and "interrupted" in v.stdout
    r = run("data", "build", "--raw", str(raw), "--only", "sipri", "--out", str(snap))
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in snap.iterdir()) == ["sipri"]
    assert run("data", "verify", "--snapshot", str(snap)).returncode == 0


def test_two_builds_cannot_write_one_folder_at_once(built: tuple[Path, Path]) -> None:
    from realpolitik.snapshot.build import build
    from realpolitik.snapshot.integrity import snapshot_lock

    raw, snap = built
    with snapshot_lock(snap), pytest.raises(UserError, match="another build"):
        build(raw, snap, only=["sipri"])


# --- corrupt input is refused and the old data stay ------------------------------------------------


@pytest.mark.parametrize("kind", sorted(fx.CORRUPTIONS))
def test_corrupt_delivery_file_is_refused_by_data_build(
    built: tuple[Path, Path], kind: str
) -> None:
    raw, snap = built
    before = tree_hashes(snap)
    corrupt, expected = fx.CORRUPTIONS[kind]
    path = raw / fx.DELIVERIES
    path.write_bytes(corrupt(path.read_bytes()))
    r = run("data", "build", "--raw", str(raw), "--only", "sipri", "--out", str(snap))
    assert r.returncode == 2, r.stderr
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("realpolitik: error: sipri: refused")
    assert expected in r.stderr and "old data are kept" in r.stderr
    assert tree_hashes(snap) == before
    assert share(snap) == pytest.approx(fx.israel_share(20))


def test_a_build_that_would_shrink_the_data_needs_force(tmp_path: Path) -> None:
    """The tiny fixture over the real SIPRI data: a plausible release on its own, but 99 % fewer rows
    than what it would replace — refused; --force accepts it."""
    snap = linked_bundled(tmp_path)
    raw = tmp_path / "raw"
    fx.write_raw(raw, 20)
    before = tree_hashes(snap / "sipri")
    r = run("data", "build", "--raw", str(raw), "--only", "sipri", "--out", str(snap))
    assert r.returncode == 2 and "build it would replace" in r.stderr and "--force" in r.stderr
    assert tree_hashes(snap / "sipri") == before
    r = run("data", "build", "--raw", str(raw), "--only", "sipri", "--out", str(snap), "--force")
    assert r.returncode == 0, r.stderr
    assert share(snap) == pytest.approx(fx.israel_share(20))


@given(cut=st.integers(min_value=0, max_value=10_000))
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_cut_that_loses_a_delivery_row_is_refused(tmp_path: Path, cut: int) -> None:
    """Wherever a download stops, the build is refused unless no delivery row was lost."""
    from realpolitik.snapshot.dataset import RawFormatError
    from realpolitik.sources.sipri import build_sipri
    from realpolitik.sources.sipri_checks import check_sipri

    raw = tmp_path / f"raw{cut}"
    fx.write_raw(raw, 20)
    data = fx.delivery_export(20)
    prefix = data[: cut % (len(data) + 1)]
    (raw / fx.DELIVERIES).write_bytes(prefix)
    rows = data.split(b"\r\n")[12:-1]  # the six data lines
    kept = set(prefix.split(b"\r\n"))
    try:
        problems = check_sipri(build_sipri(raw))
    except RawFormatError:
        problems = ["refused by the reader"]
    assert (problems == []) == all(row in kept for row in rows)
    shutil.rmtree(raw)


# --- paths ---------------------------------------------------------------------------------------


def test_out_needs_an_existing_parent(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    fx.write_raw(raw, 20)
    target = tmp_path / "no" / "such" / "snap"
    r = run("data", "build", "--raw", str(raw), "--out", str(target))
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "does not exist" in r.stderr
    assert not (tmp_path / "no").exists()
    r = run("data", "build", "--raw", str(raw), "--out", str(tmp_path / "snap"))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "snap" / "sipri" / "manifest.json").is_file()
    assert "not built, no raw folder" in r.stderr and "factbook" in r.stderr


def test_bad_raw_dir_and_unknown_dataset_are_one_line(tmp_path: Path) -> None:
    for args in (["--raw", str(tmp_path / "missing")], ["--raw", str(tmp_path), "--only", "nope"]):
        r = run("data", "build", *args, "--out", str(tmp_path))
        assert r.returncode == 2 and r.stderr.count("\n") == 1, r.stderr
