"""Screenshots of the web explorer for docs/web.md: the dyad, country, network and check pages at
390 px (a phone) and 1280 px (a laptop), taken in headless Debian chromium from a server started here.

Run: python tools/web_screenshots.py [--out docs/img/web] [--height 1800]
Each page is cut at --height pixels (the top of the page: the part a reader sees first).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.browser import DESKTOP, PHONE, browser, served, settle  # noqa: E402

PAGES = {
    "dyad": "/dyad/ISR/AZE?as_of=2024-10-09",
    "country": "/country/AZE",
    "network": "/network?year=2020&country=AZE",
    "check": "/check?example=1",
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=REPO / "docs" / "img" / "web")
    ap.add_argument("--height", type=int, default=1800)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with served() as base, browser(lambda reason: sys.exit(reason)) as b:
        for vp in (PHONE, DESKTOP):
            ctx = b.new_context(viewport=vp, device_scale_factor=1)
            page = ctx.new_page()
            for name, url in PAGES.items():
                page.goto(base + url, timeout=120_000)
                if name == "check":  # check the example article, then show its result page
                    page.click("button[type=submit]")
                    page.wait_for_url("**/check/*", timeout=120_000)
                    page.click("a.claim >> nth=0")
                settle(page)
                height = min(args.height, page.evaluate("document.documentElement.scrollHeight"))
                path = args.out / f"{name}-{vp['width']}.png"
                page.screenshot(
                    path=str(path),
                    clip={"x": 0, "y": 0, "width": vp["width"], "height": height},
                    full_page=True,
                )
                print(path)
            ctx.close()


if __name__ == "__main__":
    main()
