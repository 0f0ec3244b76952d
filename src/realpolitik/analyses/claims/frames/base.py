"""The frame record, the context carried across sentences and the sentence view the readers share."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from realpolitik.analyses.claims import numbers as N
from realpolitik.analyses.claims.mentions import Mention

HISTORY = 200  # frames remembered across sentences (bounded: the work per sentence stays constant)


@dataclass
class Frame:
    """One reading of one anchor in the text (see the module docstring)."""

    kind: str  # share | rank | change | length | border | rivalry | deal
    metric: str  # arms | oil | trade | geo | security
    scope: str  # bilateral | global | region | group
    side: (
        str | None
    )  # bilateral: "import" (the owner's imports) | "export"; global: "importers" | "exporters"
    owner: str | None
    theme: str | None
    value: dict[str, Any]
    span: tuple[int, int]
    period: dict[str, Any] | None = None
    rule: str = ""
    negated: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "metric": self.metric,
            "scope": self.scope,
            "side": self.side,
            "owner": self.owner,
            "theme": self.theme,
            "value": self.value,
            "span": list(self.span),
            "period": self.period,
            "negated": self.negated,
            "rule": self.rule,
            **({"extra": self.extra} if self.extra else {}),
        }


@dataclass(frozen=True)
class Topic:
    """The owned total a sentence was about without claiming a share of it ("Pakistan's arms
    imports fell", "arms imports to the Middle East were lower"): what a bare share in the next
    sentence ("About half came from the US") is a share of."""

    state: str | None  # resolver id; None for a region (no claim type covers its suppliers)
    side: str | None  # "import" | "export"
    metric: str | None


@dataclass
class Context:
    """What the reader carries across sentences."""

    today: date
    last: Frame | None = None  # last share/rank frame of the previous sentences
    last_age: int = 99  # sentences since `last` was read (1: the sentence before)
    last_para: int = -1
    last_period: dict[str, Any] | None = None  # last explicit claim period in the article
    para_periods: dict[str, dict[str, Any]] = field(
        default_factory=dict
    )  # metric → last period in this paragraph
    metric: str | None = None  # the metric of the last sentence with one
    metric_age: int = 99  # sentences since then
    metric_para: int = -1  # the paragraph of that sentence
    metric_seen: dict[str, int] = field(default_factory=dict)  # metric → sentences naming it

    def set_metric(self, metric: str, paragraph: int) -> None:
        """Record a sentence that names a metric (arms or oil)."""
        self.metric, self.metric_age, self.metric_para = metric, 0, paragraph
        self.metric_seen[metric] = self.metric_seen.get(metric, 0) + 1

    def carried_metric(self, paragraph: int) -> str | None:
        """The metric a sentence naming none inherits: that of the last two sentences, else of its
        paragraph (up to six sentences back), else the article's only metric once it is named
        three times (an arms story's "its largest clients were …")."""
        if self.metric is None:
            return None
        if self.metric_age <= 2 or (self.metric_para == paragraph and self.metric_age <= 6):
            return self.metric
        if len(self.metric_seen) == 1 and self.metric_seen.get(self.metric, 0) >= 3:
            return self.metric
        return None

    producers_age: int = 99  # sentences since the last one about oil producers (a ranking of them)
    topic: Topic | None = None  # the previous sentence's owned total, if it claimed no share of it
    last_deal: tuple[str, str] | None = None  # (supplier, recipient) of the last transfer named
    last_list: list[str] = field(default_factory=list)  # ids of the last list of states
    # a top-N group named without its members ("SIPRI named the five largest importers."): the
    # rank frame its members take when the next sentence lists them ("They were A, B, …")
    pending_group: Frame | None = None
    pending_age: int = 99  # sentences since it was named
    subject: str | None = None  # the article's most salient state not named in this sentence
    # the first state named by the sentence before, in this paragraph: the owner of a list led by a
    # bare role ("Israel is a major exporter. Main clients: A, B, C")
    prev_subject: str | None = None
    prev_states: list[str] = field(default_factory=list)  # every state the sentence before named (paragraph)
    para_kind: tuple[str, int] | None = None  # ("importers"|"exporters", paragraph) last named
    oil_owner: tuple[str, str, int] | None = (
        None  # (state, side, paragraph) of the crude trade discussed
    )
    pair: tuple[dict[str, Any], dict[str, Any]] | None = None  # this paragraph's "P1 and P2"
    pair_para: int = -1  # the paragraph that named it
    history: deque[Frame] = field(
        default_factory=lambda: deque(maxlen=HISTORY)
    )  # the last frames read

    def paragraph_period(self, metric: str | None) -> dict[str, Any] | None:
        """The period this paragraph set for a metric, else a multi-year period it set for any —
        not for oil, whose data are annual: an arms window does not date an oil figure."""
        own = self.para_periods.get(metric or "")
        if own is not None or metric == "oil":
            return own
        return self.para_periods.get("*")


@dataclass
class View:
    """One sentence with everything the earlier stages found in it (absolute spans)."""

    text: str
    start: int
    end: int
    paragraph: int
    clauses: tuple[tuple[int, int], ...]
    mentions: list[Mention]
    shares: list[N.Share]
    ranks: list[N.Rank]
    changes: list[N.Change]
    lengths: list[N.Length]
    periods: list[N.PeriodSpec]
    memo: dict[Any, Any] = field(
        default_factory=dict, repr=False
    )  # per-sentence results of helpers

    @property
    def states(self) -> list[Mention]:
        if "states" not in self.memo:
            self.memo["states"] = [m for m in self.mentions if m.is_state]
        return self.memo["states"]

    @property
    def regions(self) -> list[Mention]:
        if "regions" not in self.memo:
            self.memo["regions"] = [m for m in self.mentions if m.form == "region"]
        return self.memo["regions"]

    def s(self, a: int, b: int) -> str:
        return self.text[max(a, self.start) : min(b, self.end)]

    def clause(self, pos: int) -> tuple[int, int]:
        for a, b in self.clauses:
            if a <= pos < b:
                return a, b
        return self.start, self.end


def shift(items: list[Any], off: int) -> list[Any]:
    """Quantities found in a sentence string, moved to document offsets."""
    out = []
    for q in items:
        if isinstance(q, N.PeriodSpec):
            out.append(replace(q, span=(q.span[0] + off, q.span[1] + off)))
        else:
            out.append(replace(q, start=q.start + off, end=q.end + off))
    return out
