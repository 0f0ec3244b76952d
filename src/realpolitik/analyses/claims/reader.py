"""Read an article (plain text, Markdown, HTML, stdin) into plain text plus its date and where the date came from."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from realpolitik.errors import DataMissing, UserError

# Every pattern here is bounded ([ \t] not \s across lines, {0,n} not *), so reading stays linear in
# the input size whatever the input (runs of blank lines, of "<", of "![" …).
MAX_CHARS = (
    2_000_000  # the largest input check() reads (characters after decoding); see docs/claims.md
)
DATE_LINE_WITHIN = 4000  # a "date YYYY-MM-DD" line counts only near the top of the document
_DATE_LINE = re.compile(
    r"^[ \t]*(?:[*_#>-][ \t]*){0,6}date[ \t]*[:=]?[ \t]*\**[ \t]*(\d{4}-\d{2}-\d{2})\b[^\n]*$",
    re.I | re.M,
)
_META_DATE = re.compile(
    r"""<meta[^<>]{0,300}?(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|og:published_time|datePublished|pubdate|date)["'][^<>]{0,300}>""",
    re.I,
)
_CONTENT = re.compile(r"""content\s*=\s*["']([^"'<>]{1,100})["']""", re.I)
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
    """'YYYY-MM-DD' as a date, or a bare year 'YYYY' as 1 July of that year (mid-year: after
    SIPRI's March release, so an article of that year is checked on the release it quoted);
    a UserError (exit 2) otherwise."""
    m = _ISO.fullmatch(text.strip())
    try:
        if re.fullmatch(r"\d{4}", text.strip()):
            return date(int(text), 7, 1)
        if not m:
            raise ValueError(text)
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise UserError(f"bad date {text!r}: use YYYY-MM-DD or YYYY") from None


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
        r"<(?:p|div|article|body|h1)\b[^<>]{0,200}>", head
    ):
        return "html"
    if re.search(
        r"^(?:#{1,6} |\* |- |> )|\*\*[^*\n]{1,200}\*\*|\[[^\]\n]{1,200}\]\([^)\n]{1,300}\)",
        raw[:5000],
        re.M,
    ):
        return "markdown"
    return "text"


def strip_markdown(raw: str) -> str:
    """Markdown to plain text: headings, emphasis, links, images, code fences and HTML tags dropped."""
    text = re.sub(
        r"^[ \t]{0,3}```[^\n]{0,100}\n(?:(?!```)[^\n]*\n){0,2000}?[ \t]{0,3}```[^\n]{0,100}$",
        "",
        raw,
        flags=re.M,
    )
    text = re.sub(r"!\[[^\]\n]{0,500}\]\([^)\n]{0,1000}\)", "", text)
    text = re.sub(r"\[([^\]\n]{1,500})\]\([^)\n]{0,1000}\)", r"\1", text)
    text = re.sub(r"^[ \t]{0,3}#{1,6}[ \t]*", "", text, flags=re.M)
    text = re.sub(r"^[ \t]{0,3}>[ \t]?", "", text, flags=re.M)
    text = re.sub(r"^[ \t]{0,3}[*+-][ \t]+", "", text, flags=re.M)
    text = re.sub(r"(\*\*|__)([^\n]{1,500}?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)([^*\n]{1,500}?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"(?<![\w_])_([^_\n]{1,500})_(?![\w_])", r"\1", text)
    text = re.sub(r"`([^`\n]{0,500})`", r"\1", text)
    text = re.sub(r"<[^<>\n]{1,500}>", "", text)
    return text


def html_to_text(raw: str) -> tuple[str, str]:
    """Main text of an HTML page (boilerplate dropped by trafilatura) and its title."""
    import trafilatura

    text = (
        trafilatura.extract(raw, include_comments=False, include_tables=False, favor_precision=True)
        or ""
    )
    title = ""
    m = re.search(r"<title[^<>]{0,200}>([^<]{0,500})</title>", raw[:200_000], re.I)
    if m:
        import html as _html

        title = _html.unescape(re.sub(r"\s+", " ", m.group(1))).strip()
    if not text:
        text = _plain_html(raw)
    return text, title


class _TextParser(HTMLParser):
    """Text of an HTML page without script/style/navigation, blocks as paragraphs (linear scan)."""

    SKIP = frozenset(
        {"script", "style", "nav", "header", "footer", "aside", "noscript", "template"}
    )
    BLOCK = frozenset(
        {
            "p",
            "div",
            "li",
            "br",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "section",
            "article",
            "blockquote",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def _plain_html(raw: str) -> str:
    p = _TextParser()
    p.feed(raw)
    p.close()
    text = "".join(p.parts)
    text = re.sub(r"[ \t]*\n[ \t\n]*\n[ \t\n]*", "\n\n", text)
    return text.strip()


def find_date(raw: str, fmt: str, text: str) -> tuple[date | None, str]:
    """The article date from the document itself: a `date YYYY-MM-DD` line, HTML meta, or a dateline."""
    m = _DATE_LINE.search(raw, 0, DATE_LINE_WITHIN)
    if m:
        y, mo, dd = m.group(1).split("-")
        d = _safe_date(y, int(mo), dd)
        if d:
            return d, "date line"
    if fmt == "html":
        for meta in _META_DATE.finditer(raw, 0, 200_000):
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
    m = _DATE_LINE.search(text, 0, DATE_LINE_WITHIN)
    if not m:
        return text
    return (text[: m.start()] + text[m.end() :]).lstrip("\n")


class InputTooLarge(UserError):
    """An article longer than the checker reads (``MAX_CHARS``, or the caller's own limit)."""


def clean(raw: str) -> str:
    """Text safe to read and to print: lone surrogates and other unencodable code points become
    U+FFFD, NUL becomes a space (one character for one, so spans stay valid)."""
    if "\x00" in raw:
        raw = raw.replace("\x00", " ")
    try:
        raw.encode("utf-8")
    except UnicodeEncodeError:
        raw = "".join(ch if not 0xD800 <= ord(ch) <= 0xDFFF else "\ufffd" for ch in raw)
    return raw


def read_text(
    raw: str,
    date_arg: str | date | None = None,
    name: str = "<text>",
    today: date | None = None,
    max_chars: int | None = MAX_CHARS,
) -> Document:
    """Turn raw article content into a Document (format detected, date resolved and labelled).

    Input longer than `max_chars` (None: no limit) is refused with InputTooLarge (a UserError)."""
    if max_chars is not None and len(raw) > max_chars:
        raise InputTooLarge(
            f"the article has {len(raw):,} characters; the checker reads at most {max_chars:,}"
        )
    raw = clean(raw)
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
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None or getattr(sys.stdin, "closed", False):
            raise DataMissing(
                "no input on stdin (it is closed); pass a file or pipe the article in"
            )
        try:
            data = stream.read(MAX_CHARS * 4 + 1)
        except (OSError, ValueError) as e:
            raise DataMissing(f"cannot read stdin: {e}") from None
        if len(data) > MAX_CHARS * 4:
            raise InputTooLarge(
                f"stdin holds more than {MAX_CHARS * 4:,} bytes; the checker reads at most {MAX_CHARS:,} characters"
            )
        name = "<stdin>"
    else:
        p = Path(path)
        if not p.is_file():
            raise DataMissing(f"no such file: {path}")
        try:
            if p.stat().st_size > MAX_CHARS * 4:
                raise InputTooLarge(
                    f"{path} is {p.stat().st_size:,} bytes; the checker reads at most {MAX_CHARS:,} characters"
                )
            data = p.read_bytes()
        except OSError as e:
            raise DataMissing(f"cannot read {path}: {e.strerror}") from None
        name = str(p)
    return read_text(decode(data), date_arg, name)


def decode(data: bytes) -> str:
    """UTF-8 (invalid bytes → U+FFFD); a file that is mostly not UTF-8 is read as Windows-1252."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    non_ascii = sum(1 for b in data if b > 127)
    if text.count("\ufffd") > max(3, non_ascii // 10):
        return data.decode("cp1252", errors="replace")
    return text
