"""The store's views: created when a query names their table, all of them for SQL the store does not
see (`store.con`, `store.relation`), never for a dataset that failed verification."""

from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.errors import DataMissing
from realpolitik.snapshot.paths import active_snapshot
from realpolitik.store import Store


def views(store: Store) -> set[str]:
    return {r[0] for r in store._con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}  # fmt: skip


def test_a_view_is_created_when_a_query_names_its_table() -> None:
    store = Store(active_snapshot())
    assert views(store) == set()
    rows = store.rows(
        "SELECT km FROM factbook_borders WHERE id = ? AND neighbour_id = ?", ["AZE", "IRN"]
    )
    assert [int(r[0]) for r in rows.data] == [689]
    assert views(store) == {"factbook_borders"}
    frame = store.sql(
        "SELECT count(*) AS n FROM sipri_tiv t JOIN factbook_borders b ON b.id = t.recipient_id"
    )
    assert int(frame["n"].iloc[0]) > 0 and views(store) == {"factbook_borders", "sipri_tiv"}


def test_connection_and_relation_see_every_verified_table() -> None:
    store = Store(active_snapshot())
    assert store.relation("SELECT 1").fetchall() == [(1,)]
    assert views(store) == set(store.table_dataset)
    assert store.con.execute("SELECT count(*) FROM cow_mindist").fetchone()[0] > 0


def test_a_damaged_dataset_gets_no_view(tmp_path: Path) -> None:
    from realpolitik.snapshot.paths import bundled_snapshot
    from realpolitik.snapshot.releases import seed_from

    snap = tmp_path / "snap"
    snap.mkdir()
    seed_from(bundled_snapshot(), snap)  # hard links: the copy's manifest may be broken
    (snap / "sipri" / "manifest.json").unlink()
    (snap / "sipri" / "manifest.json").write_text("{")
    store = Store(snap)
    assert "sipri" in store.damaged
    with pytest.raises(DataMissing, match="dataset sipri .* failed verification"):
        store.rows("SELECT count(*) FROM sipri_tiv")
    _ = store.con  # every view of the verified datasets, none of the damaged one
    assert "sipri_tiv" not in views(store) and "factbook_borders" in views(store)
