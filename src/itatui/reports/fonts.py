"""The one font every printout uses, its character map and the size that matches official 16 pt.

By default the packaged Sarabun (``fontpkg-sarabun``); an office that owns the TH Sarabun New files points the app at
their folder with ``ITATUI_FONT_DIR`` and the reports use them instead. Font tables are read with fontTools
(a real parser of every cmap format, rather than hand-unpacked bytes).

Size: official letters are set in TH Sarabun New 16 pt, a font drawn small for its point size. Sarabun, its
Google Fonts redraw, draws the same letters about a third larger, so 16 pt Sarabun prints visibly bigger than
what offices expect. ``body_size_pt`` scales the official 16 pt by the height of the Thai letter ก in the font
used against that of TH Sarabun New, so a page has the same visual size, and line count, with either font.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont

from itatui.reports.errors import ReportError

FONT_DIR_ENV = "ITATUI_FONT_DIR"
PACKAGED_FAMILY = "Sarabun"
OFFICIAL_SIZE_PT = 16.0
# Height of ก as a fraction of the em in TH Sarabun New: 12 pt Sarabun (ก = 0.586 em) prints at the size of
# 16 pt TH Sarabun New, hence 0.586 × 12 / 16.
REFERENCE_KO_KAI_EM = 0.44


@dataclass(frozen=True)
class ReportFont:
    family: str  # the family name Typst and Word know the font by
    folder: Path
    regular: Path  # the upright regular file (character map, metrics)
    ko_kai_em: float  # height of ก / em

    @property
    def body_size_pt(self) -> float:
        """The size that prints like TH Sarabun New 16 pt, to a tenth of a point."""
        return round(OFFICIAL_SIZE_PT * REFERENCE_KO_KAI_EM / self.ko_kai_em, 1)

    def scaled(self, official_pt: float) -> float:
        """Any official size (a 20 pt title, 14 pt table text) in this font."""
        return round(official_pt * REFERENCE_KO_KAI_EM / self.ko_kai_em, 1)


def packaged_font_dir() -> Path:
    """The folder holding the Sarabun .ttf files of ``fontpkg-sarabun`` (through fontpkg's registry, falling back
    to the package folder when the entry point is not registered, e.g. in an unusual install)."""
    try:
        import fontpkg

        folder = fontpkg.path(PACKAGED_FAMILY, weight=400).parent
    except Exception:  # noqa: BLE001 - any registry problem: try the package folder itself
        try:
            import fontpkg_sarabun

            folder = Path(fontpkg_sarabun.ROOT) / "files"
        except ImportError:
            raise ReportError("report.err.font_missing", family=PACKAGED_FAMILY) from None
    if not any(folder.glob("*.ttf")):
        raise ReportError("report.err.font_missing", family=PACKAGED_FAMILY)
    return folder


def _regular_file(folder: Path) -> Path:
    """The upright regular face of a folder: weight 400, not italic (else the first file)."""
    files = sorted(folder.glob("*.[ot]tf")) + sorted(folder.glob("*.[OT]TF"))
    if not files:
        raise ReportError("report.err.font_dir", path=str(folder))
    for path in files:
        os2 = TTFont(path, lazy=True)["OS/2"]
        if os2.usWeightClass == 400 and not os2.fsSelection & 1:
            return path
    return files[0]


def _ko_kai_em(font: TTFont) -> float:
    glyph = font.getBestCmap().get(ord("ก"))
    if glyph is None:
        raise ReportError("report.err.font_no_thai", family=font["name"].getDebugName(1) or "?")
    glyphs = font.getGlyphSet()
    pen = BoundsPen(glyphs)
    glyphs[glyph].draw(pen)
    top = pen.bounds[3] if pen.bounds else 0
    return top / font["head"].unitsPerEm


@cache
def _load(folder_text: str) -> ReportFont:
    folder = Path(folder_text) if folder_text else packaged_font_dir()
    if not folder.is_dir():
        raise ReportError("report.err.font_dir", path=str(folder))
    regular = _regular_file(folder)
    font = TTFont(regular, lazy=True)
    family = font["name"].getDebugName(16) or font["name"].getDebugName(1) or PACKAGED_FAMILY
    return ReportFont(family, folder, regular, _ko_kai_em(font))


def report_font() -> ReportFont:
    """The font of this run: ``ITATUI_FONT_DIR`` when set, else the packaged Sarabun."""
    return _load(os.environ.get(FONT_DIR_ENV, "").strip())


@cache
def font_codepoints(path: Path) -> frozenset[int]:
    """Code points the font maps to a glyph (every Unicode cmap subtable)."""
    return frozenset(TTFont(path, lazy=True).getBestCmap() or {})
