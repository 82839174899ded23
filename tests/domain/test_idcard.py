import pytest

from itatui.domain import idcard


def test_check_digit_formula():
    # 1-1017-00230-70-? : Σ dᵢ·(13−i) = 1·13+1·12+0·11+1·10+7·9+0·8+0·7+2·6+3·5+0·4+7·3+0·2 = 146;
    # 146 mod 11 = 3; (11 − 3) mod 10 = 8
    assert idcard.check_digit("110170023070") == 8
    assert idcard.is_valid("1101700230708")


def test_wrong_digits_are_caught():
    good = "1101700230708"
    # The third digit weighs 13 − 2 = 11 ≡ 0 (mod 11): the official formula cannot see it, so it is skipped.
    for i in [*range(2), *range(3, 13)]:
        for d in "0123456789":
            if d != good[i]:
                assert not idcard.is_valid(good[:i] + d + good[i + 1 :]), (i, d)


def test_thai_digits_and_printed_grouping_are_accepted():
    assert idcard.normalize("๑-๑๐๑๗-๐๐๒๓๐-๗๐-๘") == "1101700230708"
    assert idcard.normalize(" 1 1017 00230 70 8 ") == "1101700230708"
    assert idcard.format_id("1101700230708") == "1-1017-00230-70-8"


@pytest.mark.parametrize("text,key", [
    ("110170023070", "complaint.err.id_length"),
    ("11017002307089", "complaint.err.id_length"),
    ("11017002307a8", "complaint.err.id_length"),
    ("1101700230709", "complaint.err.id_checksum"),
])
def test_refusals_name_the_problem_not_the_number(text, key):
    with pytest.raises(idcard.NationalIdError) as exc:
        idcard.normalize(text)
    assert exc.value.key == key
    assert text not in str(exc.value)
