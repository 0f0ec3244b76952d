"""Signed network of states: layers, structural balance, enemy-of-my-enemy triads, unlikely partnerships.

    >>> from realpolitik.analyses import network as net
    >>> g = net.signed_graph(2020)                 # networkx.Graph, edges with sign/weight/layers/evidence
    >>> net.balance(2020).frame                    # share of balanced triangles, frustration index
    >>> net.balance_series(1950, 2024).frame       # the yearly series
    >>> net.triads("Azerbaijan", 2020).frame       # enemy-of-enemy / friend-of-enemy triads with evidence
    >>> net.partnerships(2020, top=25).frame       # unlikely partnerships with explanations

See docs/network.md for the layers, the combination rule (CombineConfig) and the scoring (Scoring).
"""

from __future__ import annotations

from realpolitik.analyses.network.balance import balance, balance_series, census, frustration
from realpolitik.analyses.network.export import export
from realpolitik.analyses.network.graph import CombineConfig, combine, signed_graph
from realpolitik.analyses.network.layers import LayerParams
from realpolitik.analyses.network.partnerships import Scoring, partnerships
from realpolitik.analyses.network.triads import triads

__all__ = [
    "CombineConfig",
    "LayerParams",
    "Scoring",
    "balance",
    "balance_series",
    "census",
    "combine",
    "export",
    "frustration",
    "partnerships",
    "signed_graph",
    "triads",
]
