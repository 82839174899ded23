"""A text that is not such a plan, or stops part-way, is refused with a message that says so."""

from __future__ import annotations

import pytest

from itatui.i18n import t
from itatui.importers import PlanFormatError, parse_plan_file, parse_plan_text


def _cut(text: str, keep_lines: int) -> str:
    return "\n".join(text.split("\n")[:keep_lines])


@pytest.mark.parametrize(
    ("keep", "key"),
    [
        (80, "import.err.truncated_before_part2"),  # inside Part 1
        (140, "import.err.truncated_part2"),  # inside the plan table, before its grand total
        (155, "import.err.truncated_before_part3"),  # the table is whole, Part 3 never starts
        (1000, "import.err.truncated_part3"),  # inside the sheet of project 13
        (1807, "import.err.truncated_part3"),  # between sheets: project 29 never gets one
        (1845, "import.err.truncated_part3"),  # inside the last sheet, before its owner and results
    ],
)
def test_truncated_documents_are_refused(source_text, keep, key):
    with pytest.raises(PlanFormatError) as err:
        parse_plan_text(_cut(source_text, keep))
    assert err.value.key == key
    message = t(err.value.key, **err.value.params)
    assert "ไม่มีการบันทึกข้อมูลใด ๆ" in message  # says plainly that nothing was written


def test_cut_inside_a_table_row(source_text):
    text = source_text[: source_text.index("๒๙) มาตรการจัดให้มีระบบ")]  # mid-line, in the last project row
    with pytest.raises(PlanFormatError) as err:
        parse_plan_text(text)
    assert err.value.key == "import.err.truncated_part2"
    assert err.value.params["line"] == 152


def test_the_whole_document_is_accepted(source_text):
    assert len(parse_plan_text(source_text).projects) == 25


@pytest.mark.parametrize(
    "text",
    [
        "",
        "สวัสดีครับ นี่คือบันทึกการประชุมประจำเดือน\nวาระที่ ๑ เรื่องแจ้งเพื่อทราบ\n",
        "name,amount\nโครงการ ก,10000\n",
        "มิติ\tภารกิจ\tอื่น ๆ\n",
    ],
)
def test_texts_that_are_not_plans(text):
    with pytest.raises(PlanFormatError) as err:
        parse_plan_text(text)
    assert err.value.key == "import.err.not_a_plan"
    assert "ไม่ใช่แผนปฏิบัติการป้องกันการทุจริต" in t(err.value.key)


def test_binary_and_missing_files(tmp_path):
    binary = tmp_path / "plan.pdf"
    binary.write_bytes(b"%PDF-1.7\n\x00\x01\x02\xff" * 100)
    with pytest.raises(PlanFormatError) as err:
        parse_plan_file(binary)
    assert err.value.key == "import.err.not_text"
    with pytest.raises(PlanFormatError) as err:
        parse_plan_file(tmp_path / "nothing-here.txt")
    assert err.value.key == "import.err.cannot_read"
    assert "nothing-here.txt" in t(err.value.key, **err.value.params)


def test_two_projects_with_one_number_are_refused(source_text):
    lines = source_text.split("\n")
    lines[143] = lines[143].replace("๒๐) มาตรการ", "๑๙) มาตรการ")  # line 144: a second project 19
    with pytest.raises(PlanFormatError) as err:
        parse_plan_text("\n".join(lines))
    assert err.value.key == "import.err.duplicate_number"
    assert err.value.params == {"number": 19, "line": 144, "first": 143}
