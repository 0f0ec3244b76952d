"""COW Intergovernmental Organizations v3: shared memberships of dyad-years and memberships of state-years.

Read from peacesciencer 1.2.9's `cow_igo_ndy` (non-directed dyad-years, ccode1 < ccode2: `dyadigos`, the number of
IGOs in which both states are full members) and `cow_igo_sy` (state-years: counts of full, associate and observer
memberships and of any type).
"""

from __future__ import annotations

from pathlib import Path

from realpolitik.snapshot.dataset import Built, Dataset
from realpolitik.sources.peacesciencer import BIB_PS, PS_NOTE, _ps, _release, integerise, year_span


def build_igos(raw_root: Path) -> Built:
    ndy, p1 = _ps(raw_root, "cow_igo_ndy")
    sy, p2 = _ps(raw_root, "cow_igo_sy")
    tables = {"cow_igo_ndy": integerise(ndy), "cow_igo_sy": integerise(sy)}
    return Built(
        tables=tables,
        release=_release(raw_root, "COW IGO", "IGOs"),
        files=[p1, p2],
        coverage={name: year_span(t) for name, t in tables.items()},
        notes=[
            PS_NOTE,
            "dyadigos: IGOs with both states full members (non-directed, ccode1 < ccode2); the state-year table "
            "counts full, associate and observer memberships (sum_igo_anytype: any of them).",
        ],
    )


DATASETS = [
    Dataset(
        name="cow_igo",
        title="COW Intergovernmental Organizations v3: shared memberships by dyad-year, memberships by state-year",
        build=build_igos,
        citation=(
            "Pevehouse, Jon C. W., Timothy Nordstrom, Roseanne W. McManus and Anne Spencer Jamison. 2020. "
            "Tracking Organizations in the World: The Correlates of War IGO Version 3.0 Datasets. "
            "Journal of Peace Research 57(3): 492–503."
        ),
        url="https://correlatesofwar.org/data-sets/igos/",
        licence="free to use with citation",
        bibtex="@Article{pevehouseetal2020tow, author={Jon C. W. Pevehouse and Timothy Nordstrom and Roseanne W. McManus and Anne Spencer Jamison}, title={Tracking Organizations in the World: The Correlates of War IGO Version 3.0 Datasets}, journal={Journal of Peace Research}, year={2020}, volume={57}, number={3}, pages={492--503}}\n"
        + BIB_PS,
    ),
]
