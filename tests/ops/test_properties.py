"""Property-based tests (hypothesis) of every parser and validator a user's typing or a document reaches.

Each property states what must hold for ANY input of its kind: Thai and Arabic digits read the same, BE and CE
dates agree, 29 February exists exactly in leap years counted in BE, national IDs and phones are accepted iff
well-formed, amounts with separators read back, and no text — very long, control characters — makes a parser
fail any other way than with its catalogue error.
"""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from itatui.domain import idcard, phone, tracking
from itatui.domain.eplan import parse_decimal
from itatui.domain.thai import InputError, be_year, format_date, parse_date_be, parse_int, to_arabic, to_thai
from itatui.i18n import CATALOGUE

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
any_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=300)
nasty_text = st.one_of(
    any_text,
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=50),  # control characters
    st.text(alphabet="0123456789๐๑๒๓๔๕๖๗๘๙,.- /บาท", max_size=40),
    st.integers(1000, 20000).map(lambda n: "๑" * n),  # very long
)


def mixed_digits(draw, number: str) -> str:  # noqa: ANN001
    """``number`` with each digit written Thai or Arabic at random."""
    return "".join(THAI_DIGITS[int(c)] if c.isdigit() and draw(st.booleans()) else c for c in number)


# -- digits ---------------------------------------------------------------------------------------------------


@SETTINGS
@given(any_text)
def test_thai_and_arabic_digits_round_trip(text):
    assert to_arabic(to_thai(to_arabic(text))) == to_arabic(text)
    assert not set(to_arabic(text)) & set(THAI_DIGITS)


# -- whole numbers and amounts --------------------------------------------------------------------------------


@st.composite
def typed_amounts(draw) -> tuple[int, str]:  # noqa: ANN001
    n = draw(st.integers(0, 10**12))
    text = f"{n:,}" if draw(st.booleans()) else str(n)
    text = mixed_digits(draw, text)
    text += draw(st.sampled_from(["", ".-", " บาท", " ", "บาท"]))
    return n, draw(st.sampled_from(["", " "])) + text


@SETTINGS
@given(typed_amounts())
def test_amounts_with_separators_read_back(case):
    n, text = case
    assert parse_int(text) == n


@SETTINGS
@given(nasty_text)
def test_parse_int_fails_only_with_its_catalogue_error(text):
    try:
        value = parse_int(text)
    except InputError as exc:
        assert exc.args[0] in CATALOGUE
    else:
        assert value is None or isinstance(value, int)


@SETTINGS
@given(nasty_text)
def test_parse_decimal_fails_only_with_its_catalogue_error(text):
    try:
        value = parse_decimal(text)
    except InputError as exc:
        assert exc.args[0] in CATALOGUE
    else:
        assert value is None or value == value  # never NaN


# -- dates ----------------------------------------------------------------------------------------------------


@st.composite
def typed_dates(draw) -> tuple[date, str]:  # noqa: ANN001
    d = draw(st.dates(min_value=date(1901, 1, 1), max_value=date(2199, 12, 31)))
    year = be_year(d.year) if draw(st.booleans()) else d.year  # BE or CE as typed
    sep = draw(st.sampled_from("/.-"))
    day = f"{d.day:02d}" if draw(st.booleans()) else str(d.day)
    month = f"{d.month:02d}" if draw(st.booleans()) else str(d.month)
    return d, mixed_digits(draw, f"{day}{sep}{month}{sep}{year}")


@SETTINGS
@given(typed_dates())
def test_be_and_ce_dates_read_the_same_day(case):
    d, text = case
    assert parse_date_be(text) == d
    assert str(be_year(d.year)) in to_arabic(format_date(d))


@SETTINGS
@given(st.integers(2444, 2742))  # BE years 1901–2199 CE
def test_29_february_exists_exactly_in_leap_years_counted_in_be(be):
    leap = calendar.isleap(be - 543)
    text = f"29/2/{be}"
    if leap:
        assert parse_date_be(text) == date(be - 543, 2, 29)
    else:
        with pytest.raises(InputError) as info:
            parse_date_be(text)
        assert info.value.args[0] == "err.date_invalid"


@SETTINGS
@given(nasty_text)
def test_parse_date_fails_only_with_its_catalogue_error(text):
    try:
        parse_date_be(text)
    except InputError as exc:
        assert exc.args[0] in CATALOGUE


# -- national IDs -----------------------------------------------------------------------------------------------


@st.composite
def national_ids(draw) -> str:  # noqa: ANN001
    first12 = draw(st.text(alphabet="0123456789", min_size=12, max_size=12))
    return first12 + str(idcard.check_digit(first12))


@SETTINGS
@given(national_ids(), st.data())
def test_valid_national_ids_are_accepted_however_typed(number, data):
    typed = mixed_digits(data.draw, idcard.format_id(number) if data.draw(st.booleans()) else number)
    assert idcard.normalize(typed) == number


def _reference_valid(number: str) -> bool:
    """The Department of Provincial Administration's rule, written independently of the app's code."""
    weights = range(13, 1, -1)
    remainder = sum(int(d) * w for d, w in zip(number[:12], weights)) % 11
    return (11 - remainder) % 10 == int(number[12])


@SETTINGS
@given(national_ids(), st.integers(0, 12), st.integers(1, 9))
def test_a_wrong_digit_is_judged_as_the_official_rule_does(number, position, delta):
    wrong = number[:position] + str((int(number[position]) + delta) % 10) + number[position + 1 :]
    assert idcard.is_valid(wrong) == _reference_valid(wrong)
    if position == 12:  # a wrong check digit itself is always caught
        assert not idcard.is_valid(wrong)


@SETTINGS
@given(nasty_text)
def test_id_validator_never_fails_otherwise(text):
    try:
        idcard.normalize(text)
    except idcard.NationalIdError as exc:
        assert exc.key in CATALOGUE


# -- phones -------------------------------------------------------------------------------------------------------


@st.composite
def phones(draw) -> tuple[str, str]:  # noqa: ANN001
    if draw(st.booleans()):
        digits = draw(st.sampled_from(["06", "08", "09"])) + draw(st.text(alphabet="0123456789", min_size=8, max_size=8))
        shown = f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    else:
        digits = "02" + draw(st.text(alphabet="0123456789", min_size=7, max_size=7))
        shown = f"{digits[:2]}-{digits[2:5]}-{digits[5:]}"
    style = draw(st.sampled_from(["plain", "dashed", "spaced", "+66"]))
    typed = {"plain": digits, "dashed": shown, "spaced": shown.replace("-", " "), "+66": "+66" + digits[1:]}[style]
    return shown, mixed_digits(draw, typed)


@SETTINGS
@given(phones())
def test_phones_are_read_however_typed(case):
    shown, typed = case
    assert phone.normalize(typed) == shown


@SETTINGS
@given(nasty_text)
def test_phone_validator_never_fails_otherwise(text):
    try:
        phone.normalize(text)
    except phone.PhoneError as exc:
        assert exc.key in CATALOGUE


# -- tracking codes -----------------------------------------------------------------------------------------------


@SETTINGS
@given(st.integers(0, 10**6), st.data())
def test_tracking_codes_survive_how_they_are_typed(_n, data):
    code = tracking.new_code()
    typed = tracking.format_code(code)
    typed = data.draw(st.sampled_from([typed, typed.lower(), typed.replace("-", " "), code]))
    assert tracking.parse(typed) == code


@SETTINGS
@given(nasty_text)
def test_tracking_parser_never_fails_otherwise(text):
    try:
        tracking.parse(text)
    except tracking.TrackingCodeError as exc:
        assert exc.key in CATALOGUE


# -- the complaint intake form and the project form: every problem at once, never a crash --------------------------


@SETTINGS
@given(subject=nasty_text, details=nasty_text, national_id=nasty_text, tel=nasty_text, name=nasty_text)
def test_complaint_draft_validation_never_crashes(subject, details, national_id, tel, name):
    from itatui.store.complaints.drafts import validate_draft
    from itatui.store.complaints.types import ComplaintDraft

    draft = ComplaintDraft(kind="general", channel="walk_in", subject=subject, details=details,
                           complainant_name=name, national_id=national_id, phone=tel)
    clean, problems = validate_draft(draft)
    assert (clean is None) == bool(problems)
    for p in problems:
        assert p.key in CATALOGUE


@SETTINGS
@given(number=nasty_text, name=nasty_text, budget=nasty_text, objectives=nasty_text, targets=nasty_text)
def test_project_draft_parsing_never_crashes(number, name, budget, objectives, targets):
    from itatui.domain.validation import ValidationError
    from itatui.store.plan import ProjectDraft, parse_project_draft

    draft = ProjectDraft(number=number, name=name, mission_id=1, budgets={2566: budget}, objectives=objectives,
                         target_groups=targets)
    try:
        parse_project_draft(draft, (2566,))
    except ValidationError as exc:
        assert exc.problems and all(p.key in CATALOGUE for p in exc.problems)


# -- the plan importer: sections dropped, duplicated, reordered ---------------------------------------------------


def _sections(lines: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, key) of every section of every Part 3 sheet in the document: heading line to next heading."""
    from itatui.importers import parse_plan_text

    parsed = parse_plan_text("\n".join(lines))
    out = []
    for p in parsed.projects:
        if p.sheet is None:
            continue
        starts = sorted((line - 1, key) for key, line in p.sheet.section_lines.items())
        ends = [s for s, _k in starts[1:]] + [p.sheet.end_line]
        out += [(s, e, k) for (s, k), e in zip(starts, ends) if e > s]
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_sheets_with_sections_dropped_or_duplicated_are_refused(source_plan, data):
    from itatui.importers import PlanFormatError, parse_plan_text
    from itatui.importers.damage import damage

    lines = source_plan.read_text(encoding="utf-8").split("\n")
    sections = [s for s in _sections(lines) if s[2] != "area"]  # "area" is optional in the template
    start, end, _key = data.draw(st.sampled_from(sections))
    action = data.draw(st.sampled_from(["drop", "duplicate"]))
    block = lines[start:end]
    edited = lines[:start] + (block + block if action == "duplicate" else []) + lines[end:]
    try:
        parsed = parse_plan_text("\n".join(edited))
    except PlanFormatError:
        return  # refused outright (e.g. the last sheet now ends early): nothing would be written
    assert damage(parsed), f"{action} of lines {start + 1}-{end} went unnoticed"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_sheets_with_sections_reordered_keep_each_text_under_its_heading(source_plan, data):
    from itatui.importers import PlanFormatError, parse_plan_text
    from itatui.importers.damage import damage

    text = source_plan.read_text(encoding="utf-8")
    lines = text.split("\n")
    original = {p.number: p.sheet for p in parse_plan_text(text).projects}
    sections = _sections(lines)
    i = data.draw(st.integers(0, len(sections) - 2))
    (s1, e1, k1), (s2, e2, k2) = sections[i], sections[i + 1]
    assume(e1 == s2)  # two neighbouring sections of one sheet
    edited = lines[:s1] + lines[s2:e2] + lines[s1:e1] + lines[e2:]
    try:
        parsed = parse_plan_text("\n".join(edited))
    except PlanFormatError:
        return
    if damage(parsed):
        return  # refused whole
    fields = ("rationale", "objectives", "area", "method_steps", "period", "budget_text", "owner", "outputs", "outcomes")
    for p in parsed.projects:
        before, after = original[p.number], p.sheet
        if before is None or after is None:
            continue
        for f in fields:
            assert getattr(after, f) == getattr(before, f), (p.number, f)
