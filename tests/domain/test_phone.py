import pytest

from itatui.domain import phone


@pytest.mark.parametrize("text,shown", [
    ("0812345678", "081-234-5678"),
    ("๐๘๑-๒๓๔-๕๖๗๘", "081-234-5678"),
    ("+66 81 234 5678", "081-234-5678"),
    ("(02) 123 4567", "02-123-4567"),
    ("045-491-012", "045-491-012"),
    ("0645551234", "064-555-1234"),
])
def test_thai_numbers_are_normalised(text, shown):
    assert phone.normalize(text) == shown


@pytest.mark.parametrize("text", ["081234567", "1234567890", "0112345678", "08123456789", "โทร 081", "12"])
def test_non_thai_numbers_are_refused(text):
    with pytest.raises(phone.PhoneError) as exc:
        phone.normalize(text)
    assert exc.value.key == "complaint.err.phone_format"
