"""Write DATA_LICENSES.md (repository root, and its copy inside the realpolitik-data distribution)
from the terms table in src/realpolitik/snapshot/terms.py and the datasets' citations. Run:

    python tools/make_data_licenses.py
"""

from __future__ import annotations

from pathlib import Path

from realpolitik.snapshot.catalog import datasets
from realpolitik.snapshot.terms import render_markdown

REPO = Path(__file__).resolve().parent.parent
TARGETS = (REPO / "DATA_LICENSES.md", REPO / "realpolitik-data" / "DATA_LICENSES.md")


def main() -> None:
    text = render_markdown({name: ds.citation for name, ds in datasets().items()})
    for target in TARGETS:
        target.write_text(text)
        print(f"wrote {target.relative_to(REPO)}")


if __name__ == "__main__":
    main()
