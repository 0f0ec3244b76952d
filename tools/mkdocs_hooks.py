"""mkdocs hooks: the repository's root documents (DATA_LICENSES.md) become pages of the site.

The topic pages link to them as `../DATA_LICENSES.md`, which is right when reading the repository;
in the site those links point at the included page instead. A root document that does not exist
is not included, so a link to it stays broken and the strict build fails, as it should.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parents[1]
ROOT_PAGES = {"DATA_LICENSES.md": ("Data", "Licences and terms")}  # file -> (nav section, title)
LINK = re.compile(r"\]\(((?:\.\./)+)([A-Za-z_]+\.md)(#[^)]*)?\)")


def _present() -> list[str]:
    return [name for name in ROOT_PAGES if (ROOT / name).is_file()]


def on_config(config: Any) -> Any:
    """List each present root page in its nav section (after the section's own pages)."""
    for name in _present():
        section, title = ROOT_PAGES[name]
        for entry in config["nav"] or []:
            if isinstance(entry, dict) and section in entry:
                entry[section].append({title: name})
    return config


def on_files(files: Files, config: Any) -> Files:
    for name in _present():
        files.append(File.generated(config, name, abs_src_path=str(ROOT / name)))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    depth = page.file.src_uri.count("/")  # how deep the page sits inside docs/

    def inside(m: re.Match[str]) -> str:
        ups, name, anchor = m.group(1), m.group(2), m.group(3) or ""
        if name in ROOT_PAGES and ups.count("../") == depth + 1 and files.get_file_from_path(name):
            return f"]({'../' * depth}{name}{anchor})"
        return m.group(0)

    markdown = LINK.sub(inside, markdown)
    if page.file.src_uri in ROOT_PAGES:  # a root document links into docs/ from the repository root
        markdown = markdown.replace("](docs/", "](")
    return markdown
