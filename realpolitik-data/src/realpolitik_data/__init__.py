"""realpolitik-data: the normalised open-data snapshot that realpolitik reads offline.

The code (`realpolitik`, MIT) and the data (this distribution) travel separately: each dataset
stays under its producer's terms (see DATA_LICENSES.md and every dataset's manifest.json).
"""

from __future__ import annotations

from pathlib import Path

SNAPSHOT = Path(__file__).resolve().parent / "snapshot"
"""The snapshot directory: one folder per dataset with Parquet tables and a manifest.json."""

__version__ = "2026.12.4"
"""The snapshot release: the date (YYYY.M.D) the bundled datasets were last built."""
