"""What changed between two releases: figure by figure (SIPRI shares, old → new) or manifest by manifest.

A release spec names either
- an installed release directory or "bundled"/"current" (the whole snapshot), or
- one release of a dataset kept inside a snapshot, `DATASET@VERSION` (e.g. "sipri@2022": the July-2022
  per-supplier TIV tables; "sipri@2025": the per-delivery export), optionally prefixed by the snapshot
  that holds it: `RELEASE:DATASET@VERSION`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from realpolitik.errors import BadPeriod, UserError
from realpolitik.result import Result, Source

# Tables of a dataset whose rows carry their release, as dyad-year figures (supplier, recipient, year, tiv).
RELEASE_TABLES = {"sipri": ("sipri_tiv_releases", "sipri_tiv_tables", "sipri_deliveries")}
WHOLE_TABLE = {"sipri": "sipri_tiv"}


@dataclass(frozen=True)
class Side:
    """One side of a diff: a snapshot directory and the SQL giving its dyad-year rows."""

    label: str
    snapshot: Path
    sql: str  # SELECT supplier_id, supplier_name, recipient_id, recipient_name, year, tiv
    params: tuple[str, ...]
    release: str


def _snapshot_of(name: str) -> Path:
    from realpolitik.snapshot.paths import active_snapshot
    from realpolitik.snapshot.releases import release_dir

    if name in ("", "current"):
        return active_snapshot()
    return release_dir(name)


def _store(path: Path):  # noqa: ANN202
    from realpolitik.store import get_store

    return get_store(path)


COLS = "supplier_id, supplier_name, recipient_id, recipient_name, year, tiv"


def resolve_side(spec: str, dataset: str) -> Side:
    """Turn a release spec into the rows it denotes (raises UserError for unknown specs)."""
    where, _, version = spec.rpartition("@") if "@" in spec else (spec, "", "")
    snap_name, _, ds = where.rpartition(":") if "@" in spec else (where, "", "")
    if version:
        if ds != dataset:
            raise UserError(f"{spec!r} names dataset {ds!r}, but the diff is over {dataset!r}")
        store = _store(_snapshot_of(snap_name))
        for table in RELEASE_TABLES.get(dataset, ()):
            if not store.has_table(table):
                continue
            found = store.sql(f'SELECT count(*) AS n FROM "{table}" WHERE release = ?', [version])
            if int(found["n"].iloc[0]):
                sql = f'SELECT {COLS} FROM "{table}" WHERE release = ?'
                return Side(spec, store.path, sql, (version,), version)
        have = sorted(
            {
                str(r)
                for t in RELEASE_TABLES.get(dataset, ())
                if store.has_table(t)
                for r in store.sql(f'SELECT DISTINCT release FROM "{t}"')["release"]
            }
        )
        raise UserError(
            f"no {dataset} release {version!r} in {store.path}; available: "
            + ", ".join(f"{dataset}@{h}" for h in have)
        )
    store = _store(_snapshot_of(spec))
    table = WHOLE_TABLE.get(dataset)
    if not table or not store.has_table(table):
        raise UserError(f"release {spec!r} has no {dataset} figures to compare")
    release = store.manifests[dataset]["release"]
    return Side(spec, store.path, f'SELECT {COLS} FROM "{table}"', (), release)


def _shares(side: Side, role: str, party: str | None, start: int, end: int) -> pd.DataFrame:
    """TIV and share per counterpart in [start, end], aligned on resolver ids (names when no id)."""
    store = _store(side.snapshot)
    other = "supplier" if role == "recipient" else "recipient"
    years = store.sql(
        f"SELECT min(year) AS a, max(year) AS b FROM ({side.sql}) t", list(side.params)
    ).iloc[0]
    if pd.isna(years["a"]) or start < int(years["a"]) or end > int(years["b"]):
        raise BadPeriod(f"{start}–{end} is outside {side.label} (covers {years['a']}–{years['b']})")
    filt, params = "", [*side.params, start, end]
    if party:
        filt = f"AND {role}_id = ?"
        params.append(party)
    frame = store.sql(
        f"""
        SELECT coalesce({other}_id, {other}_name) AS key, any_value({other}_id) AS id,
               any_value({other}_name) AS name, sum(tiv ORDER BY tiv) AS tiv
        FROM ({side.sql}) t
        WHERE year BETWEEN ? AND ? {filt}
        GROUP BY 1
        """,
        params,
    )
    total = frame["tiv"].sum()
    frame["share"] = frame["tiv"] / total if total else float("nan")
    return frame


def _pct(x: float) -> str:
    return "–" if pd.isna(x) else f"{100 * x:.1f} %"


def figure_diff(
    spec_a: str,
    spec_b: str,
    dataset: str = "sipri",
    recipient: str | None = None,
    supplier: str | None = None,
    start: int = 2016,
    end: int = 2020,
    limit: int | None = None,
) -> Result:
    """Shares per counterpart in a window under two releases, old → new, with the change in points."""
    from realpolitik.periods import Period

    Period(start, end)  # validates order
    if dataset not in RELEASE_TABLES:
        raise UserError(
            f"figure diff is defined for {', '.join(RELEASE_TABLES)}; use no --dataset for a manifest diff"
        )
    if recipient and supplier:
        raise UserError("give --recipient or --supplier, not both")
    role, party = (
        ("recipient", recipient)
        if recipient
        else ("supplier", supplier)
        if supplier
        else ("recipient", None)
    )
    country = None
    if party:
        from realpolitik.countries import resolve

        country = resolve(party)
        party = country.id
    a, b = resolve_side(spec_a, dataset), resolve_side(spec_b, dataset)
    fa, fb = _shares(a, role, party, start, end), _shares(b, role, party, start, end)
    m = fa.merge(fb, on="key", how="outer", suffixes=("_a", "_b"))
    m["id"] = m["id_b"].combine_first(m["id_a"])
    m["name"] = m["name_b"].combine_first(m["name_a"])
    m["change_pp"] = 100 * (m["share_b"] - m["share_a"])
    m["change"] = [
        f"{_pct(x)} → {_pct(y)}" for x, y in zip(m["share_a"], m["share_b"], strict=True)
    ]
    m = m.sort_values(["share_b", "share_a"], ascending=False, na_position="last")
    m = m[["id", "name", "tiv_a", "tiv_b", "share_a", "share_b", "change_pp", "change"]]
    if limit:
        m = m.head(limit)
    who = (
        f"{country.name}'s {'suppliers' if role == 'recipient' else 'recipients'}"
        if country
        else "exporters"
    )
    notes = [
        f"a = {a.label} (release {a.release}); b = {b.label} (release {b.release}).",
        "share_a/share_b are shares of the window's total under each release; change_pp = share_b − share_a in percentage points.",
        "Counterparts are matched on resolver ids, so renamed parties (e.g. Turkey/Turkiye) line up.",
    ]
    sources = _sources(dataset, {a.snapshot, b.snapshot})
    query = {
        "command": "data diff",
        "a": spec_a,
        "b": spec_b,
        "dataset": dataset,
        "role": role,
        "party": party,
        "from": start,
        "to": end,
    }
    title = f"{who}, {start}–{end}: {spec_a} → {spec_b}"
    return Result(m.reset_index(drop=True), query, sources, notes, title)


def _sources(dataset: str, snapshots: set[Path]) -> list[Source]:
    out, seen = [], set()
    for snap in sorted(snapshots):
        src = _store(snap).source(dataset)
        if src not in seen:
            seen.add(src)
            out.append(src)
    return out


def manifest_diff(spec_a: str, spec_b: str) -> Result:
    """Per dataset: release, rows and coverage under two installed releases, and whether files changed."""
    from realpolitik.snapshot.manifest import read_manifests

    ma, mb = read_manifests(_snapshot_of(spec_a)), read_manifests(_snapshot_of(spec_b))
    rows = []
    for name in sorted(set(ma) | set(mb)):
        a, b = ma.get(name, {}), mb.get(name, {})
        ta, tb = a.get("tables", {}), b.get("tables", {})
        same = {k: v.get("sha256") for k, v in ta.items()} == {
            k: v.get("sha256") for k, v in tb.items()
        }
        rows.append(
            {
                "dataset": name,
                "release_a": a.get("release"),
                "release_b": b.get("release"),
                "rows_a": sum(t["rows"] for t in ta.values()) if a else None,
                "rows_b": sum(t["rows"] for t in tb.values()) if b else None,
                "changed": "same"
                if same and a and b
                else ("added" if not a else "removed" if not b else "changed"),
            }
        )
    frame = pd.DataFrame(
        rows, columns=["dataset", "release_a", "release_b", "rows_a", "rows_b", "changed"]
    )
    return Result(
        frame,
        {"command": "data diff", "a": spec_a, "b": spec_b},
        [],
        [f"a = {spec_a}; b = {spec_b}. 'changed' compares the sha256 of every table file."],
        f"Datasets: {spec_a} → {spec_b}",
    )
