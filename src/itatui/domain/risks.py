"""Fraud-risk rules: the risk matrix (size, level bands, colours), levels from likelihood × impact, the
vocabulary of a risk and of a control, and which assessments may still change.

The matrix is configurable per organisation (stored as data): by default 5 × 5 with the bands of the NACC
guide (score L×I: 1–4 low, 5–9 medium, 10–16 high, 17–25 very high); the PACC guide uses 3 × 3. A change
of matrix never re-levels silently: ``relevel_preview`` lists what would move, the office confirms.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from itatui.domain.validation import Problems

# The level keys used by the default matrices and by the plan importer (ต่ำ/ปานกลาง/สูง/สูงมาก).
LEVEL_KEYS = ("low", "medium", "high", "very_high")
LEVEL_RANK = {k: i for i, k in enumerate(LEVEL_KEYS)}


class RiskType(StrEnum):
    KNOWN = "known"  # seen before, here or elsewhere
    UNKNOWN = "unknown"  # foreseen


class Treatment(StrEnum):
    REDUCE = "reduce"
    ACCEPT = "accept"
    AVOID = "avoid"
    TRANSFER = "transfer"


class RiskStatus(StrEnum):
    OPEN = "open"  # assessed, treatment not started
    TREATING = "treating"  # controls under way
    CLOSED = "closed"  # no longer a risk here


class ControlQuality(StrEnum):
    GOOD = "good"  # ดี
    FAIR = "fair"  # พอใช้
    WEAK = "weak"  # อ่อน


class Monitor(StrEnum):
    """The monitoring colour of a control (PACC guide); the names shown are configurable."""

    GREEN = "green"  # done as planned
    YELLOW = "yellow"  # started, behind
    ORANGE = "orange"  # not started
    RED = "red"  # not possible


MONITOR_STYLE = {Monitor.GREEN: "#2e7d32", Monitor.YELLOW: "#c9a400", Monitor.ORANGE: "#e67e22", Monitor.RED: "#c62828"}

# Categories are data per organisation; these are the defaults (bribery asked about by the ITA from 2567).
DEFAULT_CATEGORIES: tuple[tuple[str, str, str], ...] = (
    ("permits", "การพิจารณาอนุมัติ อนุญาต", "Permits and approvals"),
    ("power", "การใช้อำนาจและตำแหน่งหน้าที่", "Use of power and position"),
    ("budget", "การใช้จ่ายงบประมาณ การจัดซื้อจัดจ้าง และการบริหารจัดการทรัพย์สินของราชการ", "Budget spending, procurement and public assets"),
    ("personnel", "การบริหารงานบุคคล", "Personnel administration"),
    ("bribery", "การรับสินบนและการเรียกรับผลประโยชน์", "Bribery and demands for benefits"),
)


@dataclass(frozen=True)
class Band:
    """A risk level: scores ``low_score``…``high_score`` (inclusive), its names and its colour (#rrggbb)."""

    key: str
    name_th: str
    name_en: str
    low_score: int
    high_score: int
    colour: str

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" and self.name_en else self.name_th


@dataclass(frozen=True)
class RiskMatrix:
    size: int
    bands: tuple[Band, ...]

    def score(self, likelihood: int | None, impact: int | None) -> int | None:
        if likelihood is None or impact is None:
            return None
        return likelihood * impact

    def in_range(self, value: int | None) -> bool:
        return value is not None and 1 <= value <= self.size

    def level(self, likelihood: int | None, impact: int | None) -> str | None:
        """The band key for a scored risk; None when not scored or outside this matrix."""
        if not (self.in_range(likelihood) and self.in_range(impact)):
            return None
        score = likelihood * impact  # type: ignore[operator]
        for band in self.bands:
            if band.low_score <= score <= band.high_score:
                return band.key
        return None

    def band(self, key: str) -> Band | None:
        return next((b for b in self.bands if b.key == key), None)

    def rank(self, key: str) -> int:
        """Order of a level (higher = worse): the band's place, else the standard order of the four keys."""
        for i, b in enumerate(self.bands):
            if b.key == key:
                return i
        return LEVEL_RANK.get(key, -1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "size": self.size,
            "bands": [
                {"key": b.key, "name_th": b.name_th, "name_en": b.name_en, "low": b.low_score, "high": b.high_score, "colour": b.colour}
                for b in self.bands
            ],
        }


DEFAULT_MATRIX = RiskMatrix(
    5,
    (
        Band("low", "ต่ำ", "Low", 1, 4, "#2e7d32"),
        Band("medium", "ปานกลาง", "Medium", 5, 9, "#c9a400"),
        Band("high", "สูง", "High", 10, 16, "#e67e22"),
        Band("very_high", "สูงมาก", "Very high", 17, 25, "#c62828"),
    ),
)

PACC_MATRIX = RiskMatrix(
    3,
    (
        Band("low", "ต่ำ", "Low", 1, 2, "#2e7d32"),
        Band("medium", "ปานกลาง", "Medium", 3, 4, "#c9a400"),
        Band("high", "สูง", "High", 5, 9, "#c62828"),  # no cell scores 5 on 3 × 3
    ),
)

LIKELIHOOD_NAMES_5 = ("น้อยมาก", "น้อย", "ปานกลาง", "สูง", "สูงมาก")
LIKELIHOOD_NAMES_3 = ("น้อย", "ปานกลาง", "สูง")


def matrix_from_dict(data: Any) -> RiskMatrix:
    """A stored matrix (see ``to_dict``); anything unreadable gives the default, never a crash."""
    try:
        bands = tuple(
            Band(str(b["key"]), str(b["name_th"]), str(b.get("name_en", "")), int(b["low"]), int(b["high"]), str(b["colour"]))
            for b in data["bands"]
        )
        matrix = RiskMatrix(int(data["size"]), bands)
    except (KeyError, TypeError, ValueError):
        return DEFAULT_MATRIX
    return matrix if not matrix_problems(matrix) else DEFAULT_MATRIX


def matrix_problems(matrix: RiskMatrix) -> list[Any]:
    """Every problem of a matrix: size 2–7, bands cover 1…size² without gap or overlap, names, colours."""
    p = Problems()
    if not 2 <= matrix.size <= 7:
        p.add("size", "risk.err.matrix_size")
        return p.items
    top = matrix.size * matrix.size
    expected = 1
    keys: set[str] = set()
    for i, b in enumerate(matrix.bands):
        p.check(bool(b.name_th.strip()), f"band{i}_name", "err.required")
        p.check(_is_colour(b.colour), f"band{i}_colour", "risk.err.colour")
        p.check(b.key not in keys and bool(b.key), f"band{i}_name", "risk.err.band_key")
        keys.add(b.key)
        if b.low_score > b.high_score:
            p.add(f"band{i}_high", "risk.err.band_order")
        elif b.low_score > expected:
            p.add(f"band{i}_high", "risk.err.band_gap", low=expected, high=b.low_score - 1)
        expected = max(expected, b.high_score + 1)
    if not matrix.bands:
        p.add("size", "risk.err.no_bands")
    elif expected <= top:
        p.add(f"band{len(matrix.bands) - 1}_high", "risk.err.band_short", top=top)
    elif matrix.bands[-1].high_score != top:
        p.add(f"band{len(matrix.bands) - 1}_high", "risk.err.band_short", top=top)
    return p.items


def _is_colour(text: str) -> bool:
    return len(text) == 7 and text.startswith("#") and all(c in "0123456789abcdefABCDEF" for c in text[1:])


def bands_for(size: int, cuts: Iterable[int]) -> tuple[tuple[int, int], ...]:
    """Score ranges from the upper score of each band but the last (the last ends at size²)."""
    out = []
    low = 1
    for high in cuts:
        out.append((low, high))
        low = high + 1
    out.append((low, size * size))
    return tuple(out)


@dataclass(frozen=True)
class ScoredRisk:
    """What a re-level preview needs of one risk: its ids, inherent and residual scores and stored levels."""

    id: int
    label: str
    likelihood: int | None
    impact: int | None
    level: str
    residual_likelihood: int | None = None
    residual_impact: int | None = None
    residual_level: str = ""


@dataclass(frozen=True)
class Move:
    """One risk the new matrix would change: its level before and after, and whether its score is lost."""

    id: int
    label: str
    level_before: str
    level_after: str
    residual_before: str
    residual_after: str
    loses_score: bool  # L or I beyond the new size: kept as "not yet scored" with its old level


def relevel(matrix: RiskMatrix, r: ScoredRisk) -> tuple[str, str, bool]:
    """(level, residual level, score lost) of ``r`` under ``matrix``. Unscored risks keep their level."""
    lost = False
    level = r.level
    if r.likelihood is not None and r.impact is not None:
        new = matrix.level(r.likelihood, r.impact)
        if new is None:
            lost = True
        else:
            level = new
    residual = r.residual_level
    if r.residual_likelihood is not None and r.residual_impact is not None:
        new = matrix.level(r.residual_likelihood, r.residual_impact)
        if new is None:
            lost = True
            residual = ""
        else:
            residual = new
    return level, residual, lost


def relevel_preview(matrix: RiskMatrix, risks: Iterable[ScoredRisk]) -> list[Move]:
    moves = []
    for r in risks:
        level, residual, lost = relevel(matrix, r)
        if level != r.level or residual != r.residual_level or lost:
            moves.append(Move(r.id, r.label, r.level, level, r.residual_level, residual, lost))
    return moves


def is_read_only(fiscal_year: int, current_year: int, latest_year: int) -> bool:
    """A past year is read-only once a later assessment exists: the latest assessment stays open (a register
    imported for a past year can still be scored), and the current year's stays open while the next is drafted."""
    return fiscal_year < current_year and fiscal_year < latest_year
