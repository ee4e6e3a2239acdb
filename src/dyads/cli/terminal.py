"""Terminal safety: untrusted text is printed with its control characters escaped.

Article text, titles, outlets and file names come from the web. An escape sequence in them
(``ESC ] 0 ; title BEL`` retitles the window, ``ESC [ 2 J`` clears the screen, a carriage return
overwrites the line) must not reach the terminal as it is, so every printing path of the CLI goes
through :func:`printable`: :func:`echo`, and :func:`console`, whose strings are escaped before
layout (``render_str``) and whose rendered segments are escaped again as they are written, which
also covers ``rich.text.Text`` built elsewhere (escaping is idempotent: an escaped text has no
control characters left). JSON output escapes them itself (``print_json``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from rich.console import Console

#: C0 controls but tab and line feed, DEL, C1 controls (8-bit CSI and OSC among them) and lone
#: surrogates (which cannot even be encoded): shown as Python-style escapes, so they stay visible.
_UNSAFE = {
    c: "\\r" if c == 13 else f"\\x{c:02x}" for c in (*range(0, 9), *range(11, 32), *range(127, 160))
} | {c: f"\\u{c:04x}" for c in range(0xD800, 0xE000)}


_UNSAFE_RE = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in _UNSAFE if c < 0xD800) + "\ud800-\udfff]"
)


def printable(text: str) -> str:
    """``text`` with every control character but tab and line feed escaped (``\\x1b``)."""
    return text.translate(_UNSAFE)


def echo(message: str, err: bool = False) -> None:
    """``click.echo`` of a line that may hold untrusted text."""
    click.echo(printable(message), err=err)


def console(**options: Any) -> Console:
    """A rich console that escapes control characters in every string it renders."""
    return _console_class()(**options)


@cache
def _console_class() -> type[Console]:
    from rich.console import Console  # imported on first output
    from rich.segment import Segment

    class SafeConsole(Console):
        def render_str(self, text: str, **kwargs: Any) -> Any:
            return super().render_str(printable(text), **kwargs)

        def render(self, renderable: Any, options: Any = None) -> Iterator[Segment]:
            for seg in super().render(renderable, options):
                if seg.control is None and _UNSAFE_RE.search(seg.text):
                    yield Segment(printable(seg.text), seg.style)  # rich's own codes: control
                else:
                    yield seg

    return SafeConsole
