import string

from itatui.i18n import CATALOGUE, set_language, t


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_text_has_thai_and_english_with_the_same_placeholders():
    problems = []
    for key, texts in CATALOGUE.items():
        if not texts.get("th") or not texts.get("en"):
            problems.append(f"{key}: missing language")
        elif _fields(texts["th"]) != _fields(texts["en"]):
            problems.append(f"{key}: placeholders differ")
    assert problems == []


def test_language_switch():
    set_language("en")
    try:
        assert t("mode.plan") == "Plan"
    finally:
        set_language("th")
    assert t("mode.plan") == "แผนปฏิบัติการ"
    assert t("no.such.key") == "no.such.key"
