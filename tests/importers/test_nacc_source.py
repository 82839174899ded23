"""The reader against the real Khemarat plan: what it extracts, count by count and baht by baht."""

from __future__ import annotations

import pytest

from itatui.domain.thai import to_arabic

YEARS = [2566, 2567, 2568, 2569, 2570]


def test_cover_organisation_title_period(parsed):
    assert parsed.organisation.name == "เทศบาลตำบลเขมราฐ"
    assert parsed.organisation.district == "เขมราฐ"
    assert parsed.organisation.province == "อุบลราชธานี"
    assert parsed.organisation.line == 12
    assert parsed.title == "แผนปฏิบัติการป้องกันการทุจริตเพื่อยกระดับคุณธรรมและความโปร่งใสขององค์กรปกครองส่วนท้องถิ่น"
    assert (parsed.start_year, parsed.end_year) == (2566, 2570)
    assert parsed.fiscal_years == YEARS


def test_declared_counts_are_kept_as_the_document_states_them(parsed):
    assert (parsed.declared_total, parsed.declared_total_line) == (62, 23)
    assert [(d.number, d.declared_count, d.declared_line) for d in parsed.dimensions] == [
        (1, 18, 25), (2, 29, 27), (3, 8, 29), (4, 7, 31)
    ]
    assert (parsed.stated_total, parsed.stated_total_line) == (25, 125)


def test_counts_per_dimension_and_mission(parsed):
    assert [(d.number, len(d.projects)) for d in parsed.dimensions] == [(1, 3), (2, 15), (3, 2), (4, 5)]
    per_mission = {m.code: [p.number for p in m.projects] for m in parsed.missions}
    assert per_mission == {
        "1.1": [1], "1.2": [2], "1.3": [3],
        "2.1": [4, 5], "2.2": [6, 7, 8, 9, 10, 11, 12, 13], "2.3": [14, 15, 16, 17, 18],
        "3.1": [19], "3.2": [20], "3.3": [],
        "4.1": [25, 26, 27], "4.2": [], "4.3": [28, 29],
    }
    assert len(parsed.projects) == 25
    assert [p.number for p in parsed.projects] == list(range(1, 21)) + list(range(25, 30))


def test_dimension_and_mission_names_and_lines(parsed):
    names = {d.number: d.name for d in parsed.dimensions}
    assert names == {
        1: "การสร้างวัฒนธรรมสุจริต",
        2: "การบริหารราชการด้วยความโปร่งใส",
        3: "การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน",
        4: "การยกระดับกลไกการตรวจสอบการดำเนินงานขององค์กรปกครองส่วนท้องถิ่น",
    }
    assert [d.line for d in parsed.dimensions] == [129, 136, 143, 150]
    missions = {m.code: m for m in parsed.missions}
    # Part 2 wraps names inside cells; where Part 3 has the same letters its spacing is used.
    assert missions["1.1"].name.startswith("การเสริมสร้างจิตสำนึกและความตระหนักแก่บุคลากรทั้งข้าราชการการเมืองฝ่ายบริหาร")
    assert missions["3.3"].name == "ส่งเสริมการมีส่วนร่วมของภาคประชาชนและบูรณาการทุกภาคส่วนเพื่อต่อต้านการทุจริต"
    assert (missions["3.3"].line, missions["3.3"].sheet_line) == (145, 1517)
    assert (missions["4.2"].line, missions["4.2"].sheet_line) == (151, 1726)


def test_kinds_come_from_the_name_prefix(parsed):
    kinds = {p.number: p.kind for p in parsed.projects}
    assert kinds[1] == "measure"  # มาตรการ “ส่งเสริม…”
    assert kinds[2] == "activity"  # กิจกรรม…
    assert kinds[3] == "project"  # โครงการ…
    assert kinds[14] == "activity"  # กิจกรรม “การจัดทำข้อตกลง…”
    assert [n for n, k in kinds.items() if k == "measure"] == [1, 4, 5, 6, 7, 8, 10, 13, 18, 20, 27, 28, 29]
    assert [n for n, k in kinds.items() if k == "project"] == [3, 11, 12, 15, 16, 17, 19, 25]
    assert [n for n, k in kinds.items() if k == "activity"] == [2, 9, 14, 26]


def test_budgets_per_project_and_year(parsed):
    budgets = {p.number: [p.budget(y) for y in YEARS] for p in parsed.projects}
    assert budgets[4] == [10000] * 5  # the shared 10,000 row, given to project 4 (Part 3 says so)
    assert budgets[5] == [None] * 5
    assert budgets[19] == [20000] * 5
    for number, amounts in budgets.items():
        if number not in (4, 19):
            assert amounts == [None] * 5, number
    p4 = parsed.project(4)
    assert [b.raw for b in p4.budgets] == ["๑๐,๐๐๐.-"] * 5
    assert [b.raw for b in parsed.project(7).budgets] == ["-"] * 5


def test_subtotals_and_grand_total_as_stated(parsed):
    subtotals = {d.number: (d.subtotal.line, d.subtotal.count, [d.subtotal.amounts[y] for y in YEARS]) for d in parsed.dimensions}
    assert subtotals == {
        1: (132, 3, [None] * 5),
        2: (142, 15, [10000] * 5),
        3: (146, 2, [20000] * 5),
        4: (153, 5, [None] * 5),
    }
    g = parsed.grand_total
    assert (g.line, g.count) == (154, 25)  # "จำนวน ๒๕โครงการ" has no space before โครงการ
    assert [g.amounts[y] for y in YEARS] == [30000] * 5
    # …and they agree with the sums of the projects.
    for d in parsed.dimensions:
        for y in YEARS:
            assert (d.subtotal.amounts[y] or 0) == sum(p.budget(y) or 0 for p in d.projects)
    assert all(sum(p.budget(y) or 0 for p in parsed.projects) == 30000 for y in YEARS)


def test_responsible_units(parsed):
    units = {p.number: p.units for p in parsed.projects}
    assert units[1] == ["สป."]
    assert units[3] == ["ศึกษาฯ ศพด."]  # one unit, though the cell has a space in it
    assert units[4] == ["สป."] and units[5] == ["ทุกส่วนราชการ"]  # "สป. ทุกส่วน ราชการ", one each
    for n in range(6, 14):  # 6 units for 8 projects: every project gets all the cell names
        assert units[n] == ["สป.", "ทุกส่วนราชการ"]
    for n in range(14, 19):  # one unit for the whole cell
        assert units[n] == ["ทุกส่วนราชการ"]
    assert units[19] == ["สป.", "ทุกส่วนราชการ"]
    assert [u.code for u in parsed.units] == ["สป.", "ศึกษาฯ ศพด.", "ทุกส่วนราชการ"]
    assert [u.is_all for u in parsed.units] == [False, False, True]
    assert parsed.units[0].name == "สำนักปลัด"


def test_every_project_has_its_sheet_with_the_line_it_starts_on(parsed):
    sheet_lines = {p.number: p.sheet.line for p in parsed.projects}
    assert sheet_lines == {
        1: 166, 2: 241, 3: 306, 4: 376, 5: 446, 6: 553, 7: 622, 8: 680, 9: 742, 10: 794, 11: 847, 12: 908,
        13: 972, 14: 1034, 15: 1107, 16: 1167, 17: 1223, 18: 1292, 19: 1362, 20: 1423, 25: 1526, 26: 1587,
        27: 1659, 28: 1732, 29: 1808,
    }
    assert {p.number: p.line for p in parsed.projects}[13] == 137


def test_sheet_sections_with_and_without_an_area(parsed):
    s1 = parsed.project(1).sheet  # no พื้นที่ดำเนินการ: sections ๑.–๙.
    assert s1.area == ""
    assert s1.section_lines["results"] == 224
    assert len(s1.objectives) == 5
    assert s1.method_steps[1] == "กำหนดแนวทาง รูปแบบ และช่องทางการเผยแพร่ประมวลจริยธรรมสำหรับบุคคลในองค์กรและสาธารณชน"
    assert len(s1.method_steps) == 7
    assert s1.budget_text == "ไม่ใช้งบประมาณ"
    assert s1.period == "ปีงบประมาณ พ.ศ. ๒๕๖๖ - ๒๕๗๐"
    assert s1.owner == "เทศบาลตำบลเขมราฐ"
    assert len(s1.outputs) == 2 and len(s1.outcomes) == 1
    s3 = parsed.project(3).sheet  # with an area: sections ๑.–๑๐.
    assert s3.area == "เทศบาลตำบลเขมราฐ"
    assert s3.section_lines == {
        "rationale": 308, "objectives": 314, "targets": 320, "area": 324, "method": 328, "period": 338,
        "budget": 342, "owner": 346, "results": 350,
    }
    assert len(s3.outputs) == 2 and len(s3.outcomes) == 3
    # sub-items stay inside their step, on their own lines
    s5 = parsed.project(5).sheet
    assert len(s5.method_steps) == 4
    assert "\n๒.๑.๓) การบริหารเงินงบประมาณ" in s5.method_steps[1]
    assert parsed.project(4).sheet.budget_text == "๑๐,๐๐๐ บาท"


def test_sheet_name_as_part_3_spells_it(parsed):
    assert parsed.project(2).sheet.name == (
        "กิจกรรมยกย่องและเชิดชูเกียรติแก่บุคคล หน่วยงาน องค์กรดีเด่น ผู้ทำคุณประโยชน์หรือเข้าร่วมในกิจกรรมของเทศบาลตำบลเขมราฐ"
    )
    assert parsed.project(6).sheet.name.startswith("มาตรการแสดงเจตนาารมณในการนำหลักคุณธรรม")  # ** marks dropped
    assert parsed.project(14).sheet.name == "กิจกรรม “การจัดทำข้อตกลงการปฏิบัติราชการของเทศบาลตำบลเขมรราช”"
    # Part 2's words are kept where the two differ by more than spacing (without the table cell's wrap
    # spaces, which Part 3's running text shows are not part of the name)…
    assert parsed.project(14).name == "กิจกรรม “การจัดทำข้อตกลงการปฏิบัติราชการของเทศบาลตำบลเขมราฐ”"
    assert parsed.project(20).name == "มาตรการจัดการเรื่องราวจ้องทุกข์/ร้องเรียนของเทศบาลตำบลเขมราฐ"
    missions = {m.code: m.name for m in parsed.missions}
    assert missions["3.1"] == "การส่งเสริมให้ประชาชนมีส่วนร่วมบริหารกิจการขององค์กรปกครองส่วนท้องถิ่น"
    assert missions["4.1"] == "การจัดทำระบบตรวจสอบภายใน การควบคุมภายในและการบริหารความเสี่ยงการทุจริต"
    # …and Part 3's spacing is used where the letters are the same.
    assert parsed.project(11).name == "โครงการประเมินความพึงพอใจของประชาชนที่มีต่อการให้บริการของเทศบาลตำบลเขมราฐ"


def test_target_groups_with_counts_and_units(parsed):
    groups = {p.number: [(g.description, g.count, g.unit) for g in p.sheet.target_groups] for p in parsed.projects}
    assert groups[2] == [
        ("ประชาชน หน่วยงาน องค์กรทั้งภาครัฐและภาคเอกชนในเขตพื้นที่เทศบาลตำบลเขมราฐ", 10, "คน"),
        ("ผู้ทำคุณประโยชน์ และมีส่วนร่วมในกิจกรรมของเทศบาลตำบลเขมราฐ", 10, "คน"),
    ]
    assert groups[6] == [("คณะผู้บริหาร สมาชิกสภาเทศบาล พนักงานเทศบาลและพนักงานจ้าง", 35, "คน"), ("ประชาชน", 15, "คน")]
    assert groups[7] == [("คณะผู้บริหาร สมาชิกสภาเทศบาล และบุคลากรของเทศบาลตำบลเขมราฐ", 50, "คน")]  # "เป้าหมาย/ผลผลิต"
    assert groups[9] == [("ข้าราชการเทศบาลตำบลเขมราฐ", None, "")]
    assert groups[27][0][1:] == (6, "คน")
    assert sum(g[1] or 0 for gs in groups.values() for g in gs) == 1534


@pytest.mark.parametrize(
    ("number", "kind", "comparator", "target", "unit"),
    [
        (1, "output", ">=", 3, "ช่องทาง"),  # อย่างน้อย ๓ ช่องทาง
        (1, "output", ">=", 80, "ร้อยละ"),  # ไม่น้อยกว่าร้อยละ ๘๐
        (4, "outcome", ">=", 80, "ร้อยละ"),  # ไม่ต่ำกว่าร้อยละ ๘๐
        (6, "outcome", ">=", 85, "คะแนน"),  # (๘๕ คะแนนขึ้นไป)
        (7, "output", "=", 1, "ฉบับ"),  # จำนวน ๑ ฉบับ
        (18, "output", ">=", 4, "ฉบับ"),  # จำนวนไม่น้อยกว่า ๔ ฉบับ
        (25, "outcome", "decrease", 5, "ร้อยละ"),  # ลดลง ร้อยละ ๕
        (27, "output", ">=", 5, "เรื่อง"),  # อย่างน้อยจำนวน ๕ เรื่อง
        (10, "outcome", "decrease", None, ""),  # … ลดลง
    ],
)
def test_kpis_read_from_outputs_and_outcomes(parsed, number, kind, comparator, target, unit):
    kpis = [(k.kind, k.comparator, k.target, k.unit) for k in parsed.project(number).sheet.kpis]
    assert (kind, comparator, target, unit) in kpis


def test_kpi_totals_and_lines(parsed):
    kpis = [k for p in parsed.projects for k in p.sheet.kpis]
    assert len(kpis) == 39
    first = parsed.project(1).sheet.kpis
    assert [k.line for k in first] == [228, 229]
    assert first[1].indicator.startswith("คณะผู้บริหาร สมาชิกสภาเทศบาล")
    assert "ไม่น้อยกว่าร้อยละ ๘๐" in first[1].indicator


def test_risk_table_rows_and_levels(parsed):
    assert parsed.risk_title == "การประเมินความเสี่ยงการทุจริตในองค์กร"
    rows = [(r.number, r.line, [(i.number, i.level) for i in r.issues], [c.number for c in r.controls]) for r in parsed.risks]
    assert rows == [
        (1, 57, [(1, "medium"), (2, "medium"), (3, "medium")], [1, 2, 3]),
        (2, 58, [(1, "medium")], [1]),
        (3, 59, [(1, "high"), (2, "medium")], [1]),  # "สูง ปานกลาง": two issues, two levels
        (4, 62, [(1, "high"), (2, "high"), (3, "high")], [1, 2, 3]),
    ]
    assert parsed.risks[1].name == "การบริหารงานบุคคล"
    assert parsed.risks[2].issues[1].description == "นำทรัพย์สินของทาง ราชการไปใช้ประโยชน์ส่วน ตน"


def test_risk_controls_linked_to_the_projects_they_name(parsed):
    links = {(r.number, c.number): c.project_number for r in parsed.risks for c in r.controls}
    assert links == {(1, 1): 6, (1, 2): 13, (1, 3): 1, (2, 1): 9, (3, 1): 10, (4, 1): 7, (4, 2): 12, (4, 3): 29}


def test_targets_table(parsed):
    targets = {(t.kind, t.fiscal_year): t.target for t in parsed.targets}
    assert [targets[("ita_score", y)] for y in YEARS] == [70, 75, 80, 85, 90]
    assert [targets[("case_reduction_pct", y)] for y in YEARS] == [10, 20, 30, 40, 50]
    assert {t.line for t in parsed.targets} == {101, 102}


def test_eplan_target_groups_suggested_from_wording(parsed):
    assert parsed.project(1).eplan_target_groups == ["political_executive", "political_council", "local_officials"]
    assert parsed.project(3).eplan_target_groups == ["youth"]
    assert parsed.project(19).eplan_target_groups == ["citizens"]


def test_arabic_digits_read_the_same(source_text, parsed):
    from itatui.importers import parse_plan_text

    arabic = parse_plan_text(to_arabic(source_text))
    assert [(p.number, p.units, [b.amount for b in p.budgets]) for p in arabic.projects] == [
        (p.number, p.units, [b.amount for b in p.budgets]) for p in parsed.projects
    ]
    assert [(d.number, d.declared_count, d.subtotal.count) for d in arabic.dimensions] == [
        (d.number, d.declared_count, d.subtotal.count) for d in parsed.dimensions
    ]
    assert [(t.kind, t.fiscal_year, t.target) for t in arabic.targets] == [(t.kind, t.fiscal_year, t.target) for t in parsed.targets]
    assert sorted(f.code for f in arabic.findings) == sorted(f.code for f in parsed.findings)


def test_windows_line_endings_and_thai_code_page(source_text, parsed, tmp_path):
    from itatui.importers import parse_plan_file

    path = tmp_path / "plan-cp874.txt"
    path.write_bytes(source_text.replace("\n", "\r\n").encode("cp874", errors="replace"))
    again = parse_plan_file(path)
    assert len(again.projects) == 25
    assert [p.sheet.line for p in again.projects] == [p.sheet.line for p in parsed.projects]
