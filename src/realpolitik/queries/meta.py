"""Queries about the data itself: what the snapshot holds, under which terms, and whether it is intact."""

from __future__ import annotations

from pathlib import Path

from realpolitik.render.words import plural
from realpolitik.result import Result, Rows, Source
from realpolitik.store import get_store

TERMS_NOTE = "Code MIT; data under each producer's terms (DATA_LICENSES.md, `realpolitik cite`)."


def snapshot_info() -> Result:
    """One row per table of the active snapshot with its dataset, release, rows and coverage; each
    dataset's terms of use in the notes and in its source's `licence` (kept out of the rows so the
    table stays narrow)."""
    from realpolitik.snapshot.terms import terms_of

    store = get_store()
    rows = []
    sources = []
    notes = [TERMS_NOTE]
    for name, m in sorted(store.manifests.items()):
        t = terms_of(name)
        terms = t.short if t else m.get("licence", "")
        sources.append(Source(name, m["release"], m["citation"], m.get("url", ""), terms))
        notes.append(f"{name}: {terms}.")
        for table, info in m["tables"].items():
            cov = info.get("coverage")
            rows.append(
                {
                    "dataset": name,
                    "table": table,
                    "release": m["release"],
                    "rows": info["rows"],
                    "first_year": cov[0] if cov else None,
                    "last_year": cov[1] if cov else None,
                }
            )
    for name, why in sorted(store.damaged.items()):
        notes.append(f"{name}: left out, failed verification ({why}); `realpolitik data verify`.")
    cols = ("dataset", "table", "release", "rows", "first_year", "last_year")
    types = ("VARCHAR", "VARCHAR", "VARCHAR", "BIGINT", "INTEGER", "INTEGER")
    frame = Rows(cols, types, [tuple(r[c] for c in cols) for r in rows])  # years stay integers
    return Result(
        frame,
        {"command": "data info", "snapshot": str(store.path)},
        sources,
        notes,
        title="Snapshot",
    )


def verify_report(snapshot: Path, repair: bool = False) -> Result:
    """Every dataset of a snapshot re-hashed and read back (state ok / damaged / interrupted / temp
    folder), after repairs when asked; one row per dataset or leftover folder."""
    from realpolitik.snapshot.integrity import how_to_fix, verify_deep
    from realpolitik.snapshot.integrity import repair as do_repair

    rows = []
    if repair:
        rows += [{"dataset": d, "state": s, "detail": x} for d, s, x in do_repair(snapshot)]
    found = verify_deep(snapshot)
    done = {r["dataset"] for r in rows}
    for name, m in sorted(found.manifests.items()):
        if name in found.interrupted:
            rows.append(
                {
                    "dataset": name,
                    "state": "interrupted",
                    "detail": f"read from {found.interrupted[name].name} (a build was killed "
                    "mid-swap); --repair puts it back",
                }
            )
        elif name not in done:
            n = len(m["tables"])
            rows.append(
                {"dataset": name, "state": "ok", "detail": f"{plural(n, 'table')} verified"}
            )
    for name, why in sorted(found.damaged.items()):
        if name not in done:
            rows.append(
                {
                    "dataset": name,
                    "state": "damaged",
                    "detail": f"{why}; {how_to_fix(name, snapshot)}",
                }
            )
    for folder in found.temps:
        rows.append(
            {
                "dataset": "",
                "state": "temp folder",
                "detail": f"{folder.name} (left by a killed build, never read); --repair removes it",
            }
        )
    rows += _update_leftovers(repair)
    cols = ("dataset", "state", "detail")
    frame = Rows(cols, ("VARCHAR",) * 3, [tuple(r[c] for c in cols) for r in rows])
    query = {"command": "data verify", "snapshot": str(snapshot), "repair": repair}
    return Result(frame, query, [], [], title=f"Snapshot {snapshot}")


def _update_leftovers(repair: bool) -> list[dict]:
    """Temp folders of killed `data update`s under <home>/releases (removed with --repair, under the
    update lock so a running update's folder is never touched)."""
    from realpolitik.snapshot import releases

    root = releases.releases_root()
    temps = sorted(root.glob(f"{releases.TMP_PREFIX}*")) if root.is_dir() else []
    if not temps:
        return []
    if repair:
        lock = releases.update_lock()
        try:
            gone = releases.clean_stale_temps()
        finally:
            lock.close()
        return [{"dataset": "", "state": "repaired", "detail": f"removed {p.name} (a killed update)"}
                for p in gone]  # fmt: skip
    return [
        {"dataset": "", "state": "temp folder",
         "detail": f"{p.name} in {root} (left by a killed update); --repair removes it"}
        for p in temps
    ]  # fmt: skip
