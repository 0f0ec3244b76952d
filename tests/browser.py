"""Headless Debian chromium through Playwright, for tests and scripts that look at pages as a person would."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]  # fmt: skip
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 900}

# scrollWidth of the document beyond its viewport: > 0 means the page scrolls sideways
OVERFLOW_JS = """() => {
  const d = document.documentElement;
  const wide = [...document.querySelectorAll('body *')].filter(e => {
    const r = e.getBoundingClientRect();
    return r.right > d.clientWidth + 1 && getComputedStyle(e).position !== 'fixed';
  }).filter(e => !(e.parentElement && e.parentElement.closest('.table-wrap, .vl-chart svg, pre')))
    .slice(0, 5).map(e => e.tagName.toLowerCase() + ((e.closest('[data-chart]') || {}).dataset || {chart: ''}).chart
                      + ' ' + Math.round(e.getBoundingClientRect().right) + 'px');
  return {overflow: d.scrollWidth - d.clientWidth, wide: wide};
}"""


def skip(reason: str) -> None:
    import pytest

    pytest.skip(reason)


@contextmanager
def browser(on_missing=skip) -> Iterator:
    """Headless chromium (a Playwright Browser); calls on_missing when chromium or playwright is absent."""
    if not Path(CHROMIUM).exists():
        on_missing("Debian chromium is not installed (.ci/run installs it)")
    try:
        from playwright import sync_api
    except ImportError:
        on_missing("playwright is not installed")
        raise
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


@contextmanager
def browser_page(viewport: dict | None = None) -> Iterator:
    """A fresh page in headless chromium; skips when chromium or playwright is missing."""
    with browser() as b:
        page = b.new_page(viewport=viewport or {"width": 1100, "height": 1400})
        yield page


def screenshot(page, name: str, folder: Path = ARTIFACTS, full_page: bool = True) -> Path:
    """Save a screenshot (full page by default) as a test artifact."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def served(timeout: float = 60) -> Iterator[str]:
    """The explorer under uvicorn in a thread on a free loopback port; yields its base URL."""
    import uvicorn

    from realpolitik.web.app import create_app

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def settle(page, timeout_ms: int = 60_000) -> None:
    """Wait until every chart on the page has rendered (or failed, which the caller checks)."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('.vl-chart[data-spec]')]"
        ".every(e => e.getAttribute('data-rendered'))",
        timeout=timeout_ms,
    )
