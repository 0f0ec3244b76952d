"""Read an article (plain text, Markdown, HTML, stdin) into plain text plus its date and where the date came from."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from realpolitik.errors import DataMissing, UserError

_DATE_LINE = re.compile(
    r"^\s*(?:[*_#>-]\s*)*date\s*[:=]?\s*\**\s*(\d{4}-\d{2}-\d{2})\b.*$", re.I | re.M
)
_META_DATE = re.compile(
    r"""<meta[^>]+(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|og:published_time|datePublished|pubdate|date)["'][^>]*>""",
    re.I,
)
_CONTENT = re.compile(r"""content\s*=\s*["']([^"']+)["']""", re.I)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
_MON_ALT = "|".join(list(_MONTHS) + [m[:3] for m in _MONTHS] + ["sept"])
# "BAKU, 12 March 2024 —", "TEL AVIV (Reuters), March 12, 2024 –", "Jerusalem, 2024-03-12:"
_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Za-z .'’-]{{1,40}}(?:\([^)]{{0,30}}\))?,?\s+"
    rf"(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MON_ALT})\.?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MON_ALT})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))\s*[-–—:(]",
    re.I | re.M,
)


@dataclass
class Document:
    """An article as plain text with its date, the date's origin and the input format."""

    text: str
    date: date
    date_source: str  # "--date" | "date line" | "html meta" | "dateline" | "today"
    format: str  # "text" | "markdown" | "html"
    source: str = "<text>"
    title: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "format": self.format,
            "title": self.title,
            "date": self.date.isoformat(),
            "date_source": self.date_source,
            "chars": len(self.text),
            "words": len(self.text.split()),
            "text": self.text,
        }


def parse_date(text: str) -> date:
    """'YYYY-MM-DD' as a date; a UserError (exit 2) otherwise."""
    m = _ISO.fullmatch(text.strip())
    try:
        if not m:
            raise ValueError(text)
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise UserError(f"bad date {text!r}: use YYYY-MM-DD") from None


def _safe_date(y: str, m: int | str, d: str) -> date | None:
    try:
        month = (
            m
            if isinstance(m, int)
            else _MONTHS.get(m.lower().rstrip("."), 0)
            or next((i for k, i in _MONTHS.items() if k.startswith(m.lower()[:3])), 0)
        )
        return date(int(y), int(month), int(d))
    except (ValueError, TypeError):
        return None


def detect_format(raw: str, name: str = "") -> str:
    """'html', 'markdown' or 'text' from the file name, else from the content."""
    low = name.lower()
    if low.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if low.endswith((".md", ".markdown")):
        return "markdown"
    head = raw[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")) or re.search(
        r"<(?:p|div|article|body|h1)\b[^>]*>", head
    ):
        return "html"
    if re.search(r"^(?:#{1,6} |\* |- |> )|\*\*[^*]+\*\*|\[[^\]]+\]\([^)]+\)", raw[:5000], re.M):
        return "markdown"
    return "text"


def strip_markdown(raw: str) -> str:
    """Markdown to plain text: headings, emphasis, links, images, code fences and HTML tags dropped."""
    text = re.sub(r"```.*?```", "", raw, flags=re.S)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", text, flags=re.M)
    text = re.sub(r"^\s{0,3}>\s?", "", text, flags=re.M)
    text = re.sub(r"^\s{0,3}[*+-]\s+", "", text, flags=re.M)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)([^*]{1,800}?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"(?<![\w_])_([^_\n]+)_(?![\w_])", r"\1", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = re.sub(r"<[^>\n]+>", "", text)
    return text


def html_to_text(raw: str) -> tuple[str, str]:
    """Main text of an HTML page (boilerplate dropped by trafilatura) and its title."""
    import trafilatura

    text = (
        trafilatura.extract(raw, include_comments=False, include_tables=False, favor_precision=True)
        or ""
    )
    title = ""
    m = re.search(r"<title[^>]*>(.*?)</title>", raw, re.I | re.S)
    if m:
        import html as _html

        title = _html.unescape(re.sub(r"\s+", " ", m.group(1))).strip()
    if not text:
        import html as _html

        body = re.sub(
            r"<(script|style|nav|header|footer|aside)\b.*?</\1>", " ", raw, flags=re.I | re.S
        )
        body = re.sub(r"</(p|div|h\d|li|br)>|<br\s*/?>", "\n\n", body, flags=re.I)
        text = _html.unescape(re.sub(r"<[^>]+>", "", body))
        text = re.sub(r"\n\s*\n+", "\n\n", text).strip()
    return text, title


def find_date(raw: str, fmt: str, text: str) -> tuple[date | None, str]:
    """The article date from the document itself: a `date YYYY-MM-DD` line, HTML meta, or a dateline."""
    m = _DATE_LINE.search(raw)
    if m:
        y, mo, dd = m.group(1).split("-")
        d = _safe_date(y, int(mo), dd)
        if d:
            return d, "date line"
    if fmt == "html":
        for meta in _META_DATE.finditer(raw):
            c = _CONTENT.search(meta.group(0))
            iso = _ISO.search(c.group(1)) if c else None
            if iso:
                d = _safe_date(iso.group(1), int(iso.group(2)), iso.group(3))
                if d:
                    return d, "html meta"
    for source in (text[:600],):
        m2 = _DATELINE.search(source)
        if m2:
            if m2.group("iso"):
                y, mo, dd = m2.group("iso").split("-")
                d = _safe_date(y, int(mo), dd)
            elif m2.group("y1"):
                d = _safe_date(m2.group("y1"), m2.group("m1"), m2.group("d1"))
            else:
                d = _safe_date(m2.group("y2"), m2.group("m2"), m2.group("d2"))
            if d:
                return d, "dateline"
    return None, "today"


def _drop_date_line(text: str) -> str:
    """Remove a leading `date YYYY-MM-DD` metadata line so it is not read as prose."""
    return _DATE_LINE.sub("", text, count=1).lstrip("\n")


def read_text(
    raw: str, date_arg: str | date | None = None, name: str = "<text>", today: date | None = None
) -> Document:
    """Turn raw article content into a Document (format detected, date resolved and labelled)."""
    if "\x00" in raw:
        raw = raw.replace("\x00", " ")
    fmt = detect_format(raw, name)
    title = ""
    if fmt == "html":
        text, title = html_to_text(raw)
    elif fmt == "markdown":
        text = strip_markdown(raw)
    else:
        text = raw
    if date_arg:
        d, src = (date_arg if isinstance(date_arg, date) else parse_date(date_arg)), "--date"
    else:
        d, src = find_date(raw, fmt, text)
        if d is None:
            d, src = today or date.today(), "today"
    if src == "date line" or _DATE_LINE.search(text[:400]):
        text = _drop_date_line(text)
    if not title and fmt == "markdown":
        m = re.search(r"^\s{0,3}#\s+(.+)$", raw, re.M)
        title = m.group(1).strip() if m else ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(text=text, date=d, date_source=src, format=fmt, source=name, title=title)


def read_path(path: str, date_arg: str | None = None) -> Document:
    """Read FILE (or '-' for stdin) into a Document; missing or unreadable files are user errors."""
    if path == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        p = Path(path)
        if not p.is_file():
            raise DataMissing(f"no such file: {path}")
        try:
            data = p.read_bytes()
        except OSError as e:
            raise DataMissing(f"cannot read {path}: {e.strerror}") from None
        name = str(p)
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError:
        raw = data.decode("latin-1")
    return read_text(raw, date_arg, name)
