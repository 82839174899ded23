import re

import pytest

from itatui.domain import tracking


def test_codes_are_grouped_for_reading_aloud_and_avoid_confusable_symbols():
    for _ in range(200):
        code = tracking.new_code()
        shown = tracking.format_code(code)
        assert re.fullmatch(r"[2-9ACDEFHJKMPRTWXY]{3}-[2-9ACDEFHJKMPRTWXY]{3}-[2-9ACDEFHJKMPRTWXY]{4}", shown)
        assert not set(code) & set("01OIQLBSZGUVN")
        assert tracking.parse(shown) == code


def test_codes_do_not_repeat():
    codes = {tracking.new_code() for _ in range(20000)}
    assert len(codes) == 20000


def test_every_single_typo_and_neighbour_swap_is_detected():
    code = tracking.new_code()
    for i in range(tracking.LENGTH):
        for ch in tracking.ALPHABET:
            if ch != code[i]:
                assert not tracking.is_valid(code[:i] + ch + code[i + 1 :])
    for i in range(tracking.LENGTH - 1):
        if code[i] != code[i + 1]:
            swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
            assert not tracking.is_valid(swapped)


def test_typed_variants_are_read_back():
    body = "K7M4RX9PW"
    code = body + tracking._check_symbol(body)
    assert tracking.parse(code.lower()) == code
    assert tracking.parse(" " + tracking.format_code(code) + " ") == code
    assert tracking.parse(code.replace("7", "๗")) == code


@pytest.mark.parametrize("text,key", [("K7M-4QX", "tracking.err.length"), ("K7M-4RX-9PW0", "tracking.err.symbol")])
def test_bad_codes_say_why(text, key):
    with pytest.raises(tracking.TrackingCodeError) as exc:
        tracking.parse(text)
    assert exc.value.key == key
