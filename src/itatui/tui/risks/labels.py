"""How risk values look on screen: level names in their colours, scores, categories, dates (BE)."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from itatui.domain.risks import MONITOR_STYLE, Monitor, RiskMatrix
from itatui.domain.thai import digits, format_date
from itatui.i18n import language, t
from itatui.store.risks.types import RiskSettings


def text_on(colour: str) -> str:
    """Black or white text, whichever reads on ``colour`` (#rrggbb)."""
    try:
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    except ValueError:
        return "black"
    return "black" if (0.299 * r + 0.587 * g + 0.114 * b) > 140 else "white"


def level_name(matrix: RiskMatrix, key: str) -> str:
    if not key:
        return t("risk.none")
    band = matrix.band(key)
    return band.name(language()) if band else t(f"risk.level.{key}")


def level_text(matrix: RiskMatrix, key: str, *, unscored: bool = False) -> Text:
    """The level in its band colour; an imported level without a score is marked with "*"."""
    if not key:
        return Text(t("risk.none"))
    band = matrix.band(key)
    name = level_name(matrix, key) + ("*" if unscored else "")
    if band is None:
        return Text(name, style="bold")
    return Text(name, style=f"bold {text_on(band.colour)} on {band.colour}")


def score_text(likelihood: int | None, impact: int | None, thai: bool) -> str:
    if likelihood is None or impact is None:
        return "-"
    return digits(f"{likelihood}×{impact}", thai)


def category_name(settings: RiskSettings, code: str) -> str:
    for c in settings.categories:
        if c.code == code:
            return c.name_en if language() == "en" and c.name_en else c.name_th
    return code or "-"


def vocab(prefix: str, value: str) -> str:
    return t(f"{prefix}.{value}") if value else "-"


def be(d: date | None, thai: bool) -> str:
    return format_date(d, thai_digits=thai, lang=language()) if d else "-"


def be_input(d: date | None) -> str:
    """A date as the forms take it back: d/m/yyyy (BE)."""
    return f"{d.day}/{d.month}/{d.year + 543}" if d else ""


def monitor_text(settings: RiskSettings, value: str) -> Text:
    if not value:
        return Text("-")
    colour = MONITOR_STYLE[Monitor(value)]
    return Text(settings.monitor_names.get(value, value), style=f"{text_on(colour)} on {colour}")
