"""Citations of the datasets a result used, as BibTeX or APA, from the manifests' citation/bibtex fields.

`sources_of_command` runs a CLI command with `--format json` and collects every "sources" list in its
output, so `realpolitik cite --for "arms suppliers Azerbaijan"` cites exactly what that command read.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from realpolitik.errors import UserError

FORMATS = ("bibtex", "apa")


@dataclass(frozen=True)
class Cited:
    """One dataset to cite: its release and how its producers ask to be cited."""

    dataset: str
    title: str
    release: str
    citation: str
    bibtex: str
    url: str
    licence: str
    terms: str = ""  # the producer's terms of use, in one line (snapshot.terms)


def collect_sources(payload: Any) -> list[dict[str, Any]]:
    """Every source dict found under a "sources" key anywhere in a JSON result (order kept, no repeats)."""
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "sources" and isinstance(value, list):
                    found.extend(v for v in value if isinstance(v, dict) and "dataset" in v)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(payload)
    out, seen = [], set()
    for s in found:
        key = (s["dataset"], s.get("release", ""))
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def _with_json(args: list[str]) -> list[str]:
    """The command's arguments with its output format forced to JSON."""
    out, skip = [], False
    for i, a in enumerate(args):
        if skip:
            skip = False
            continue
        if a in ("--format", "-f"):
            skip = i + 1 < len(args)
            continue
        if a.startswith("--format="):
            continue
        out.append(a)
    return [*out, "--format", "json"]


def sources_of_command(command: str, timeout: float = 600) -> list[dict[str, Any]]:
    """Run `realpolitik COMMAND --format json` and return the sources its result lists."""
    try:
        args = shlex.split(command)
    except ValueError as e:  # an unclosed quote: the user's typing, not a bug
        raise UserError(f"--for {command!r} cannot be read as a command: {e}") from None
    if args and args[0] == "realpolitik":
        args = args[1:]
    if not args:
        raise UserError(
            '--for needs a command, e.g. --for "arms suppliers Azerbaijan --from 2016 --to 2020"'
        )
    if args[0] == "cite":
        raise UserError("--for cannot cite the cite command itself")
    proc = subprocess.run(
        [sys.executable, "-m", "realpolitik.cli.main", *_with_json(args)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if proc.returncode != 0:
        msg = (proc.stderr.strip().splitlines() or ["(no message)"])[-1]
        msg = msg.removeprefix("realpolitik: error: ")  # one prefix on the line, not two
        raise UserError(f"`realpolitik {' '.join(args)}` failed: {msg}")
    try:
        payload = json.loads(proc.stdout)
    except ValueError as e:
        raise UserError(
            f"`realpolitik {' '.join(args)}` did not print JSON with --format json"
        ) from e
    sources = collect_sources(payload)
    if not sources:
        raise UserError(f"`realpolitik {' '.join(args)}` lists no sources to cite")
    return sources


def cited(sources: list[dict[str, Any]] | None = None, snapshot: Path | None = None) -> list[Cited]:
    """Citations for the given sources (all datasets of the snapshot when None), completed from manifests."""
    from realpolitik.snapshot.manifest import read_manifests
    from realpolitik.snapshot.paths import active_snapshot
    from realpolitik.snapshot.terms import terms_of

    manifests = read_manifests(snapshot or active_snapshot())
    if sources is None:
        sources = [{"dataset": n, "release": m["release"]} for n, m in sorted(manifests.items())]
    out = []
    for s in sources:
        m = manifests.get(s["dataset"], {})
        out.append(
            Cited(
                dataset=s["dataset"],
                title=m.get("title", s["dataset"]),
                release=s.get("release") or m.get("release", ""),
                citation=s.get("citation") or m.get("citation", ""),
                bibtex=m.get("bibtex", ""),
                url=s.get("url") or m.get("url", ""),
                licence=s.get("licence") or m.get("licence", ""),
                terms=t.short if (t := terms_of(s["dataset"])) else m.get("licence", ""),
            )
        )
    return out


# --- BibTeX ----------------------------------------------------------------------------------------

_ENTRY = re.compile(r"@(\w+)\s*\{\s*([^,\s]+)\s*,", re.S)


def split_entries(bibtex: str) -> list[str]:
    """The separate @type{key, …} entries of a BibTeX string."""
    starts = [m.start() for m in re.finditer(r"@\w+\s*\{", bibtex)]
    ends = [*starts[1:], len(bibtex)] if starts else []
    return [bibtex[a:b].strip() for a, b in zip(starts, ends, strict=True)]


def fields(entry: str) -> dict[str, str]:
    """The fields of one BibTeX entry (balanced braces or quotes), lower-cased names, outer braces off."""
    m = _ENTRY.match(entry)
    out: dict[str, str] = {"ENTRYTYPE": m.group(1).lower(), "ID": m.group(2)} if m else {}
    body = entry[m.end() :] if m else entry
    i = 0
    while True:
        fm = re.compile(r"\s*,?\s*(\w+)\s*=\s*").match(body, i)
        if not fm:
            break
        name, j = fm.group(1).lower(), fm.end()
        if j < len(body) and body[j] == "{":
            depth, k = 0, j
            while k < len(body):
                depth += {"{": 1, "}": -1}.get(body[k], 0)
                if depth == 0:
                    break
                k += 1
            value, i = body[j + 1 : k], k + 1
        elif j < len(body) and body[j] == '"':
            k = body.index('"', j + 1)
            value, i = body[j + 1 : k], k + 1
        else:
            vm = re.compile(r"[^,}\s]+").match(body, j)
            if not vm:
                break
            value, i = vm.group(0), vm.end()
        out[name] = value.strip()
    return out


def _release_field(entry: str, release: str, dataset: str) -> str:
    """Add the data release to an entry (as note, or addendum when a note exists)."""
    field = "addendum" if "note" in fields(entry) else "note"
    text = f"Data: {dataset}, release {release}"
    body = entry.rstrip()
    if not body.endswith("}"):
        return entry
    return body[:-1].rstrip().rstrip(",") + f",\n  {field} = {{{text}}}\n}}"


def _escape(text: str) -> str:
    return re.sub(r"([&%#_])", r"\\\1", text)


def to_bibtex(items: list[Cited]) -> str:
    """One BibTeX block: each dataset's own entries, each carrying the release used; repeats merged."""
    out, seen = [], set()
    for c in items:
        entries = split_entries(c.bibtex)
        if not entries:
            key = re.sub(r"\W+", "_", c.dataset)
            entries = [
                f"@misc{{{key},\n  title = {{{_escape(c.title)}}},\n  howpublished = {{{_escape(c.citation)}}}"
                + (f",\n  url = {{{c.url}}}" if c.url else "")
                + "\n}"
            ]
        block = [f"% {c.dataset}: release {c.release}"]
        if c.terms:
            block.append(f"% terms: {c.terms} (see DATA_LICENSES.md)")
        for e in entries:
            key = fields(e).get("ID", e)
            if (key, c.release) in seen:
                continue
            seen.add((key, c.release))
            block.append(_release_field(e, c.release, c.dataset))
        if len(block) > 1 + bool(c.terms):
            out.append("\n".join(block))
    return "\n\n".join(out) + "\n"


# --- APA -------------------------------------------------------------------------------------------


def _initials(given: str) -> str:
    """'Lars-Erik' -> 'L.-E.', 'Brett Ashley' -> 'B. A.'."""
    words = [w for w in re.split(r"[\s.]+", given) if w and w[0].isalpha()]
    return " ".join("-".join(h[0] + "." for h in w.split("-") if h) for w in words)


def apa_authors(author: str) -> str:
    """BibTeX 'A B and C D' (or '{Org}') as APA 'B, A., & D, C.'."""
    names = [n.strip() for n in re.split(r"\s+and\s+", author) if n.strip()]
    if not names:
        return ""
    out = []
    for n in names:
        if n.startswith("{") and n.endswith("}"):
            out.append(n.strip("{}"))
        elif n.lower() == "others":
            out.append("et al.")
        elif "," in n:
            last, given = (x.strip() for x in n.split(",", 1))
            out.append(f"{last}, {_initials(given)}")
        else:
            parts = n.split()
            out.append(f"{parts[-1]}, {_initials(' '.join(parts[:-1]))}" if len(parts) > 1 else n)
    out = [o.strip("{}") for o in out]
    if out[-1] == "et al.":
        return ", ".join(out[:-1]) + ", et al."
    if len(out) == 1:
        return out[0]
    return ", ".join(out[:-1]) + ", & " + out[-1]


def _latex_plain(text: str) -> str:
    text = re.sub(r"\\url\{([^}]*)\}", r"\1", text)
    text = text.replace("--", "–").replace('{\\"u}', "ü").replace('{\\"o}', "ö").replace("\\&", "&")
    return re.sub(r"[{}]", "", text)


def apa_entry(f: dict[str, str]) -> str:
    """One bibliography entry in APA 7 style from BibTeX fields."""
    author = apa_authors(_latex_plain_keep_braces(f.get("author", "")))
    year = f.get("year", "n.d.")
    title = _latex_plain(f.get("title", ""))
    kind = f.get("ENTRYTYPE", "misc")
    if author and not author.endswith("."):
        author += "."
    parts = [f"{author} ({year}). " if author else f"{title} ({year}). "]
    if author:
        parts.append(f"{title}. ")
    if kind == "article" and f.get("journal"):
        vol = f.get("volume", "")
        num = f"({f['number']})" if f.get("number") else ""
        pages = _latex_plain(f.get("pages", ""))
        tail = ", ".join(
            x for x in (f"{_latex_plain(f['journal'])}", f"{vol}{num}" if vol else "", pages) if x
        )
        parts.append(tail + ". ")
    elif f.get("publisher") or f.get("institution"):
        parts.append(_latex_plain(f.get("publisher") or f.get("institution", "")) + ". ")
    url = _latex_plain(f.get("url") or f.get("howpublished", ""))
    if url.startswith("http"):
        parts.append(url)
    return "".join(parts).strip()


def _latex_plain_keep_braces(text: str) -> str:
    """Accents to Unicode, but organisation braces kept (they mark a corporate author)."""
    return text.replace('{\\"u}', "ü").replace('{\\"o}', "ö")


def to_apa(items: list[Cited]) -> str:
    """APA references: the producers' publications plus one data-set line per dataset with its release."""
    out, seen = [], set()
    for c in items:
        refs = []
        for e in split_entries(c.bibtex):
            f = fields(e)
            if f.get("ID") in seen:
                continue
            seen.add(f.get("ID"))
            refs.append(apa_entry(f))
        dataset_line = f"{c.title} [Data set; release: {c.release}]." + (
            f" {c.url}" if c.url else ""
        )
        terms = [f"  Terms of use: {c.terms}."] if c.terms else []
        out.append(
            "\n".join(
                [dataset_line, *(f"  {r}" for r in refs), *terms]
                if refs
                else [dataset_line, f"  {c.citation}", *terms]
            )
        )
    return "\n".join(out) + "\n"


def render(items: list[Cited], fmt: str = "apa") -> str:
    """Citations in one of FORMATS."""
    if fmt not in FORMATS:
        raise UserError(f"unknown citation format {fmt!r}; use {' or '.join(FORMATS)}")
    return to_bibtex(items) if fmt == "bibtex" else to_apa(items)
