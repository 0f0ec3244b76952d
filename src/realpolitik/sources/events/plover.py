"""PLOVER / POLECAT event records in JSON (PLOVER specification; OEDA gold-standard records), read strictly.

A file is a JSON array of records (or JSON Lines). A record has `id`, `date` (YYYY-MM-DD), `event` (a
PLOVER event type), optional `mode`, `context`, and `source` / `target` as a list of actors
`{"actorText", "code", "sector"}` (a bare string or empty value means no actor). Compound actors give one
normalised row per source × target pair. Records without a date or event (documentation records) are
skipped and counted. PLOVER has no CAMEO code and no Goldstein weight: those stay null.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from realpolitik.sources.events import cameo


def _records(text: str, where: str) -> list[dict[str, Any]]:
    from realpolitik.errors import UserError

    text = text.strip()
    try:
        if text.startswith("["):
            data = json.loads(text)
        else:
            data = [json.loads(line) for line in text.splitlines() if line.strip()]
    except json.JSONDecodeError as e:
        raise UserError(f"{where}: not PLOVER JSON ({e.msg} at line {e.lineno})") from e
    if not all(isinstance(r, dict) for r in data):
        raise UserError(f"{where}: PLOVER JSON must be an array of objects")
    return data


def _actors(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, list):
        return [a for a in value if isinstance(a, dict)] or [{}]
    return [{}]


def parse_records(records: list[dict[str, Any]]) -> pd.DataFrame:
    """PLOVER records → one row per (source actor, target actor) with the record's fields."""
    rows = []
    for r in records:
        if not r.get("date") or not r.get("event") or r.get("event") == "DOCUMENT":
            continue
        for s in _actors(r.get("source")):
            for t in _actors(r.get("target")):
                rows.append(
                    {
                        "id": r.get("id"),
                        "date": r.get("date"),
                        "event": r.get("event"),
                        "mode": r.get("mode") or None,
                        "context": r.get("context") or None,
                        "source_text": s.get("actorText"),
                        "source_code": s.get("code"),
                        "source_sector": s.get("sector"),
                        "target_text": t.get("actorText"),
                        "target_code": t.get("code"),
                        "target_sector": t.get("sector"),
                    }
                )
    return pd.DataFrame(
        rows,
        columns=[
            "id", "date", "event", "mode", "context", "source_text", "source_code",
            "source_sector", "target_text", "target_code", "target_sector",
        ],
    )  # fmt: skip


def read_plover(path: Path | str) -> pd.DataFrame:
    """Parse a PLOVER/POLECAT JSON file (array or JSON Lines) into actor-pair rows."""
    from realpolitik.errors import DataMissing

    path = Path(path)
    if not path.is_file():
        raise DataMissing(f"PLOVER file not found: {path}")
    return parse_records(_records(path.read_text(encoding="utf-8"), str(path)))


def normalise(df: pd.DataFrame, origin: str) -> pd.DataFrame:
    """PLOVER actor-pair rows → the normalised event schema (QuadClass from the PLOVER event type)."""
    from realpolitik.events.schema import finish

    ids = {
        c: cameo.country_id(c)
        for c in pd.concat([df["source_code"], df["target_code"]]).dropna().unique()
    }
    out = pd.DataFrame(
        {
            "event_id": df["id"],
            "dataset": "plover",
            "origin": origin,
            "date": df["date"],
            "source_actor": df["source_text"],
            "source_code": df["source_code"],
            "source_id": df["source_code"].map(ids),
            "source_type": df["source_sector"],
            "target_actor": df["target_text"],
            "target_code": df["target_code"],
            "target_id": df["target_code"].map(ids),
            "target_type": df["target_sector"],
            "quad_class": df["event"].map(cameo.PLOVER_QUAD),
            "plover_event": df["event"],
        }
    )
    return finish(out)
