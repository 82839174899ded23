"""What changed since a form opened its record, in words (``EditConflict`` from ``store.versioning``).

One line per save the user had not seen: when, who, what they did, and the fields with their old and new values
where a value means something on its own (names, amounts, dates; not ids).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from itatui.i18n import CATALOGUE, t
from itatui.present.dates import format_date, format_datetime
from itatui.present.numbers import digits, format_number
from itatui.store.versioning import EditConflict, FieldChange

_WIDTH = 40  # a value longer than this is cut: the line says what changed, the record says the rest


def field_label(name: str, labels: Mapping[str, str]) -> str:
    if name in labels:
        return labels[name]
    key = f"conflict.field.{name}"
    return t(key) if key in CATALOGUE else name


def _value(value: Any, thai: bool) -> str:
    if value is None or value == "" or value == []:
        return "-"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return format_number(value, thai)
    if isinstance(value, (date, datetime)):
        return format_date(value, thai_digits=thai)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return format_date(date.fromisoformat(value), thai_digits=thai)
        except ValueError:
            pass
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    text = " ".join(text.split())
    return digits(text if len(text) <= _WIDTH else text[: _WIDTH - 1] + "…", thai)


# Coded values shown by their names: (entity, field) -> catalogue prefix.
_CODED = {
    ("complaint", "status"): "complaint.status.",
    ("riskissue", "status"): "risk.status.",
    ("riskissue", "level"): "risk.level.",
    ("riskissue", "residual_level"): "risk.level.",
    ("riskissue", "treatment"): "risk.treatment.",
}


def _coded(entity: str, field: str, value: Any) -> Any:
    prefix = _CODED.get((entity, field))
    if prefix and isinstance(value, str) and prefix + value in CATALOGUE:
        return t(prefix + value)
    return value


def _change(c: FieldChange, labels: Mapping[str, str], thai: bool, entity: str = "") -> str:
    label = field_label(c.field, labels)
    if (entity, c.field) in _CODED:
        c = FieldChange(c.field, _coded(entity, c.field, c.before), _coded(entity, c.field, c.after))
    if c.field.endswith("_id") or c.field in {"units", "target_groups"}:
        return label  # ids and lists of ids say nothing on their own
    if isinstance(c.before, dict) or isinstance(c.after, dict):  # budgets by year: only the years that moved
        before, after = c.before or {}, c.after or {}
        years = sorted(k for k in {*before, *after} if before.get(k) != after.get(k))
        parts = [f"{digits(str(y), thai)} {_value(before.get(y), thai)} → {_value(after.get(y), thai)}" for y in years]
        return f"{label} ({'; '.join(parts)})" if parts else label
    return f"{label} {_value(c.before, thai)} → {_value(c.after, thai)}"


def conflict_lines(exc: EditConflict, labels: Mapping[str, str], *, thai: bool = False) -> list[str]:
    """Every unseen save, oldest first; a single general line when the log holds none of them."""
    lines = []
    for seen in exc.changes:
        action_key = f"conflict.action.{seen.action}"
        action = t(action_key) if action_key in CATALOGUE else seen.action
        what = ", ".join(_change(c, labels, thai, exc.entity) for c in seen.fields) or "-"
        at = format_datetime(seen.at, thai_digits=thai)
        lines.append(t("conflict.line", at=at, who=seen.username or "?", action=action, what=what))
    return lines or [str(exc)]
