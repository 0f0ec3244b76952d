"""Finds every Dataset declared by a module in realpolitik.sources (a module-level DATASETS list)."""

from __future__ import annotations

import importlib
import pkgutil

from realpolitik.snapshot.dataset import Dataset


def datasets() -> dict[str, Dataset]:
    """All datasets by name, discovered from realpolitik.sources.* modules."""
    import realpolitik.sources as pkg

    found: dict[str, Dataset] = {}
    for info in pkgutil.walk_packages(pkg.__path__, prefix=pkg.__name__ + "."):
        module = importlib.import_module(info.name)
        for ds in getattr(module, "DATASETS", []):
            if ds.name in found:
                raise RuntimeError(f"dataset {ds.name!r} declared twice")
            found[ds.name] = ds
    return found
