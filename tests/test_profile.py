"""The country card combines every layer, and says plainly where a layer has no data."""

from __future__ import annotations

import json

import pytest

from realpolitik.queries.profile import profile


@pytest.fixture
def cli(cli_in_process):  # noqa: ANN001, ANN201 - conftest's fixture
    """These tests are about what the commands print, not the process: the CLI runs in-process (a call with its
    own environment still runs as a subprocess)."""
    return cli_in_process


def test_profile_azerbaijan_sections():
    p = profile("Azeri")
    assert {"facts", "capability", "regime", "religions", "oil", "arms_suppliers", "arms_recipients",
            "export_partners", "import_partners", "neighbours", "rivals"} <= set(p)  # fmt: skip
    assert p["arms_suppliers"].frame["id"].iloc[0] in {"ISR", "RUS", "TUR"}
    fb = p["export_partners"].frame
    fb = fb[fb["source"] == "factbook"]
    assert list(fb["partner_id"][:3]) == ["ITA", "TUR", "ISR"]
    assert "IRN" in set(p["neighbours"].frame.filter(like="id").stack())
    assert "ARM" in set(p["rivals"].frame["counterpart_id"])
    assert int(p["oil"].frame["rank"].iloc[0]) == 26


def test_profile_historical_state_states_gaps():
    p = profile("Soviet Union")
    assert not p["arms_suppliers"].frame.empty or p["arms_suppliers"].notes
    assert all(r.notes or not r.frame.empty for r in p.values())


def test_profile_cli_json(cli):
    r = cli("profile", "Israel", "--format", "json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["query"] == {"command": "profile", "country": "ISR"}
    assert doc["sections"]["religions"]["rows"][0]["religion"] == "Jewish"
