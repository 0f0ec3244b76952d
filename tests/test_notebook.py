"""The example notebook runs top to bottom on the bundled data and shows what it says it shows."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path
from typing import Any

import pytest

nbclient = pytest.importorskip(
    "nbclient", reason="needs the notebook extra: pip install -e '.[notebook]'"
)
pytest.importorskip("ipykernel", reason="needs the notebook extra: pip install -e '.[notebook]'")
import nbformat  # noqa: E402  (after the skips: it comes with the same extra)

NOTEBOOK = Path(__file__).resolve().parent.parent / "examples" / "tour.ipynb"


@pytest.fixture(scope="module")
def executed() -> Any:
    """The notebook executed in a fresh kernel, from its own folder (it opens the example article)."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()  # raises CellExecutionError, naming the cell, if any cell fails
    return nb


def shown(nb: Any, tag: str, mime: str | None = None) -> str:
    """Everything the cell tagged `tag` displayed (streams and every representation, or one mime)."""
    cells = [c for c in nb.cells if tag in c.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1, f"no single cell tagged {tag!r}"
    parts = []
    for out in cells[0].outputs:
        if out.output_type == "stream":
            parts.append(out.text)
        for kind, value in out.get("data", {}).items():
            if mime is None or kind == mime:
                parts.append(value if isinstance(value, str) else str(value))
    return "\n".join(parts)


def test_every_code_cell_ran_and_displayed(executed: Any) -> None:
    code = [c for c in executed.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code)
    assert all(c.outputs for c in code), "a cell of the tour displays nothing"


def test_arms_suppliers_lead_with_israel(executed: Any) -> None:
    frame = shown(executed, "suppliers-frame", "text/plain").splitlines()
    assert frame[1].split()[1:5] == ["ISR", "Israel", "697.45", "0.677392"]  # 67.7 % of 1,029.6 TIV
    assert "Israel" in shown(executed, "suppliers")
    polars = shown(executed, "polars", "text/plain")
    assert "shape: (3, 5)" in polars and "Israel" in polars and "697.45" in polars


def test_brief_states_the_seed_figures(executed: Any) -> None:
    summary = shown(executed, "brief-summary")
    assert "Israel supplied 67.7 % of Azerbaijan's arms imports in 2016–20" in summary
    assert (
        "65.1 % of Israel's crude-oil imports" in summary and "689 km border with Iran" in summary
    )
    assert "Azerbaijan" in shown(executed, "brief")


def test_checked_article_has_verdicts(executed: Any) -> None:
    counts = ast.literal_eval(shown(executed, "check-counts", "text/plain"))
    assert set(counts) == {"supported", "contradicted", "mixed", "unverifiable"}
    assert counts["supported"] >= 1 and counts["contradicted"] >= 1  # "largest customer" is wrong
    assert "Harop" in shown(executed, "check")


def test_network_and_panel(executed: Any) -> None:
    assert "Azerbaijan" in shown(executed, "partnerships") and "Israel" in shown(
        executed, "partnerships"
    )
    assert "Iran" in shown(executed, "triads")  # the shared adversary
    pair = shown(executed, "panel-pair", "text/html")
    assert (
        "<th>tiv21</th>" in pair and "<td>250.45</td>" in pair
    )  # Israel → Azerbaijan, 2016 (SIPRI TIV)


@pytest.mark.parametrize(
    ("tag", "kind", "expected"),
    [
        ("suppliers", "realpolitik.result:Result", "67.7"),
        ("partnerships", "realpolitik.result:Result", "Azerbaijan"),
        ("brief", "realpolitik.analyses.brief.model:Brief", "Azerbaijan"),
        ("check", "realpolitik.analyses.claims.report:ClaimReport", "Harop"),
    ],
)
def test_objects_display_as_rich_html(executed: Any, tag: str, kind: str, expected: str) -> None:
    """Each object the tour ends a cell with renders as HTML in Jupyter."""
    module, name = kind.split(":")
    assert hasattr(getattr(importlib.import_module(module), name), "_repr_html_"), name
    assert expected in shown(executed, tag, "text/html")


def test_committed_without_outputs() -> None:
    """Outputs come from running it (CI does, on every run), so none is kept that could go stale."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and not any(c.outputs or c.execution_count for c in code)
