"""The labelled evaluation set meets its targets (precision, recall ≥ 0.95; verdict accuracy ≥ 0.9)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent / "evaluation"


def _module():
    spec = importlib.util.spec_from_file_location("run_claims_eval", EVAL / "run_claims_eval.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def test_set_covers_types_and_verdicts() -> None:
    items = [
        json.loads(x) for x in (EVAL / "claims_eval.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    claims = [c for it in items for c in it["claims"]]
    assert len(items) >= 100 and sum(1 for it in items if not it["claims"]) >= 15
    assert {c["verdict"] for c in claims} == {"supported", "contradicted", "mixed", "unverifiable"}
    assert {c["type"] for c in claims} >= {
        "arms_import_share", "arms_export_share", "arms_top_supplier", "arms_global_share", "arms_global_rank",
        "arms_deal", "oil_producer_rank", "oil_import_share", "export_partner_rank", "export_partner_share",
        "border_length", "rivalry",
    }  # fmt: skip


def test_eval_meets_targets(capsys) -> None:
    assert _module().main([]) == 0
    out = capsys.readouterr().out
    assert "PASS" in out
