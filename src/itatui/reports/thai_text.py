"""Text made safe to print with the one font the reports use.

Typst markup is never a concern here (data reaches templates as JSON, see ``typst_engine``); what is, is text the
font cannot draw. Reports load one font only, so an emoji typed into a LINE complaint, a pictograph or a stray
control character would print as an empty box. ``printable`` leaves such characters out of the printout; the
database and the screens keep the text as typed.
"""

from __future__ import annotations

import unicodedata

from itatui.reports.fonts import font_codepoints, report_font

# Kept although they have no glyph: layout uses them (line breaks, tabs, the joiners Thai input may carry).
_LAYOUT_CHARS = frozenset("\n\t\u200b\u200c\u200d\u2060")


def printable(text: str, covered: frozenset[int] | None = None) -> str:
    """``text`` without the characters the report font cannot draw (``covered`` defaults to that font's map).
    Line ends are normalised to ``\\n``."""
    points = font_codepoints(report_font().regular) if covered is None else covered
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for ch in text:
        if ch in _LAYOUT_CHARS or (ord(ch) in points and unicodedata.category(ch) != "Cc"):
            out.append(ch)
    return "".join(out)
