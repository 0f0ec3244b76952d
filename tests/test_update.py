"""`data update` against a local HTTP mirror on 127.0.0.1 (no other network): success, resume after a
truncated body, hash mismatch, server errors with backoff, offline, kill -9 at every step and corrupt
files (old release intact). The mirror serves tiny SIPRI files in the official formats written by
tests/sipri_fixtures.py, so these tests run on a fresh clone without the raw tree."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.errors import UserError
from tests import sipri_fixtures as fx

DELIVERIES, REGISTER, TOTALS = fx.DELIVERIES, fx.REGISTER, fx.TOTALS
TABLE = fx.TABLES["ISR"][1]
OLD, NEW = 20.0, 21.0  # Israel's TIV a year in the installed release and in the mirror's update


def write_mirror(root: Path, israel_per_year: float = OLD, sums: bool = True) -> dict[str, str]:
    """A raw-tree mirror of the SIPRI source (tiny files in the official formats) with its
    SHA256SUMS; returns path -> sha256."""
    hashes = fx.write_raw(root, israel_per_year)
    if sums:
        write_sums(root)
    return hashes


def write_sums(root: Path) -> None:
    """SHA256SUMS of every file under the mirror, as `sha256sum` writes it."""
    lines = [
        f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(root)}\n"
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != "SHA256SUMS"
    ]
    (root / "SHA256SUMS").write_text("".join(lines))


class Mirror(ThreadingHTTPServer):
    """A static file server with Range support and per-path faults: '500', 'truncate-once',
    'truncate-always', 'slow'."""

    daemon_threads = True

    def __init__(self, root: Path) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.root = root
        self.faults: dict[str, str] = {}
        self.log: list[tuple[str, str | None]] = []
        self.slow_started = threading.Event()
        self.truncated: set[str] = set()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def requests_for(self, path: str) -> list[str | None]:
        return [r for p, r in self.log if p == path]


class _Handler(BaseHTTPRequestHandler):
    server: Mirror

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        srv = self.server
        path = unquote(urlsplit(self.path).path).lstrip("/")
        rng = self.headers.get("Range")
        srv.log.append((path, rng))
        fault = srv.faults.get(path)
        if fault == "500":
            self.send_error(500, "boom")
            return
        file = srv.root / path
        if not file.is_file():
            self.send_error(404)
            return
        data = file.read_bytes()
        start = int(rng.split("=")[1].split("-")[0]) if rng else 0
        body = data[start:]
        self.send_response(206 if rng else 200)
        if rng:
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if fault == "truncate-always" or (fault == "truncate-once" and path not in srv.truncated):
            srv.truncated.add(path)
            self.wfile.write(
                body[: len(body) // 2]
            )  # Content-Length promises more: the client sees a cut
            self.close_connection = True
            return
        if fault == "slow":
            srv.slow_started.set()
            try:
                for i in range(len(body)):
                    self.wfile.write(body[i : i + 1])
                    self.wfile.flush()
                    time.sleep(0.05)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        self.wfile.write(body)


@pytest.fixture
def mirror(tmp_path: Path):
    root = tmp_path / "mirror"
    write_mirror(root)
    srv = Mirror(root)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """REALPOLITIK_HOME in tmp_path; fast retry schedule; no snapshot override."""
    h = tmp_path / "home"
    monkeypatch.setenv("REALPOLITIK_HOME", str(h))
    monkeypatch.delenv("REALPOLITIK_SNAPSHOT", raising=False)
    monkeypatch.setenv("REALPOLITIK_HTTP_BACKOFF", "0.01")
    monkeypatch.setenv("REALPOLITIK_HTTP_RETRIES", "3")
    monkeypatch.setenv("REALPOLITIK_HTTP_TIMEOUT", "5")
    from realpolitik.store import reset_store_cache

    reset_store_cache()
    install_base(tmp_path / "base-raw")
    yield h
    reset_store_cache()


def install_base(raw: Path) -> None:
    """Release r0, active: the bundled datasets with SIPRI rebuilt from the fixture (Israel 20 a year),
    so updates are compared with data of the same small size."""
    from realpolitik.snapshot.build import build
    from realpolitik.snapshot.paths import bundled_snapshot
    from realpolitik.snapshot.releases import install, make_temp, seed_from

    fx.write_raw(raw, OLD)
    tmp = make_temp("r0")
    seed_from(bundled_snapshot(), tmp)
    build(raw, tmp, only=["sipri"], force=True)
    install(tmp, "r0", {"sources": ["sipri"], "created": "fixture"})


def tree_hashes(root: Path) -> dict[str, str]:
    """sha256 of every file under a directory, by relative path."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def cli(*args: str, home: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "REALPOLITIK_SNAPSHOT"}
    env.update(
        REALPOLITIK_HOME=str(home),
        REALPOLITIK_HTTP_BACKOFF="0.01",
        REALPOLITIK_HTTP_RETRIES="2",
        REALPOLITIK_HTTP_TIMEOUT="5",
    )
    return subprocess.run(
        [sys.executable, "-m", "realpolitik.cli.main", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


def israel_share(home: Path) -> float:
    """Israel's share of Azerbaijan's imports 2016–2020 as the CLI answers it from the active release."""
    r = cli(
        "arms",
        "suppliers",
        "Azerbaijan",
        "--from",
        "2016",
        "--to",
        "2020",
        "--format",
        "json",
        home=home,
    )
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)["rows"]
    return next(row["share"] for row in rows if row["id"] == "ISR")


def israel_share_api() -> float:
    """The same figure through the Python API, in-process (REALPOLITIK_HOME set by the fixture)."""
    from realpolitik.queries.arms import suppliers
    from realpolitik.store import get_store, reset_store_cache

    reset_store_cache()
    frame = suppliers("Azerbaijan", (2016, 2020), store=get_store()).frame
    return float(frame.loc[frame["id"] == "ISR", "share"].iloc[0])


def install_first(mirror: Mirror, release_id: str = "r1") -> Path:
    from realpolitik.snapshot.releases import update

    return update(["sipri"], base_url=mirror.url, release_id=release_id, progress=False)


# --- success and the atomic switch ----------------------------------------------------------------


def test_update_from_mirror_builds_verifies_and_switches(mirror: Mirror, home: Path) -> None:
    from realpolitik.snapshot.paths import active_snapshot, bundled_snapshot
    from realpolitik.snapshot.releases import current_id, list_releases, read_info

    assert active_snapshot() == home / "releases" / "r0"
    write_mirror(mirror.root, NEW)
    final = install_first(mirror)
    assert final == home / "releases" / "r1"
    assert current_id() == "r1" and active_snapshot() == final
    info = read_info(final)
    assert info["sources"] == ["sipri"] and info["base"] == "r0"
    assert {f["path"] for f in info["files"]} == set(fx.FILES)
    # every other dataset is carried over from the base release, unchanged
    assert {p.name for p in final.iterdir() if p.is_dir()} >= {"sipri", "atop", "factbook"}
    assert tree_hashes(final / "atop") == tree_hashes(bundled_snapshot() / "atop")
    assert [r.id for r in list_releases()] == ["bundled", "r0", "r1"]
    assert not list((home / "releases").glob(".tmp-*"))
    # the fixture release answers: Israel 105 of 155 TIV
    assert israel_share(home) == pytest.approx(fx.israel_share(NEW))


def test_dry_run_lists_mirror_files_and_fetches_nothing(mirror: Mirror, home: Path) -> None:
    r = cli("data", "update", "sipri", "--dry-run", "--base-url", mirror.url, home=home)
    assert r.returncode == 0, r.stderr
    assert DELIVERIES in r.stdout and "sha256" in r.stdout and "nothing downloaded" in r.stdout
    assert mirror.requests_for(DELIVERIES) == []
    assert sorted(p.name for p in (home / "releases").iterdir()) == ["r0"]


def test_official_plan_lists_live_and_pinned_files_without_network() -> None:
    from realpolitik.snapshot.upstream import URLS, plan

    files = {r.dest: r for r in plan("sipri", "latest", client=None)}
    live = files[DELIVERIES]
    assert live.kind == "live" and live.url == URLS["sipri.export"] and live.method == "POST"
    assert live.decode == "json-base64:bytes"
    pinned = files[TABLE]
    assert pinned.kind == "pinned" and pinned.sha256 and pinned.size
    assert pinned.url.startswith("https://raw.githubusercontent.com/360-info/report-arms-trade/")
    # deliveries, register, 134 TIV tables, 2 totals; past releases: 252 tables (2016), 2 files (2024)
    assert len(files) == 138 + 252 + 2
    old = files["sipri_releases/2016/mauhai__weaponstradeanalysis/TIV-Import-AZB-1950-2015.csv"]
    assert old.url == (
        "https://raw.githubusercontent.com/mauhai/weaponstradeanalysis/"
        "36135e3eec9883b6e8ad7e28c9fe4e1fea95a8cd/data/TIV-Import-AZB-1950-2015.csv"
    )
    assert old.sha256 == "7e225e5289e4eb11296bc6e22ef8d10de82f9187f417c40e62f15b3f10d96f82"
    bundled = {r.dest: r for r in plan("sipri", "bundled", client=None)}
    assert bundled[DELIVERIES].kind == "pinned" and bundled[DELIVERIES].sha256


# --- faults ---------------------------------------------------------------------------------------


def test_truncated_download_resumes_with_range(mirror: Mirror, home: Path) -> None:
    mirror.faults[DELIVERIES] = "truncate-once"
    final = install_first(mirror)
    ranges = mirror.requests_for(DELIVERIES)
    assert ranges[0] is None and ranges[1] and ranges[1].startswith("bytes=")
    offset = int(ranges[1].split("=")[1].rstrip("-"))
    assert 0 < offset < len(fx.delivery_export(OLD))
    got = [
        f
        for f in json.loads((final / "release.json").read_text())["files"]
        if f["path"] == DELIVERIES
    ]
    assert got[0]["sha256"] == hashlib.sha256(fx.delivery_export(OLD)).hexdigest()


def test_always_truncated_download_fails_clearly_and_keeps_old_release(
    mirror: Mirror, home: Path
) -> None:
    from realpolitik.snapshot.download import DownloadError

    install_first(mirror)
    before = tree_hashes(home / "releases" / "r1")
    write_mirror(mirror.root, israel_per_year=NEW)
    mirror.faults[DELIVERIES] = "truncate-always"
    n0 = len(mirror.requests_for(DELIVERIES))
    with pytest.raises(DownloadError) as err:
        install_first(mirror, "r2")
    msg = str(err.value)
    assert msg.startswith("download of") and "failed after 4 attempts" in msg and "\n" not in msg
    tries = mirror.requests_for(DELIVERIES)[n0:]
    assert len(tries) == 4 and tries[0] is None
    assert all(r and r.startswith("bytes=") for r in tries[1:])  # every retry resumes at the cut
    assert (home / "current").read_text().strip() == "r1"
    assert tree_hashes(home / "releases" / "r1") == before
    assert not (home / "releases" / "r2").exists()
    assert not list((home / "releases").glob(".tmp-*"))  # a failed (not killed) update cleans up


def test_hash_mismatch_is_a_clear_error_and_old_release_stays(mirror: Mirror, home: Path) -> None:
    from realpolitik.snapshot.download import DownloadError

    install_first(mirror)
    before = tree_hashes(home / "releases" / "r1")
    write_mirror(mirror.root, israel_per_year=NEW)
    sums = (mirror.root / "SHA256SUMS").read_text().splitlines()
    bad = [("0" * 64 + line[64:]) if line.endswith(REGISTER) else line for line in sums]
    (mirror.root / "SHA256SUMS").write_text("\n".join(bad) + "\n")
    with pytest.raises(DownloadError) as err:
        install_first(mirror, "r2")
    msg = str(err.value)
    assert "verification failed" in msg and "sha256" in msg and "trade-register.csv" in msg
    assert (home / "current").read_text().strip() == "r1"
    assert tree_hashes(home / "releases" / "r1") == before
    assert sorted(p.name for p in (home / "releases").iterdir()) == ["r0", "r1"]
    assert not (home / "downloads" / (REGISTER + ".part")).exists()  # the bad download is not kept
    assert israel_share_api() == pytest.approx(fx.israel_share(OLD))


def test_server_error_retries_with_backoff_then_exits_2(mirror: Mirror, home: Path) -> None:
    mirror.faults[REGISTER] = "500"
    r = cli("data", "update", "sipri", "--base-url", mirror.url, home=home)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert lines[-1].startswith("realpolitik: error: download of") and "HTTP 500" in lines[-1]
    assert "after 3 attempts" in lines[-1]
    assert len(mirror.requests_for(REGISTER)) == 3  # 1 try + REALPOLITIK_HTTP_RETRIES=2
    assert (home / "current").read_text().strip() == "r0"
    assert sorted(p.name for p in (home / "releases").iterdir()) == ["r0"]


def test_backoff_is_exponential(tmp_path: Path) -> None:
    from realpolitik.snapshot.download import DownloadError, Fetch, Policy, download

    calls = []
    transport = httpx.MockTransport(lambda req: calls.append(req) or httpx.Response(503))
    waits: list[float] = []
    policy = Policy(timeout=1, retries=4, backoff=0.5)
    with (
        httpx.Client(transport=transport) as client,
        pytest.raises(DownloadError, match="HTTP 503"),
    ):
        download(Fetch("http://x/f", tmp_path / "f"), client, policy, sleep=waits.append)
    assert waits == [0.5, 1.0, 2.0, 4.0] and len(calls) == 5


def test_offline_is_one_line(home: Path) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens here
    r = cli("data", "update", "sipri", "--base-url", f"http://127.0.0.1:{port}", home=home)
    assert r.returncode == 2
    assert r.stderr.strip().count("\n") == 0
    assert "cannot reach" in r.stderr and "offline" in r.stderr


def test_unknown_source_and_release(home: Path) -> None:
    from realpolitik.snapshot.releases import make_plan

    with pytest.raises(UserError, match="unknown source 'nope'"):
        make_plan(["nope"])
    with pytest.raises(UserError, match="--release"):
        make_plan(["sipri"], release="1999")


# --- kill -9 --------------------------------------------------------------------------------------


def _start_update(
    mirror: Mirror, home: Path, release_id: str, fault: str | None = None
) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "REALPOLITIK_SNAPSHOT"}
    env.update(
        REALPOLITIK_HOME=str(home), REALPOLITIK_HTTP_BACKOFF="0.01", REALPOLITIK_HTTP_TIMEOUT="5"
    )
    if fault:
        env["REALPOLITIK_FAULT"] = fault
    return subprocess.Popen(
        [sys.executable, "-m", "realpolitik.cli.main", "data", "update", "sipri", "--base-url", mirror.url,
         "--as", release_id],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip


def _assert_intact(home: Path, before: dict[str, str], via_cli: bool = False) -> None:
    assert (home / "current").read_text().strip() == "r1"
    assert tree_hashes(home / "releases" / "r1") == before
    assert (israel_share(home) if via_cli else israel_share_api()) == pytest.approx(
        fx.israel_share(OLD)
    )
    if via_cli:
        r = cli("data", "releases", "--format", "json", home=home)
        assert [row["id"] for row in json.loads(r.stdout)["rows"]] == ["bundled", "r0", "r1"]


def test_kill_9_mid_download_and_mid_build_leaves_previous_release_intact(
    mirror: Mirror, home: Path
) -> None:
    install_first(mirror)
    before = tree_hashes(home / "releases" / "r1")
    write_mirror(mirror.root, israel_per_year=NEW)

    # 1. killed while a file is streaming in
    mirror.faults[DELIVERIES] = "slow"
    proc = _start_update(mirror, home, "r2")
    assert mirror.slow_started.wait(60), "the update never reached the slow download"
    time.sleep(0.3)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    assert list(
        (home / "releases").glob(".tmp-r2-*")
    )  # the half-built release is left behind, unused
    _assert_intact(home, before)

    # 2. killed while the new release is being built (after downloads)
    mirror.faults.clear()
    proc = _start_update(mirror, home, "r2")
    for line in proc.stderr:  # "fetching …", then "building sipri"
        if line.startswith("building"):
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert not (home / "releases" / "r2").exists() or (home / "current").read_text().strip() == "r1"
    shutil.rmtree(
        home / "releases" / "r2", ignore_errors=True
    )  # a kill after the rename is also fine
    _assert_intact(home, before)

    # 3. the next update cleans up, takes the lock and switches; r1 is still untouched
    r = cli("data", "update", "sipri", "--base-url", mirror.url, "--as", "r3", home=home)
    assert r.returncode == 0, r.stderr
    assert (home / "current").read_text().strip() == "r3"
    assert not list((home / "releases").glob(".tmp-*"))
    assert israel_share_api() == pytest.approx(fx.israel_share(NEW))
    assert tree_hashes(home / "releases" / "r1") == before


# --- properties of the downloader (in-memory transport) ------------------------------------------


@given(data=st.binary(min_size=1, max_size=4000), cuts=st.lists(st.floats(0, 0.99), max_size=3))
@settings(max_examples=40, deadline=None)
def test_resume_reassembles_any_cut_sequence(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, cuts: list[float]
) -> None:
    """Whatever prefixes the server delivers before cutting, the resumed file is byte-identical."""
    from realpolitik.snapshot.download import Fetch, Policy, download

    pending = list(cuts)

    def handler(req: httpx.Request) -> httpx.Response:
        start = int(req.headers["Range"].split("=")[1].rstrip("-")) if "Range" in req.headers else 0
        body = data[start:]
        sent = body[: int(len(body) * pending.pop(0))] if pending else body
        headers = {"Content-Length": str(len(body))}
        if start:
            headers["Content-Range"] = f"bytes {start}-{len(data) - 1}/{len(data)}"
        return httpx.Response(206 if start else 200, headers=headers, stream=httpx.ByteStream(sent))

    dest = tmp_path_factory.mktemp("dl") / "f.bin"
    sha = hashlib.sha256(data).hexdigest()
    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        download(
            Fetch("http://x/f.bin", dest, sha256=sha, size=len(data)),
            client,
            Policy(retries=3),
            sleep=lambda s: None,
        )
    assert dest.read_bytes() == data
    assert not dest.with_name("f.bin.part").exists()


# --- kill -9 at every step of an update (fault-injection hook) ------------------------------------


def test_kill_at_every_update_step_leaves_the_active_release_intact(
    mirror: Mirror, home: Path
) -> None:
    """Killed at any step of `data update` (including every step of its build), the active release
    stays r1, sha256-identical, and queries answer with it; the next update cleans up and switches."""
    from realpolitik.snapshot.faults import BUILD_STEPS, UPDATE_STEPS

    install_first(mirror)
    before = tree_hashes(home / "releases" / "r1")
    write_mirror(mirror.root, israel_per_year=NEW)
    for step in (*UPDATE_STEPS, *BUILD_STEPS):
        proc = _start_update(mirror, home, "r2", fault=step)
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == -signal.SIGKILL, (step, err)
        if step == "update:renamed":  # complete and verified, but never switched to
            assert (home / "releases" / "r2" / "release.json").is_file()
            shutil.rmtree(home / "releases" / "r2")
        _assert_intact(home, before)
    r = cli("data", "update", "sipri", "--base-url", mirror.url, "--as", "r3", home=home)
    assert r.returncode == 0, r.stderr
    assert not list((home / "releases").glob(".tmp-*"))
    assert israel_share_api() == pytest.approx(fx.israel_share(NEW))


# --- a mirror serving corrupt files: refused, the old release stays active -------------------------


@pytest.mark.parametrize("kind", sorted(fx.CORRUPTIONS))
def test_update_from_a_mirror_serving_corrupt_files_is_refused(
    mirror: Mirror, home: Path, kind: str
) -> None:
    install_first(mirror)
    before = tree_hashes(home / "releases" / "r1")
    corrupt, expected = fx.CORRUPTIONS[kind]
    path = mirror.root / DELIVERIES
    path.write_bytes(corrupt(fx.delivery_export(NEW)))
    write_sums(mirror.root)  # the mirror's own hashes match its bad file: only the build can tell
    r = cli("data", "update", "sipri", "--base-url", mirror.url, "--as", "r2", home=home)
    assert r.returncode == 2, r.stderr
    last = r.stderr.strip().splitlines()[-1]
    assert last.startswith("realpolitik: error: sipri: refused") and expected in last
    assert (home / "current").read_text().strip() == "r1"
    assert tree_hashes(home / "releases" / "r1") == before
    assert not (home / "releases" / "r2").exists()
    assert not list((home / "releases").glob(".tmp-*"))
    assert israel_share(home) == pytest.approx(fx.israel_share(OLD))
