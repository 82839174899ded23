"""The small readers the plan importer is built from: merged cells, units, list items, KPIs, target groups."""

from __future__ import annotations

import pytest

from itatui.importers.kpi import kpi_from_text, target_group_from_text
from itatui.importers.part2 import split_projects, split_units
from itatui.importers.textutil import dewrap, name_key, split_items, thai_join


def test_split_projects_of_a_merged_cell():
    cell = "๔) มาตรการปรับปรุงศูนย์ข้อมูล ๕) มาตรการเปิดเผยข้อมูล (ฉบับที่ ๒) สาธารณะ"
    assert split_projects(cell) == [(4, "มาตรการปรับปรุงศูนย์ข้อมูล"), (5, "มาตรการเปิดเผยข้อมูล (ฉบับที่ ๒) สาธารณะ")]
    assert split_projects("12) a 13) b") == [(12, "a"), (13, "b")]


@pytest.mark.parametrize(
    ("cell", "units"),
    [
        ("สป. ทุกส่วน ราชการ", ["สป.", "ทุกส่วนราชการ"]),
        ("ศึกษาฯ ศพด.", ["ศึกษาฯ ศพด."]),
        ("สป. สป. สป. สป. ทุกส่วน ราชการ สป.", ["สป.", "สป.", "สป.", "สป.", "ทุกส่วนราชการ", "สป."]),
        ("ศึกษาฯ สป.", ["ศึกษาฯ", "สป."]),
        ("กองคลัง", ["กองคลัง"]),
        ("-", []),
        ("", []),
    ],
)
def test_split_units(cell, units):
    assert split_units(cell) == units


def test_thai_join_has_no_space_between_thai_letters():
    assert thai_join("ปฏิบัติงานสำหรับบุคคล", "ในองค์กร") == "ปฏิบัติงานสำหรับบุคคลในองค์กร"
    assert thai_join("(สำนักงาน, กองงาน)", "จำนวน ๖ คน") == "(สำนักงาน, กองงาน) จำนวน ๖ คน"
    assert thai_join("NO Gift", "Policy") == "NO Gift Policy"


def test_list_items_with_sub_items_and_wrapped_lines():
    body = [
        (1, "- ๑) จัดทำมาตรการ"),
        (2, "และขออนุมัติ"),
        (3, ""),
        (4, "๒) ประชุมคณะทำงานฯ"),
        (5, "๒.๑) กำหนดแนวทาง"),
        (6, "- ข้อมูลพื้นฐาน"),
        (7, ""),
        (8, "ต่อจากบรรทัดก่อน"),
        (9, "๓) รายงานผล"),
    ]
    items = split_items(body)
    assert [(i.number, i.line) for i in items] == [(1, 1), (2, 4), (3, 9)]
    assert items[0].full() == "จัดทำมาตรการและขออนุมัติ"
    assert items[1].full() == "ประชุมคณะทำงานฯ\n๒.๑) กำหนดแนวทาง\n- ข้อมูลพื้นฐานต่อจากบรรทัดก่อน"


def test_unnumbered_paragraphs_are_separate_items():
    items = split_items([(1, "ประชาชนพึงพอใจ"), (2, ""), (3, "ข้อร้องเรียนลดลง")])
    assert [i.full() for i in items] == ["ประชาชนพึงพอใจ", "ข้อร้องเรียนลดลง"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("มีการเผยแพร่ อย่างน้อย ๓ ช่องทาง", (">=", 3, "ช่องทาง")),
        ("มีความรู้ ไม่น้อยกว่าร้อยละ ๘๐ (สำรวจ)", (">=", 80, "ร้อยละ")),
        ("พึงพอใจ ไม่ต่ำกว่า ร้อยละ 75", (">=", 75, "ร้อยละ")),
        ("การทุจริตลดลง ร้อยละ ๕", ("decrease", 5, "ร้อยละ")),
        ("ผ่านเกณฑ์ (๘๕ คะแนนขึ้นไป)", (">=", 85, "คะแนน")),
        ("มีประกาศ จำนวน ๑ ฉบับ", ("=", 1, "ฉบับ")),
        ("ปฏิบัติตาม จำนวนร้อยละ ๑๐๐ (สำรวจ)", ("=", 100, "ร้อยละ")),
        ("ค่าใช้จ่าย ไม่เกินร้อยละ ๑๐", ("<=", 10, "ร้อยละ")),
        ("จำนวนข้อร้องเรียน ลดลง", ("decrease", None, "")),
    ],
)
def test_kpi_patterns(text, expected):
    kpi = kpi_from_text("output", text, 7)
    assert kpi is not None
    assert (kpi.comparator, kpi.target, kpi.unit) == expected
    assert kpi.indicator == text and kpi.line == 7


def test_text_without_a_measure_is_no_kpi():
    assert kpi_from_text("outcome", "ประชาชนมีค่านิยมที่ดี", 1) is None
    assert kpi_from_text("output", "จำนวนบุคคล หน่วยงาน องค์กรดีเด่น ได้รับการยกย่อง", 1) is None


def test_target_group_counts():
    g = target_group_from_text("เด็กและเยาวชนในเขตพื้นที่ จำนวน ๕๐ คน", 3)
    assert (g.description, g.count, g.unit, g.line) == ("เด็กและเยาวชนในเขตพื้นที่", 50, "คน", 3)
    g = target_group_from_text("ชุมชน จำนวน 1,200 ครัวเรือน", 4)
    assert (g.count, g.unit) == (1200, "ครัวเรือน")
    assert target_group_from_text("ข้าราชการเทศบาล", 5).count is None


def test_name_key_ignores_spacing_quotes_and_the_organisation():
    org = ("เทศบาลตำบลเขมราฐ",)
    assert name_key("มาตรการ “ส่งเสริมการปฏิบัติงาน”", org) == name_key("มาตรการส่งเสริมการ ปฏิบัติงาน", org)
    assert name_key("มาตรการป้องกันผลประโยชน์ทับซ้อนของหน่วยงาน", org) == name_key(
        "มาตรการป้องกันผลประโยชน์ทับซ้อนของเทศบาลตำบลเขมราฐ", org
    )
    assert name_key("กิจกรรมเลื่อนขึ้นเงินเดือน", org) != name_key("กิจกรรมเลื่อนขั้นเงินเดือน", org)


def test_dewrap_removes_only_the_spaces_the_running_text_lacks():
    cell = "การจัดทำระบบ ตรวจสอบภายใน การควบคุมภายใน และการบริหารความเสี่ยง การทุจริต"
    running = "การจัดวางระบบตรวจสอบภายในและการบริหารความเสี่ยงการทุจริต"
    assert dewrap(cell, running) == "การจัดทำระบบตรวจสอบภายใน การควบคุมภายในและการบริหารความเสี่ยงการทุจริต"
    assert dewrap("NO Gift Policy", "มาตรการ NO Gift Policy") == "NO Gift Policy"
