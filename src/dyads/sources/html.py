"""HTML to main text (trafilatura), also for pages nested deeper than lxml reads.

libxml2, under lxml and trafilatura, stops building the tree 256 elements deep ("Excessive depth
in document"): a page nested deeper lost what lay below (97% of its text) or came out with no
article text at all. Such a page (and only such a page) is read by Python's own HTML tokenizer
into a tree whose elements deeper than :data:`FLAT_DEPTH` are laid side by side at that depth, in
document order: no text is lost, and trafilatura reads the tree as usual.
"""

from __future__ import annotations

import contextlib
import html.parser
import re
from dataclasses import dataclass
from typing import Any

#: Elements below this depth are placed side by side (libxml2 refuses deeper than 256).
FLAT_DEPTH = 200
#: Elements that have no end tag.
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True)
class Page:
    text: str | None
    url: str | None = None
    title: str | None = None
    date: str | None = None
    sitename: str | None = None


def html_text(markup: str) -> Page:
    """The main text and metadata of an HTML page."""
    import trafilatura  # imported lazily: it is slow to import

    source: Any = _flat_tree(markup) if too_deep(markup) else markup
    text = trafilatura.extract(
        source, include_comments=False, include_tables=False, favor_precision=True
    )
    meta = trafilatura.extract_metadata(markup)
    return Page(
        text=text,
        url=getattr(meta, "url", None) if meta else None,
        title=getattr(meta, "title", None) if meta else None,
        date=getattr(meta, "date", None) if meta else None,
        sitename=getattr(meta, "sitename", None) if meta else None,
    )


def too_deep(markup: str) -> bool:
    """Whether libxml2 stops short of the end of ``markup`` for its depth."""
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser()
    try:
        lxml.html.document_fromstring(markup, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return False
    return any("Excessive depth" in e.message for e in parser.error_log)


def _flat_tree(markup: str) -> Any:
    builder = _FlatBuilder()
    builder.feed(markup)
    builder.close()
    return builder.root


class _FlatBuilder(html.parser.HTMLParser):
    """An lxml tree from the tokens of Python's HTML parser; elements deeper than FLAT_DEPTH
    become children of the element at that depth, one after the other. An element whose child
    ended there goes on in a continuation of itself, so text keeps its order."""

    def __init__(self) -> None:
        import lxml.html

        super().__init__(convert_charrefs=True)
        self.root = lxml.html.Element("html")
        self.stack: list[tuple[str, Any]] = [("html", self.root)]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html" and len(self.stack) == 1:
            return
        elem = self._element(tag, attrs)
        if tag not in VOID:
            self.stack.append((tag, elem))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                if len(self.stack) > FLAT_DEPTH:  # the open element goes on after its child
                    top = self.stack[-1][0]
                    self.stack[-1] = (top, self._child(top))
                return

    def handle_data(self, data: str) -> None:
        data = _XML_UNSAFE.sub("", data)
        if not data:
            return
        elem = self.stack[-1][1]
        if len(elem):
            last = elem[-1]
            last.tail = (last.tail or "") + data
        else:
            elem.text = (elem.text or "") + data

    def _element(self, tag: str, attrs: list[tuple[str, str | None]]) -> Any:
        elem = self._child(tag)
        for name, value in attrs:
            with contextlib.suppress(ValueError):  # a name lxml refuses ("a<b"): dropped
                elem.set(name, _XML_UNSAFE.sub("", value or ""))
        return elem

    def _child(self, tag: str) -> Any:
        import lxml.etree

        parent = self.stack[min(len(self.stack), FLAT_DEPTH) - 1][1]
        try:
            return lxml.etree.SubElement(parent, tag)
        except ValueError:  # a tag name lxml refuses
            return lxml.etree.SubElement(parent, "div")
