"""Text made safe to print with the one font the reports use.

Typst markup is never a concern here (data reaches templates as JSON, see ``typst_engine``); what is, is text the
font cannot draw. Reports load Sarabun only, so an emoji typed into a LINE complaint, a pictograph or a stray
control character would print as an empty box. ``printable`` leaves such characters out of the printout; the
database and the screens keep the text as typed.
"""

from __future__ import annotations

import struct
import unicodedata
from functools import cache
from pathlib import Path

# Kept although they have no glyph: layout uses them (line breaks, tabs, the joiners Thai input may carry).
_LAYOUT_CHARS = frozenset("\n\t\u200b\u200c\u200d\u2060")


def font_codepoints(path: Path) -> frozenset[int]:
    """Code points mapped by a TrueType/OpenType font's Unicode ``cmap`` (subtable formats 4 and 12)."""
    data = path.read_bytes()
    (num_tables,) = struct.unpack_from(">H", data, 4)
    cmap = None
    for i in range(num_tables):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        if tag == b"cmap":
            cmap = offset
    if cmap is None:
        return frozenset()
    (_version, count) = struct.unpack_from(">HH", data, cmap)
    points: set[int] = set()
    for i in range(count):
        platform, encoding, sub = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        if (platform, encoding) not in ((3, 1), (3, 10), (0, 3), (0, 4)):
            continue
        base = cmap + sub
        (fmt,) = struct.unpack_from(">H", data, base)
        if fmt == 4:
            points |= _format4(data, base)
        elif fmt == 12:
            points |= _format12(data, base)
    return frozenset(points)


def _format4(data: bytes, base: int) -> set[int]:
    (seg_x2,) = struct.unpack_from(">H", data, base + 6)
    segs = seg_x2 // 2
    ends = struct.unpack_from(f">{segs}H", data, base + 14)
    starts = struct.unpack_from(f">{segs}H", data, base + 16 + seg_x2)
    deltas = struct.unpack_from(f">{segs}h", data, base + 16 + 2 * seg_x2)
    range_base = base + 16 + 3 * seg_x2
    offsets = struct.unpack_from(f">{segs}H", data, range_base)
    out: set[int] = set()
    for i, (start, end) in enumerate(zip(starts, ends)):
        for cp in range(start, end + 1):
            if cp == 0xFFFF:
                continue
            if offsets[i] == 0:
                glyph = (cp + deltas[i]) & 0xFFFF
            else:
                at = range_base + 2 * i + offsets[i] + 2 * (cp - start)
                (glyph,) = struct.unpack_from(">H", data, at)
                glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
            if glyph:
                out.add(cp)
    return out


def _format12(data: bytes, base: int) -> set[int]:
    (groups,) = struct.unpack_from(">I", data, base + 12)
    out: set[int] = set()
    for g in range(groups):
        start, end, _glyph = struct.unpack_from(">III", data, base + 16 + 12 * g)
        out.update(range(start, end + 1))
    return out


@cache
def _sarabun() -> frozenset[int]:
    from itatui.reports.typst_engine import sarabun_font_dir

    return font_codepoints(sarabun_font_dir() / "Sarabun-Regular.ttf")


def printable(text: str, covered: frozenset[int] | None = None) -> str:
    """``text`` without the characters the report font cannot draw (``covered`` defaults to Sarabun's map).
    Line ends are normalised to ``\\n``."""
    points = _sarabun() if covered is None else covered
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for ch in text:
        if ch in _LAYOUT_CHARS or (ord(ch) in points and unicodedata.category(ch) != "Cc"):
            out.append(ch)
    return "".join(out)
