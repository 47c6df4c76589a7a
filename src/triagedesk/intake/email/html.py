"""HTML handling for inbound mail: sanitising (nh3) and HTML -> plain text.

Pure functions, stdlib + nh3 only, no Django.  The plain-text conversion is
deliberately simple (html.parser, no bs4): agents read the result, and the
quote splitter runs on it, so we keep paragraphs, list items, link targets and
turn <blockquote> into "> " lines (Gmail/Outlook HTML replies only mark their
history that way).
"""

from __future__ import annotations

import html as _stdlib_html
import re
from html.parser import HTMLParser

import nh3

__all__ = ["sanitize_html", "html_to_text", "text_to_html"]

# Formatting a support agent needs to read a mail; everything else is dropped
# (tag stripped, text kept).  No forms, iframes, objects, media.
_TAGS = {
    "a", "abbr", "b", "big", "blockquote", "br", "caption", "center", "cite",
    "code", "col", "colgroup", "dd", "del", "div", "dl", "dt", "em", "font",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li",
    "mark", "ol", "p", "pre", "q", "s", "small", "span", "strike", "strong",
    "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt",
    "u", "ul",
}
_CELL = {"colspan", "rowspan", "align", "valign", "width", "height", "bgcolor"}
_ATTRIBUTES = {
    "*": {"style", "dir", "lang", "title"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height"},
    "font": {"color", "face", "size"},
    "table": {"width", "border", "cellpadding", "cellspacing", "align", "bgcolor"},
    "td": _CELL,
    "th": _CELL,
    "tr": {"align", "valign", "bgcolor"},
    "ol": {"start", "type"},
    "blockquote": {"type", "cite"},
}
# style survives only with harmless presentational properties: no position,
# no url(), no display tricks that could overlay the agent UI.
_STYLE_PROPS = {
    "color", "background-color", "font-weight", "font-style", "font-size",
    "font-family", "text-decoration", "text-align", "vertical-align",
    "margin-left", "padding-left", "border-left", "white-space",
}
# cid: stays so the app can rewrite inline images to attachment URLs.
_SCHEMES = {"http", "https", "mailto", "tel", "cid"}

_CLEANER = nh3.Cleaner(
    tags=_TAGS,
    clean_content_tags={"script", "style", "title", "head", "template", "xml"},
    attributes=_ATTRIBUTES,
    url_schemes=_SCHEMES,
    filter_style_properties=_STYLE_PROPS,
    link_rel="noopener noreferrer",
    strip_comments=True,
)


def sanitize_html(html: str) -> str:
    """Return safe HTML: no script/style, no on* handlers, no javascript: URLs."""
    if not html:
        return ""
    return _CLEANER.clean(html)


def text_to_html(text: str) -> str:
    """Escape plain text for inclusion next to HTML body parts."""
    return "<div>" + _stdlib_html.escape(text).replace("\n", "<br>\n") + "</div>"


# --------------------------------------------------------------------------
# HTML -> text
# --------------------------------------------------------------------------

_SKIP = {"script", "style", "head", "title", "template", "xml"}
_BLOCK = {
    "address", "article", "aside", "center", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "header", "li", "main",
    "nav", "ol", "section", "summary", "tbody", "thead", "tfoot", "tr", "ul",
}
_PARAGRAPH = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "hr", "table"}
_FILE_NAME = re.compile(r"^[\w.-]+\.(?:png|jpe?g|gif|bmp|webp)$", re.I)
_WS = re.compile(r"[ \t\r\n\f\u200b]+")
_MANY_BLANK = re.compile(r"\n{3,}")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._line: list[str] = []
        self._line_depth = 0  # blockquote depth when the current line started
        self._skip = 0
        self._pre = 0
        self._quote = 0
        self._hrefs: list[str] = []
        self._link_text: list[str] = []

    # -- output helpers -----------------------------------------------------
    def _emit(self, text: str) -> None:
        if not text:
            return
        if not self._line:
            self._line_depth = self._quote
        self._line.append(text)
        if self._hrefs:
            self._link_text.append(text)

    def _flush(self, force_blank: bool = False) -> None:
        """End the current line; an empty line is only kept when asked (<br><br>)."""
        line = "".join(self._line)
        line = line.rstrip() if self._pre else line.strip(" ")
        self._line = []
        if line:
            self.lines.append(">" * self._line_depth + " " + line if self._line_depth else line)
        elif force_blank:  # inside a quote the blank line stays quoted
            self.lines.append(">" * self._quote)
        self._line_depth = self._quote

    def _paragraph(self) -> None:
        self._flush()
        if not self.lines:
            return
        if self.lines[-1].strip(">"):
            # blank separator; inside a quote it stays part of the quote
            self.lines.append(">" * self._quote)
        elif len(self.lines[-1]) > self._quote:  # leaving a quote level
            self.lines[-1] = ">" * self._quote

    # -- parser callbacks ---------------------------------------------------
    def handle_starttag(self, tag, attrs):
        if tag == "body":  # an unclosed <title>/<head> must not swallow the mail
            self._skip = 0
        if tag in _SKIP:
            self._skip += 1
            return
        if self._skip:
            return
        if tag == "br":
            self._flush(force_blank=not self._line)
        elif tag in _PARAGRAPH:
            self._paragraph()
            if tag == "pre":
                self._pre += 1
            elif tag == "blockquote":
                self._quote += 1
                self._line_depth = self._quote
            elif tag == "hr":
                self._emit("----")
                self._flush()
        elif tag in _BLOCK:
            self._flush()
            if tag == "li":
                self._emit("- ")
        elif tag in ("td", "th"):
            if self._line:
                self._emit(" ")
        elif tag == "a":
            self._hrefs.append((dict(attrs).get("href") or "").strip())
            self._link_text = []
        elif tag == "img":
            alt = (dict(attrs).get("alt") or "").strip()
            if alt and not _FILE_NAME.match(alt):  # Eudora puts file names in alt
                self._emit(alt)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "img", "hr"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
            return
        if self._skip:
            return
        if tag == "a" and self._hrefs:
            href = self._hrefs.pop()
            text = _WS.sub(" ", "".join(self._link_text)).strip()
            self._link_text = []
            self._emit_link_target(href, text)
        elif tag in _PARAGRAPH:
            self._flush()
            if tag == "pre":
                self._pre = max(0, self._pre - 1)
            elif tag == "blockquote":
                self._quote = max(0, self._quote - 1)
            self._paragraph()
            self._line_depth = self._quote
        elif tag in _BLOCK:
            self._flush()

    def _emit_link_target(self, href: str, text: str) -> None:
        low = href.lower()
        if not low.startswith(("http://", "https://", "mailto:")):
            return
        target = href[7:] if low.startswith("mailto:") else href
        if not text:
            self._emit(target)
            return
        # "www.example.com" linking to http://www.example.com adds nothing
        norm = text.rstrip("/").lower()
        if norm in (target.rstrip("/").lower(), href.rstrip("/").lower(),
                    re.sub(r"^https?://", "", target.rstrip("/").lower())):
            return
        self._emit(f" ({target})")

    def handle_data(self, data):
        if self._skip:
            return
        if self._pre:
            for i, part in enumerate(data.replace("\r\n", "\n").split("\n")):
                if i:
                    self._flush(force_blank=True)
                self._emit(part)
            return
        text = _WS.sub(" ", data)
        if not self._line:
            text = text.lstrip(" ")
        self._emit(text)

    def result(self) -> str:
        self._flush()
        text = "\n".join(self.lines).replace("\xa0", " ")
        text = re.sub(r"[ \t]+\n", "\n", text)
        return _MANY_BLANK.sub("\n\n", text).strip("\n")


_TAG_RE = re.compile(r"<[^>]*>")


def html_to_text(html: str) -> str:
    """Readable plain text from (possibly broken) HTML.

    Block elements become line breaks, links become "text (url)", entities
    are decoded, <blockquote> content is prefixed with "> ".
    """
    if not html:
        return ""
    parser = _TextExtractor()
    try:
        parser.feed(html)
        parser.close()
        return parser.result()
    except Exception:  # html.parser can still choke on pathological markup
        text = _stdlib_html.unescape(_TAG_RE.sub(" ", html))
        return _MANY_BLANK.sub("\n\n", re.sub(r"[ \t]+", " ", text)).strip()
