"""`realpolitik cite`: BibTeX/APA from the manifests, with release dates, for what a command used."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from realpolitik.errors import UserError
from realpolitik.snapshot.cite import (
    apa_authors,
    cited,
    collect_sources,
    fields,
    render,
    sources_of_command,
    split_entries,
)

# The datasets a brief on Israel–Azerbaijan draws on (issue 10: SIPRI, COW/ATOP, the Factbook,
# OWID/Energy Institute and Bailey–Strezhnev–Voeten, each with its release date).
BRIEF_DATASETS = ["sipri", "atop", "cow_contdir", "factbook", "owid_energy", "unga_idealpoints"]


def run(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("REALPOLITIK_HOME",)}
    env["REALPOLITIK_HOME"] = "/nonexistent-realpolitik-home"  # never an installed release
    return subprocess.run(
        [sys.executable, "-m", "realpolitik.cli.main", *args],
        capture_output=True,
        text=True,
        env=env,
    )


def test_apa_for_the_brief_datasets_lists_producers_and_release_dates() -> None:
    text = render(cited([{"dataset": d} for d in BRIEF_DATASETS]), "apa")
    for expected in (
        "SIPRI Arms Transfers Database",
        "release: 2025 (per-delivery export generated 2026-02-12); 2022 (TIV tables generated 2022-07-28)",
        "Leeds, B. A., Ritter, J. M., Mitchell, S. M., & Long, A. G. (2002)",  # ATOP
        "Correlates of War Project Direct Contiguity",  # COW
        "The World Factbook",
        "2026-05-17",  # factbook.json final edition
        "Energy Institute",
        "2025-02-09",  # OWID download date
        "Bailey, M. A., Strezhnev, A., & Voeten, E. (2017)",
        "release: July 2025",
    ):
        assert expected in text, expected


def test_bibtex_entries_carry_the_release_and_parse_back() -> None:
    text = render(cited([{"dataset": d} for d in BRIEF_DATASETS]), "bibtex")
    entries = split_entries(text)
    keys = [fields(e)["ID"] for e in entries]
    assert {
        "sipri_at_db",
        "leedsetal2002atop",
        "cia_factbook",
        "owid_energy",
        "baileyetal2017edsp",
    } <= set(keys)
    assert len(keys) == len(set(keys))
    unga = fields(entries[keys.index("baileyetal2017edsp")])
    assert unga["note"] == "Data: unga_idealpoints, release July 2025"
    assert unga["journal"] == "Journal of Conflict Resolution"
    owid = fields(entries[keys.index("owid_energy")])
    assert (
        "2025-02-09" in owid["addendum"]
    )  # OWID's entry has its own note, so the release goes to addendum


def test_collect_sources_walks_nested_results_without_repeats() -> None:
    s1 = {"dataset": "sipri", "release": "2025", "citation": "c"}
    s2 = {"dataset": "atop", "release": "5", "citation": "d"}
    payload = {"sections": [{"sources": [s1]}, {"inner": {"sources": [s2, s1]}}], "sources": [s1]}
    assert collect_sources(payload) == [s1, s2]


@given(
    st.dictionaries(
        st.sampled_from(["author", "title", "journal", "year", "volume", "pages", "note"]),
        st.text(
            alphabet=st.characters(blacklist_characters='{}\\"', blacklist_categories=("Cs",)),
            min_size=1,
        )
        .map(str.strip)
        .filter(bool),
        min_size=1,
    )
)
def test_bibtex_fields_roundtrip(values: dict[str, str]) -> None:
    entry = "@article{key1,\n" + ",\n".join(f"  {k} = {{{v}}}" for k, v in values.items()) + "\n}"
    got = fields(entry)
    assert got.pop("ID") == "key1" and got.pop("ENTRYTYPE") == "article"
    assert got == values


def test_apa_authors() -> None:
    assert apa_authors("{Stockholm International Peace Research Institute}") == (
        "Stockholm International Peace Research Institute"
    )
    assert (
        apa_authors("Lars-Erik Cederman and Kristian Skrede Gleditsch")
        == "Cederman, L.-E., & Gleditsch, K. S."
    )
    assert apa_authors("Leetaru, Kalev and Schrodt, Philip A.") == "Leetaru, K., & Schrodt, P. A."
    assert apa_authors("Boschee, Elizabeth and others") == "Boschee, E., et al."


def test_cite_for_a_command_cites_what_it_used() -> None:
    sources = sources_of_command("arms suppliers Azerbaijan --from 2016 --to 2020 --format md")
    assert [s["dataset"] for s in sources] == ["sipri"]
    text = render(cited(sources), "bibtex")
    assert "@misc{sipri_at_db" in text and "release 2025 (per-delivery export" in text
    assert "leedsetal2002atop" not in text  # only what the command read


def test_cite_for_the_brief() -> None:
    r = run("cite", "--for", "brief Israel Azerbaijan", "--format", "apa")
    assert r.returncode == 0, r.stderr
    for expected in (
        "SIPRI Arms Transfers Database",
        "2026-02-12",
        "Leeds, B. A.",  # ATOP
        "COW Direct Contiguity 3.2",
        "World Factbook",
        "2026-05-17",
        "Energy Institute",
        "2025-02-09",
        "Bailey, M. A., Strezhnev, A., & Voeten, E. (2017)",
        "release: July 2025",
    ):
        assert expected in r.stdout, expected


def test_cite_bad_input_is_one_line() -> None:
    r = run("cite", "--format", "mla")
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "bibtex or apa" in r.stderr
    with pytest.raises(UserError, match="unknown country 'Atlantis'"):
        sources_of_command("arms suppliers Atlantis")
    with pytest.raises(UserError, match="needs a command"):
        sources_of_command("  ")
