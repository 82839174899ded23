"""The round's rules as a form shows them (text per field) and back, with every problem at once.

Tables are one line each: level bands ``excellent 90``; steps per round and level ``1 excellent 0 0.5 1``;
calculation bases ``0-29980 21590`` (lower–upper and the base). Thai digits are accepted everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from itatui.domain.salary import BaseRange, Level, RoundRules, parse_steps, steps_text
from itatui.domain.thai import to_arabic
from itatui.domain.validation import Problems
from itatui.store.committees.types import CommitteeValidationError

NUMBERS = ("quota_pct", "budget_pct", "yearly_cap", "pool_pct", "person_max_pct", "round_to", "invitation_days",
           "grievance_days", "weights", "weights_probation")
TABLES = ("level_min", "steps", "bases", "level_max_pct")


@dataclass(frozen=True)
class RulesText:
    values: dict  # field name -> text


def rules_text(rules: RoundRules) -> dict[str, str]:
    return {
        "quota_pct": str(rules.quota_pct), "budget_pct": str(rules.budget_pct),
        "yearly_cap": steps_text(rules.yearly_cap_half_steps), "pool_pct": str(rules.pool_pct),
        "person_max_pct": str(rules.person_max_pct), "round_to": str(rules.round_to),
        "invitation_days": str(rules.invitation_days), "grievance_days": str(rules.grievance_days),
        "weights": f"{rules.weights[0]} {rules.weights[1]}",
        "weights_probation": f"{rules.weights_probation[0]} {rules.weights_probation[1]}",
        "level_min": "\n".join(f"{k} {v}" for k, v in rules.level_min),
        "steps": "\n".join(f"{r} {lvl} " + " ".join(steps_text(h) for h in hs)
                           for r, table in sorted(rules.steps.items()) for lvl, hs in table.items()),
        "bases": "\n".join(f"{b.lower}-{b.upper} {b.base}" for b in rules.bases),
        "level_max_pct": "\n".join(f"{k} {v}" for k, v in rules.level_max_pct),
    }


def _dec(p: Problems, name: str, text: str, *, low: Decimal = Decimal(0), high: Decimal = Decimal(100)) -> Decimal | None:
    try:
        value = Decimal(to_arabic(text).strip().replace("%", ""))
    except InvalidOperation:
        p.add(name, "err.not_a_number")
        return None
    if not low <= value <= high:
        p.add(name, "committee.err.rule_range", low=str(low), high=str(high))
        return None
    return value


def _int(p: Problems, name: str, text: str, low: int = 0, high: int = 100_000) -> int | None:
    value = _dec(p, name, text, low=Decimal(low), high=Decimal(high))
    if value is None:
        return None
    if value != value.to_integral_value():
        p.add(name, "err.whole_number")
        return None
    return int(value)


def _lines(text: str) -> list[list[str]]:
    return [to_arabic(line).replace(":", " ").split() for line in text.splitlines() if line.strip()]


def parse_rules(texts: dict[str, str], base: RoundRules) -> RoundRules:
    p = Problems()
    out: dict = {}
    for name in ("quota_pct", "budget_pct", "pool_pct", "person_max_pct"):
        out[name] = _dec(p, name, texts[name])
    try:
        out["yearly_cap_half_steps"] = parse_steps(texts["yearly_cap"])
    except ValueError:
        p.add("yearly_cap", "committee.err.steps")
    out["round_to"] = _int(p, "round_to", texts["round_to"], 1, 1000)
    out["invitation_days"] = _int(p, "invitation_days", texts["invitation_days"], 0, 60)
    out["grievance_days"] = _int(p, "grievance_days", texts["grievance_days"], 1, 365)
    for name in ("weights", "weights_probation"):
        parts = to_arabic(texts[name]).replace("/", " ").split()
        if len(parts) != 2 or not all(x.isdigit() for x in parts) or sum(int(x) for x in parts) != 100:
            p.add(name, "committee.err.weights")
        else:
            out[name] = (int(parts[0]), int(parts[1]))
    levels = {lv.value for lv in Level}
    bands = []
    for parts in _lines(texts["level_min"]):
        if len(parts) != 2 or parts[0] not in levels or not parts[1].isdigit():
            p.add("level_min", "committee.err.table_line", line=" ".join(parts))
        else:
            bands.append((parts[0], int(parts[1])))
    if {b for b, _ in bands} != levels and "level_min" not in {x.field for x in p}:
        p.add("level_min", "committee.err.every_level")
    out["level_min"] = tuple(sorted(bands, key=lambda b: -b[1]))
    steps: dict[int, dict[str, tuple[int, ...]]] = {}
    for parts in _lines(texts["steps"]):
        try:
            if len(parts) < 3 or parts[0] not in ("1", "2") or parts[1] not in levels:
                raise ValueError
            steps.setdefault(int(parts[0]), {})[parts[1]] = tuple(parse_steps(x) for x in parts[2:])
        except ValueError:
            p.add("steps", "committee.err.table_line", line=" ".join(parts))
    out["steps"] = steps
    bases = []
    for parts in _lines(texts["bases"]):
        try:
            lower, upper = (int(x.replace(",", "")) for x in parts[0].split("-"))
            bases.append(BaseRange(lower, upper, int(parts[1].replace(",", ""))))
            if len(parts) != 2 or lower > upper:
                raise ValueError
        except (ValueError, IndexError):
            p.add("bases", "committee.err.table_line", line=" ".join(parts))
    out["bases"] = tuple(sorted(bases, key=lambda b: b.lower))
    maxes = []
    for parts in _lines(texts["level_max_pct"]):
        if len(parts) != 2 or parts[0] not in levels:
            p.add("level_max_pct", "committee.err.table_line", line=" ".join(parts))
            continue
        value = _dec(p, "level_max_pct", parts[1])
        if value is not None:
            maxes.append((parts[0], value))
    out["level_max_pct"] = tuple(maxes)
    if p:
        raise CommitteeValidationError(p.items)
    return base.with_changes(**out)


def save_rules_text(engine, actor, round_id: int, texts: dict[str, str]) -> RoundRules:  # noqa: ANN001
    """Parse the rules form and store it on the round (audited by ``set_round_rules``)."""
    from itatui.store.committees.queries import get_round
    from itatui.store.committees.writes import set_round_rules

    rules = parse_rules(texts, get_round(engine, actor, round_id).rules)
    return set_round_rules(engine, actor, round_id, rules).rules
