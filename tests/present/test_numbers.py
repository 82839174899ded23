"""Numbers as typed and as shown: exact reading, Thai digits, column limits, baht in words."""

from __future__ import annotations

from decimal import Decimal

import pytest

from itatui.i18n import t
from itatui.present.numbers import (
    BUDGET_MAX,
    INT64_MAX,
    InputError,
    baht_text,
    format_decimal,
    format_money,
    format_number,
    parse_decimal,
    parse_int,
)


def test_a_large_whole_number_stays_exact():
    assert parse_int("12345678901234567") == 12345678901234567
    assert parse_int("๑๒,๓๔๕,๖๗๘,๙๐๑,๒๓๔,๕๖๗") == 12345678901234567


@pytest.mark.parametrize(
    ("typed", "value"),
    [("12,500", 12500), ("๑๒,๕๐๐", 12500), ("12,500.-", 12500), ("12500 บาท", 12500), ("12.00", 12), (" 7 ", 7), ("-", None), ("", None)],
)
def test_office_forms_are_read(typed, value):
    assert parse_int(typed) == value


@pytest.mark.parametrize(
    ("typed", "key"),
    [("1,0,0", "err.separators"), ("12,50", "err.separators"), ("1,2345", "err.separators"), ("สิบ", "err.not_a_number"),
     ("1e5", "err.not_a_number"), ("12.5", "err.whole_number"), ("0x10", "err.not_a_number")],
)
def test_what_is_not_a_whole_number_is_refused_with_its_reason(typed, key):
    with pytest.raises(InputError) as exc:
        parse_int(typed)
    assert exc.value.key == key


def test_a_value_beyond_the_column_is_refused_in_thai_not_overflowing():
    with pytest.raises(InputError) as exc:
        parse_int("9,223,372,036,854,775,808")
    assert exc.value.key == "err.too_large"
    assert str(exc.value) == "ตัวเลขมากเกินกว่าที่บันทึกได้ (ไม่เกิน 9,223,372,036,854,775,807)"
    assert parse_int(str(INT64_MAX)) == INT64_MAX
    with pytest.raises(InputError) as budget:
        parse_int("3,000,000,000", max_value=BUDGET_MAX)
    assert budget.value.params == {"max": "2,147,483,647"}
    assert parse_int("2,147,483,647", max_value=BUDGET_MAX) == BUDGET_MAX


def test_blank_when_a_value_is_required():
    with pytest.raises(InputError) as exc:
        parse_int(" ", allow_blank=False)
    assert exc.value.key == "err.required"


@pytest.mark.parametrize(("typed", "value"), [("80", 80.0), ("ร้อยละ ๘๐.๕", 80.5), ("1,000.25", 1000.25), ("4.5 คะแนน", 4.5), ("-", None)])
def test_scores_are_read(typed, value):
    assert parse_decimal(typed) == value


@pytest.mark.parametrize(("typed", "key"), [("nan", "err.not_a_number"), ("inf", "err.not_a_number"), ("1e400", "err.not_a_number"),
                                            ("1,0.5", "err.separators"), ("10" * 9, "err.too_large")])
def test_what_is_not_a_score_is_refused(typed, key):
    with pytest.raises(InputError) as exc:
        parse_decimal(typed)
    assert exc.value.key == key


def test_numbers_and_money_in_either_digits():
    assert format_number(12500) == "12,500"
    assert format_number(12500, True) == "๑๒,๕๐๐"
    assert format_money(12500) == "12,500.-"
    assert format_money(12500, True) == "๑๒,๕๐๐.-"
    assert format_money(None) == "-"
    assert format_decimal(80.0) == "80"
    assert format_decimal(80.25, True) == "๘๐.๒๕"


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "ศูนย์บาทถ้วน"),
        (11, "สิบเอ็ดบาทถ้วน"),
        (21, "ยี่สิบเอ็ดบาทถ้วน"),
        (101, "หนึ่งร้อยเอ็ดบาทถ้วน"),
        (12500, "หนึ่งหมื่นสองพันห้าร้อยบาทถ้วน"),
        (1_000_001, "หนึ่งล้านเอ็ดบาทถ้วน"),
        (21_000_000, "ยี่สิบเอ็ดล้านบาทถ้วน"),
        (Decimal("100.25"), "หนึ่งร้อยบาทยี่สิบห้าสตางค์"),
        ("0.50", "ห้าสิบสตางค์"),
        ("๑,๐๐๐.๐๑", "หนึ่งพันบาทหนึ่งสตางค์"),
    ],
)
def test_baht_in_words(amount, words):
    assert baht_text(amount) == words


def test_baht_in_words_is_exact_for_any_size():
    # Libraries going through float end this one in "...หกสิบแปด".
    assert baht_text(12345678901234567).endswith("ล้านสองแสนสามหมื่นสี่พันห้าร้อยหกสิบเจ็ดบาทถ้วน")


def test_the_messages_exist_in_both_languages():
    for key in ("err.separators", "err.too_large", "err.too_small"):
        assert t(key, max="1", min="-1") != key
