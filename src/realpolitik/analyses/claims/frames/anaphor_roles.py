"""An anaphor ranked among importers or exporters takes the state that played that role in the
sentence before: "China supplied 82 % of Pakistan's arms. The country is the fifth-largest
importer" is Pakistan (the recipient), not China (the previous subject).

Mentions resolve "the country", "the kingdom", "it" without knowing what the sentence says of
them; a world ranking names a side of trade, and the sentence before (a bilateral share or rank)
says which of its two states was on that side. Only an anaphor is changed (a state named in the
clause is kept), and only to the other state of that flow.
"""

from __future__ import annotations

from dataclasses import replace

from realpolitik.analyses.claims.frames.base import Context, Frame, View

_ANAPHORS = frozenset({"pronoun", "description"})


def fit_roles(v: View, frames: list[Frame], ctx: Context) -> list[Frame]:
    """Each world share or rank whose state is an anaphor ("it", "the country"), given the state
    of the sentence before that was on the ranking's side of trade."""
    out = []
    for f in frames:
        if f.kind in {"share", "rank"} and f.scope == "global" and f.theme:
            a, b = v.clause(f.span[0])
            anaphor = any(
                m.id == f.theme and m.form in _ANAPHORS and a <= m.start < b for m in v.states
            ) and not any(
                m.id == f.theme and m.form not in _ANAPHORS and a <= m.start < b for m in v.states
            )
            if anaphor:
                f = replace(f, theme=fit_role(f.theme, f.side, ctx))
        out.append(f)
    return out


def fit_role(theme: str, side: str | None, ctx: Context) -> str:
    """The anaphor's state `theme` for a world ranking of `side` ("importers"/"exporters"): the
    other state of the sentence before's bilateral flow when `theme` was on the wrong side of it."""
    last = ctx.last
    if (
        side not in {"importers", "exporters"}
        or last is None
        or ctx.last_age != 1
        or last.scope != "bilateral"
        or last.side not in {"import", "export"}
        or not last.owner
        or not last.theme
    ):
        return theme
    importer, exporter = (
        (last.owner, last.theme) if last.side == "import" else (last.theme, last.owner)
    )
    wanted, other = (importer, exporter) if side == "importers" else (exporter, importer)
    return wanted if theme == other else theme
