"""Plain text from the small HTML fragments feeds carry."""

from __future__ import annotations

import html
import re

_BLOCK = re.compile(r"</?(p|div|br|li|h[1-6]|blockquote|tr)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"[ \t\r\f\v]+")


def html_to_text(fragment: str) -> str:
    text = _BLOCK.sub("\n\n", fragment)
    text = html.unescape(_TAG.sub("", text))
    paragraphs = (_SPACES.sub(" ", p).strip() for p in text.split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)
