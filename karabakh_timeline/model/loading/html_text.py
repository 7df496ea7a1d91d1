"""HTML from another tool's file, made safe and reduced to plain text.

Nothing of the markup survives: scripts, styles and comments are dropped with their contents,
tags are removed, entities are decoded, and paragraphs and line breaks become new lines. The
text is shown as text, never rendered as HTML, so no markup in a file can run or restyle the app.
"""

from __future__ import annotations

import html
import re

_HIDDEN = re.compile(
    r"<!--.*?(?:-->|\Z)|<\s*(script|style|iframe|object|template)\b.*?(?:<\s*/\s*\1\s*>|\Z)",
    re.IGNORECASE | re.DOTALL,
)
_BREAK = re.compile(r"<\s*(?:br\s*/?|/p|/li|/div|/h[1-6]|/blockquote|/tr)\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def plain_text(markup: str) -> str:
    """``markup`` as plain text: one line per paragraph or line break, spaces tidied."""
    text = _HIDDEN.sub("", markup)
    text = _BREAK.sub("\n", text)
    text = html.unescape(_TAG.sub("", text))
    text = _CONTROL.sub(" ", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)
