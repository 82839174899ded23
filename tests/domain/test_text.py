"""Cutting Thai text on cluster boundaries: a mark never loses its consonant."""

from itatui.domain.text import clusters, cut, cut_chars, skip_cells, width


def test_clusters_keep_marks_with_their_consonant():
    assert clusters("ตั้ว") == ["ตั้", "ว"]
    assert clusters("พัฒนา") == ["พั", "ฒ", "น", "า"]


def test_cut_to_a_width_never_splits_a_cluster():
    assert cut("เหลือ 11 ตัว", 9) == "เหลือ 11 …"
    assert cut("พัฒนา", 2) == "พั…"
    assert cut("พัฒนา", 4) == "พัฒนา"  # fits: uncut
    assert width(cut("การพัฒนาคุณภาพชีวิต", 7)) <= 7


def test_cut_chars_and_skip_cells():
    assert cut_chars("ตัวอย่าง", 2) == "ตัว…"
    assert skip_cells("พัฒนา", 1) == "ฒนา"  # not "ัฒนา"
    assert skip_cells("ตัว 11", 1) == "ว 11"


def test_thai_words_and_wrapping_never_leave_a_word_cut():
    from itatui.domain.text import thai_words, wrap_words

    text = "เพื่อให้ประชาชนมีส่วนร่วมติดตามตรวจสอบการดำเนินงานขององค์กรปกครองส่วนท้องถิ่น"
    words = thai_words(text)
    assert "ติดตาม" in words and "".join(words) == text
    lines = wrap_words(words, 20)
    assert "".join(lines) == text and all(width(line) <= 20 for line in lines)
    assert all(line in words or any(line.startswith(w) for w in words) for line in lines)
    assert not any(line.startswith(("ตาม", "ตรวจ")) and not line.startswith("ตรวจสอบ") for line in lines)
