"""Article text out of HTML and Markdown, keeping every character's place in the file.

The HTML reader is the standard library's `html.parser`: it reports where each
piece of text stands in the file, which the usual text extractors (BeautifulSoup,
lxml, trafilatura) do not keep, and CI annotations need those places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

from .textmap import MappedText, SourceMap, TextBuilder

_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "nav",
        "footer",
        "aside",
        "form",
        "iframe",
        "button",
        "select",
        "head",
        "object",
        "canvas",
    }
)
_BLOCK = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "header",
        "main",
        "blockquote",
        "tr",
        "table",
        "td",
        "th",
        "dd",
        "dt",
        "figcaption",
        "figure",
        "hr",
        "pre",
        "title",
    }
)
_VOID = frozenset(
    {
        "br",
        "hr",
        "img",
        "meta",
        "link",
        "input",
        "area",
        "base",
        "col",
        "embed",
        "source",
        "track",
        "wbr",
        "param",
    }
)
_DATE_META = (
    "article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "sailthru.date",
    "og:published_time",
    "publish-date",
)


@dataclass
class Markup:
    """Text of an article with its map, plus what the markup says about it."""

    text: MappedText
    title: str | None = None
    published: str | None = None
    hidden: list[tuple[int, int]] = field(default_factory=list)  # spans that are not article


class _Extractor(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.builder = TextBuilder()
        self.line_starts = SourceMap(source).line_starts
        self.skip_depth = 0
        self.stack: list[str] = []
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.in_title = False
        self.in_h1 = False
        self.in_ld_json = False
        self.published: str | None = None
        self.ld_json: list[str] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _newline(self) -> None:
        if self.builder.size and not self.builder.ends_with("\n"):
            self.builder.add("\n", self._offset(), 0)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (attr.get("property") or attr.get("name") or attr.get("itemprop") or "").lower()
            if key in _DATE_META and attr.get("content") and self.published is None:
                self.published = attr["content"]
        if tag == "time" and attr.get("datetime") and self.published is None:
            self.published = attr["datetime"]
        if tag == "script" and attr.get("type", "").lower() == "application/ld+json":
            self.in_ld_json = True
        if tag == "title":
            self.in_title = True
        if tag == "h1":
            self.in_h1 = True
        if tag in _SKIP and tag != "head":
            self.skip_depth += 1
        if tag in _BLOCK:
            self._newline()
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag == "h1":
            self.in_h1 = False
        if tag == "script":
            self.in_ld_json = False
        if tag in _SKIP and tag != "head" and self.skip_depth:
            self.skip_depth -= 1
        if tag in _BLOCK:
            self._newline()
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def _text(self, text: str, raw_width: int) -> None:
        if self.in_title:
            self.title_parts.append(text)
        if self.in_h1:
            self.h1_parts.append(text)
        if self.in_ld_json:
            self.ld_json.append(text)
        if self.skip_depth:
            return
        start = self._offset()
        if len(text) == raw_width:
            self.builder.copy(text, start)
        else:
            self.builder.add(text, start, raw_width)

    def handle_data(self, data: str) -> None:
        self._text(data, len(data))

    def handle_entityref(self, name: str) -> None:
        self._text(unescape(f"&{name};"), len(name) + 2)

    def handle_charref(self, name: str) -> None:
        self._text(unescape(f"&#{name};"), len(name) + 3)


def from_html(source: SourceMap | MappedText) -> Markup:
    """Readable text of an HTML page, skipping scripts, navigation and footers."""
    parser = _Extractor(source.text)
    parser.feed(source.text)
    parser.close()
    text = parser.builder.build(source)  # type: ignore[arg-type]
    title = _clean(" ".join(parser.title_parts)) or _clean(" ".join(parser.h1_parts)) or None
    published = parser.published or _ld_json_date(parser.ld_json)
    return Markup(text, title, published)


def _ld_json_date(blobs: list[str]) -> str | None:
    for blob in blobs:
        match = re.search(r'"datePublished"\s*:\s*"([^"]+)"', blob)
        if match:
            return match.group(1)
    return None


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(\r?\n|\Z)", re.DOTALL)
_FM_KEY = re.compile(
    r"^(title|date|published|pubdate)\s*:\s*[\"']?(.*?)[\"']?\s*$", re.MULTILINE | re.IGNORECASE
)


def from_markdown(source: SourceMap | MappedText) -> Markup:
    """Markdown is read as text; its front matter gives title and date and is hidden."""
    text = source.text
    mapped = source if isinstance(source, MappedText) else MappedText.identity(source)
    match = _FRONT_MATTER.match(text)
    if not match:
        return Markup(mapped)
    fields = {k.lower(): v for k, v in _FM_KEY.findall(match.group(1))}
    published = fields.get("date") or fields.get("published") or fields.get("pubdate")
    hidden = [match.span()]
    title = next(
        (
            m
            for m in _FM_KEY.finditer(text, match.start(1), match.end(1))
            if m.group(1).lower() == "title" and m.group(2)
        ),
        None,
    )
    if title is not None:
        # The headline is the article's too: its figures are claims, found where it stands.
        hidden = [(match.start(), title.start(2)), (title.end(2), match.end())]
    return Markup(mapped, fields.get("title") or None, published or None, hidden=hidden)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
