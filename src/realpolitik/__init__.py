"""realpolitik: explain, discover and fact-check strategic partnerships between states from open data.

    >>> import realpolitik as rp
    >>> rp.arms.suppliers("Azerbaijan", (2016, 2020)).frame.head(3)   # a pandas DataFrame
    >>> rp.resolve("Azeri").id
    'AZE'

Submodules load lazily so that `import realpolitik` stays fast. `__version__` is the package
version (pyproject reads it from here, so importlib.metadata agrees); `data_version()` is the
release of the installed snapshot distribution.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "arms": "realpolitik.queries.arms",
    "geo": "realpolitik.queries.geo",
    "energy": "realpolitik.queries.energy",
    "trade": "realpolitik.queries.trade",
    "security": "realpolitik.queries.security",
    "alignment": "realpolitik.queries.alignment",
    "events": "realpolitik.queries.events",
    "countries": "realpolitik.countries",
    "panel": "realpolitik.panel",
    "network": "realpolitik.analyses.network",
}
_FUNCS = {
    "resolve": ("realpolitik.countries", "resolve"),
    "Period": ("realpolitik.periods", "Period"),
    "Result": ("realpolitik.result", "Result"),
    "get_store": ("realpolitik.store", "get_store"),
    "brief": ("realpolitik.analyses.brief", "brief"),
    "check": ("realpolitik.analyses.claims", "check"),
}


def data_version() -> str | None:
    """The release of the installed `realpolitik-data` snapshot distribution, or None."""
    try:
        from realpolitik_data import __version__ as release
    except ImportError:
        return None
    return str(release)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return importlib.import_module(_LAZY[name])
    if name in _FUNCS:
        module, attr = _FUNCS[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'realpolitik' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY, *_FUNCS])
