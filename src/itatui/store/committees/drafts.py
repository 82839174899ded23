"""Form text → typed values, with every problem at once (catalogue keys, Thai by default). Pure: no database."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from itatui.domain.salary import KIND_TH, StaffKind, parse_steps
from itatui.domain.thai import InputError, parse_date_be, parse_int, to_arabic
from itatui.domain.validation import Problems
from itatui.store.committees.types import (
    CommitteeValidationError,
    Decision,
    DecisionDraft,
    MeetingDraft,
    StaffDraft,
    StaffValues,
)

MAX = {"code": 30, "name": 200, "position": 200, "position_level": 100, "unit": 60}
_KIND_BY_TEXT = {**{k.value: k for k in StaffKind}, **{v: k for k, v in KIND_TH.items()}}


def parse_kind(text: str) -> StaffKind | None:
    return _KIND_BY_TEXT.get(" ".join((text or "").split()))


def parse_date(text: str) -> date:
    """d/m/yyyy (BE, or CE above 1900) or ISO yyyy-mm-dd (CE, or BE when above 2400)."""
    s = to_arabic(text or "").strip()
    if len(s) == 10 and s[4] == "-" and s[7] == "-":
        try:
            y, m, d = (int(x) for x in s.split("-"))
            return date(y - 543 if y > 2400 else y, m, d)
        except ValueError:
            raise InputError("err.date_invalid") from None
    return parse_date_be(s)


def parse_optional_date(p: Problems, field_name: str, text: str) -> date | None:
    if not (text or "").strip():
        return None
    try:
        return parse_date(text)
    except InputError as exc:
        p.add(field_name, str(exc.args[0]))
        return None


def parse_decimal(text: str) -> Decimal | None:
    s = to_arabic(text or "").strip().replace("%", "").replace(",", "")
    if not s:
        return None
    try:
        return Decimal(s)
    except InvalidOperation:
        raise InputError("err.not_a_number") from None


def parse_score(text: str) -> float | None:
    value = parse_decimal(text)
    if value is None:
        return None
    if not 0 <= value <= 100:
        raise InputError("committee.err.score_range")
    return float(value)


def staff_problems(draft: StaffDraft) -> tuple[StaffValues | None, Problems]:
    p = Problems()
    texts = {k: " ".join((getattr(draft, k) or "").split()) for k in MAX}
    p.check(bool(texts["code"]), "code", "err.required")
    p.check(bool(texts["name"]), "name", "err.required")
    for name, limit in MAX.items():
        p.check(len(texts[name]) <= limit, name, "committee.err.too_long", n=limit)
    kind = parse_kind(draft.kind)
    p.check(kind is not None, "kind", "committee.err.kind")
    salary = p.parse("salary", lambda s: parse_int(s, allow_blank=False), draft.salary)
    if salary is not None:
        p.check(salary >= 0, "salary", "committee.err.negative")
    start = parse_optional_date(p, "start_date", draft.start_date)
    if p:
        return None, p
    return StaffValues(texts["code"], texts["name"], texts["position"], texts["position_level"], texts["unit"],
                       kind.value, int(salary or 0), start, draft.probation, draft.active), p  # type: ignore[union-attr]


def parse_staff(draft: StaffDraft) -> StaffValues:
    values, p = staff_problems(draft)
    if values is None:
        raise CommitteeValidationError(p.items)
    return values


def parse_meeting(draft: MeetingDraft) -> dict:
    p = Problems()
    number = p.parse("number", lambda s: parse_int(s, allow_blank=False), draft.number)
    if number is not None:
        p.check(number >= 1, "number", "committee.err.positive")
    held = None
    if p.check(bool((draft.held_on or "").strip()), "held_on", "err.required"):
        held = parse_optional_date(p, "held_on", draft.held_on)
    invited = parse_optional_date(p, "invited_on", draft.invited_on)
    if held and invited:
        p.check(invited <= held, "invited_on", "committee.err.invited_after")
    p.check(len((draft.place or "").strip()) <= 300, "place", "committee.err.too_long", n=300)
    if p:
        raise CommitteeValidationError(p.items)
    return {"committee_id": draft.committee_id, "number": number, "held_on": held, "place": draft.place.strip(),
            "invited_on": invited, "agenda": draft.agenda.strip(), "resolutions": draft.resolutions.strip(),
            "dissent": draft.dissent.strip()}


def parse_decision(draft: DecisionDraft, scheme: str) -> Decision:
    """Typed decision for the person's scheme (the percent amount is filled by the store from the base table)."""
    p = Problems()
    half_steps, percent, amount = None, None, 0
    if scheme == "steps":
        if p.check(bool(draft.steps.strip()), "steps", "err.required"):
            try:
                half_steps = parse_steps(draft.steps)
            except ValueError:
                p.add("steps", "committee.err.steps")
        parsed = p.parse("amount", parse_int, draft.amount)
        amount = int(parsed or 0)
        p.check(amount >= 0, "amount", "committee.err.negative")
        if half_steps:
            p.check(amount > 0, "amount", "committee.err.amount_for_steps")
    else:
        try:
            percent = parse_decimal(draft.percent)
            p.check(percent is not None, "percent", "err.required")
        except InputError as exc:
            p.add("percent", str(exc.args[0]))
        if percent is not None:
            p.check(percent >= 0, "percent", "committee.err.negative")
    told = parse_optional_date(p, "told_on", draft.told_on)
    if p:
        raise CommitteeValidationError(p.items)
    return Decision(half_steps, percent, amount, 0, draft.meeting_id, told)
