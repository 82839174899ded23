"""Indicators read from a sheet's outputs and outcomes, and counts read from its target groups.

"ไม่น้อยกว่าร้อยละ ๘๐" → (>=, 80, ร้อยละ); "อย่างน้อย ๓ ช่องทาง" → (>=, 3, ช่องทาง); "ลดลง ร้อยละ ๕" →
(decrease, 5, ร้อยละ); "(๘๕ คะแนนขึ้นไป)" → (>=, 85, คะแนน); "จำนวน ๑ ฉบับ" → (=, 1, ฉบับ); a bare "… ลดลง" →
(decrease, no target). Text with none of these is kept as an output/outcome without a KPI.
"""

from __future__ import annotations

import re

from itatui.importers.parsed import ParsedKpi, ParsedTargetGroup
from itatui.importers.textutil import NUMBER, numf, squash

_N = NUMBER.pattern
_UNIT = r"([^\s()\d๐-๙,.]+)"
_AT_LEAST = r"(?:ไม่น้อยกว่า|ไม่ต่ำกว่า|อย่างน้อย)"

# (pattern, comparator, fixed unit or None to take group 2); first pattern that matches wins.
_PATTERNS: tuple[tuple[re.Pattern[str], str, str | None], ...] = (
    (re.compile(rf"{_AT_LEAST}\s*(?:จำนวน\s*)?ร้อยละ\s*({_N})"), ">=", "ร้อยละ"),
    (re.compile(rf"{_AT_LEAST}\s*(?:จำนวน\s*)?({_N})\s*{_UNIT}"), ">=", None),
    (re.compile(rf"(?:ไม่เกิน|ไม่มากกว่า)\s*(?:ร้อยละ\s*)?({_N})"), "<=", "ร้อยละ"),
    (re.compile(rf"ลดลง\s*(?:ร้อยละ|ไม่น้อยกว่าร้อยละ)\s*({_N})"), "decrease", "ร้อยละ"),
    (re.compile(rf"({_N})\s*คะแนนขึ้นไป"), ">=", "คะแนน"),
    (re.compile(rf"ร้อยละ\s*({_N})"), "=", "ร้อยละ"),
    (re.compile(rf"จำนวน\s*({_N})\s*{_UNIT}"), "=", None),
    (re.compile(r"ลดลง\s*$|ลดลง\s*\("), "decrease", ""),
)


def kpi_from_text(kind: str, text: str, line: int | None) -> ParsedKpi | None:
    text = squash(text)
    for pattern, comparator, unit in _PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        target = numf(m.group(1)) if m.groups() else None
        return ParsedKpi(kind, text, comparator, target, unit if unit is not None else m.group(2), line)
    return None


_COUNT = re.compile(rf"จำนวน\s*({_N})\s*{_UNIT}?")


def target_group_from_text(text: str, line: int | None) -> ParsedTargetGroup:
    """"เด็กและเยาวชน … จำนวน ๕๐ คน" → description, 50, คน (the last "จำนวน N" in the text counts)."""
    text = squash(text)
    last = None
    for m in _COUNT.finditer(text):
        last = m
    if last is None:
        return ParsedTargetGroup(text, None, "", line)
    description = (text[: last.start()] + text[last.end() :]).strip()
    return ParsedTargetGroup(description, int(numf(last.group(1))), last.group(2) or "", line)
