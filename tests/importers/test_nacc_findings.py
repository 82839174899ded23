"""Every inconsistency of the real Khemarat plan is reported, on the right line, and nothing is silently fixed;
checks the source plan does not trip are shown on edited copies of it."""

from __future__ import annotations

import pytest

from itatui.importers import Severity, parse_plan_text

# (code, line) of every finding the reader reports on the source plan — the whole report, so a new false alarm
# fails here as surely as a missed quirk.
EXPECTED = [
    ("declared_total_mismatch", 23),  # preface: 62 projects; Part 2 says 25; the table holds 25
    ("dimension_declared_mismatch", 25),  # 18 declared, 3 in the table
    ("dimension_declared_mismatch", 27),  # 29 / 15
    ("dimension_declared_mismatch", 29),  # 8 / 2
    ("dimension_declared_mismatch", 31),  # 7 / 5
    ("risk_control_matched", 57),  # control 1 omits "เทศบาลตำบลเขมราฐ" → project 6
    ("risk_control_approx", 58),  # "เลื่อนขึ้นเงินเดือน" for "เลื่อนขั้นเงินเดือน" → project 9
    ("risk_issue_unnumbered", 58),
    ("risk_control_matched", 59),  # "ของหน่วยงาน" → project 10
    ("risk_control_matched", 62),  # "ของหน่วยงาน" → project 29
    ("goal_differs_ita_score", 98),  # goals text: ITA 85 in 2570; targets table: 90
    ("stray_dash", 130),  # "…ของเทศบาลตำบลเขมราฐ-"
    ("shared_budget_resolved", 136),  # projects 4 and 5 share one 10,000 row
    ("units_ambiguous", 137),  # 6 units for projects 6–13
    ("misspelt_dimension", 139),  # "มติ" in the table header
    ("budget_extra_values", 143),  # "๒๐,๐๐๐.- -" for project 19 alone
    ("misspelt_dimension", 148),
    ("numbering_gap", 150),  # 20 → 25
    ("misspelt_dimension", 160),  # "มติที่ ๑" in Part 3
    ("section_no_area", 166),
    ("section_renamed", 224),  # "๙. ผลผลิต"
    ("section_no_area", 241),
    ("misspelt_dimension", 371),
    ("project_name_differs", 553),  # เจตนาภรณ์ (Part 2) / เจตนาารมณ (Part 3)
    ("section_renamed", 637),  # "๔. เป้าหมาย/ผลผลิต"
    ("target_group_no_count", 692),
    ("project_name_punctuation", 742),  # quotes only
    ("target_group_no_count", 754),
    ("target_group_no_count", 985),
    ("org_name_misspelt", 1034),  # เขมรราช
    ("project_name_differs", 1034),
    ("org_name_misspelt", 1040),
    ("org_name_misspelt", 1050),
    ("org_name_misspelt", 1054),
    ("misspelt_dimension", 1356),
    ("mission_name_differs", 1360),  # 3.1: Part 3 adds "จัดการ"
    ("project_name_differs", 1423),  # "เรื่องราวจ้องทุกข์" / "เรื่องร้องทุกข์"
    ("misspelt_dimension", 1521),
    ("mission_name_differs", 1524),  # 4.1: "การจัดทำระบบ…การควบคุมภายใน" / "การจัดวางระบบ…"
    ("template_placeholder", 1603),  # "ของระบุชื่อ องค์กรปกครองส่วนท้องถิ่น"
]


def _find(plan, code: str, line: int | None = None):
    hits = [f for f in plan.findings if f.code == code and (line is None or f.line == line)]
    assert hits, f"no {code} finding at line {line}; got {[(f.code, f.line) for f in plan.findings]}"
    return hits[0]


def test_the_whole_report_on_the_source_plan(parsed):
    assert sorted((f.code, f.line) for f in parsed.findings) == sorted(EXPECTED)


def test_every_finding_has_thai_and_english_text(parsed):
    for f in parsed.findings:
        assert f.message_th and f.message_en and f.message_th != f.message_en
        assert not f.message_th.startswith("import.finding."), f.code
    # sorted by line, so the report reads top to bottom
    lines = [f.line or 0 for f in parsed.findings]
    assert lines == sorted(lines)


def test_declared_counts_against_counted_items(parsed, source_text):
    f = _find(parsed, "declared_total_mismatch", 23)
    assert f.params == {"declared": "62", "counted": "25", "stated": "25"}
    assert f.other_lines == (125,)
    assert "๖๒" in source_text.split("\n")[22]
    declared = {f.params["dimension"]: (f.params["declared"], f.params["counted"]) for f in parsed.findings if f.code == "dimension_declared_mismatch"}
    assert declared == {"1": ("18", "3"), "2": ("29", "15"), "3": ("8", "2"), "4": ("7", "5")}
    assert f.severity is Severity.WARNING


def test_numbering_gap(parsed):
    f = _find(parsed, "numbering_gap", 150)
    assert f.params == {"missing": "21–24", "before": "20", "after": "25"}
    assert "๒๑" not in {str(p.number) for p in parsed.projects}


def test_shared_budget_row_is_attributed_and_reported(parsed):
    f = _find(parsed, "shared_budget_resolved", 136)
    assert f.params == {"numbers": "4, 5", "amount": "10,000", "stored": "4"}
    assert f.other_lines == (376, 446)  # the two sheets that settle it
    assert "10,000" in f.message_en and "project 4" in f.message_en


def test_extra_budget_values_are_reported(parsed):
    f = _find(parsed, "budget_extra_values", 143)
    assert f.params["numbers"] == "19" and f.params["cell"] == "๒๐,๐๐๐.- -"


def test_ambiguous_units_say_what_was_stored(parsed):
    f = _find(parsed, "units_ambiguous", 137)
    assert f.params == {"numbers": "6–13", "count": "8", "units": "6", "stored": "สป., ทุกส่วนราชการ"}


def test_stray_dash_is_reported_not_silently_dropped(parsed, source_text):
    assert "ของเทศบาลตำบลเขมราฐ-\t" in source_text.split("\n")[129]
    _find(parsed, "stray_dash", 130)
    assert not parsed.project(2).name.endswith("-")


def test_misspelt_dimension_word_accepted_and_reported(parsed, source_text):
    lines = source_text.split("\n")
    flagged = sorted(f.line for f in parsed.findings if f.code == "misspelt_dimension")
    assert flagged == [139, 148, 160, 371, 1356, 1521]
    assert all("มติ" in lines[n - 1] for n in flagged)
    assert [d.sheet_line for d in parsed.dimensions] == [160, 371, 1356, 1521]  # read as dimension headings anyway


def test_names_that_differ_between_part_2_and_part_3(parsed):
    differs = {f.params["number"]: f for f in parsed.findings if f.code == "project_name_differs"}
    assert set(differs) == {"6", "14", "20"}
    assert differs["20"].params["part2"] == "มาตรการจัดการเรื่องราวจ้องทุกข์/ร้องเรียน ของเทศบาลตำบลเขมราฐ"
    assert differs["20"].params["part3"] == "มาตรการจัดการเรื่องร้องทุกข์/ร้องเรียนของเทศบาลตำบลเขมราฐ"
    assert differs["14"].other_lines == (141,)
    punct = _find(parsed, "project_name_punctuation", 742)
    assert punct.params["number"] == "9" and punct.severity is Severity.INFO
    missions = {f.params["code"]: f.line for f in parsed.findings if f.code == "mission_name_differs"}
    assert missions == {"3.1": 1360, "4.1": 1524}


def test_goal_text_against_targets_table(parsed):
    f = _find(parsed, "goal_differs_ita_score", 98)
    assert f.params == {"year": "2570", "goal": "85", "target": "90"}
    assert f.other_lines == (102,)
    assert not [x for x in parsed.findings if x.code == "goal_differs_case_reduction_pct"]  # 50 % agrees


def test_risk_table_quirks(parsed):
    assert _find(parsed, "risk_control_approx", 58).params["number"] == "9"
    matched = sorted(int(f.params["number"]) for f in parsed.findings if f.code == "risk_control_matched")
    assert matched == [6, 10, 29]
    assert _find(parsed, "risk_issue_unnumbered", 58).params == {"process": "2"}


def test_sheet_layout_quirks(parsed):
    assert _find(parsed, "section_renamed", 637).params == {"title": "เป้าหมาย/ผลผลิต", "expected": "กลุ่มเป้าหมาย"}
    assert _find(parsed, "section_renamed", 224).params["title"] == "ผลผลิต"
    assert sorted(f.line for f in parsed.findings if f.code == "section_no_area") == [166, 241]
    assert sorted(f.line for f in parsed.findings if f.code == "target_group_no_count") == [692, 754, 985]


def test_organisation_misspelt_and_template_placeholder(parsed):
    assert sorted(f.line for f in parsed.findings if f.code == "org_name_misspelt") == [1034, 1040, 1050, 1054]
    assert _find(parsed, "org_name_misspelt", 1050).params == {"found": "เทศบาลตำบลเขมรราช", "expected": "เทศบาลตำบลเขมราฐ"}
    assert "ระบุชื่อ" in _find(parsed, "template_placeholder", 1603).params["text"]


def test_no_errors_on_the_source_plan(parsed):
    assert [f for f in parsed.findings if f.severity is Severity.ERROR] == []


# ---- checks the source plan passes, shown on edited copies --------------------------------------------------


def _edit(text: str, line: int, old: str, new: str) -> str:
    lines = text.split("\n")
    assert old in lines[line - 1], (line, old, lines[line - 1][:80])
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    return "\n".join(lines)


def _delete(text: str, first: int, last: int) -> str:
    lines = text.split("\n")
    return "\n".join(lines[: first - 1] + lines[last:])


def _codes(plan) -> set[tuple[str, int | None]]:
    return {(f.code, f.line) for f in plan.findings}


def test_subtotal_and_grand_total_against_sums(source_text):
    text = _edit(source_text, 142, "๑๐,๐๐๐.-", "๑๕,๐๐๐.-")  # 2566 subtotal of dimension 2
    text = _edit(text, 154, "๓๐,๐๐๐.-\t๓๐,๐๐๐.-\t๓๐,๐๐๐.-\t๓๐,๐๐๐.-\t๓๐,๐๐๐.-", "๓๐,๐๐๐.-\t๓๐,๐๐๐.-\t๓๐,๐๐๐.-\t๓๐,๐๐๐.-\t๔๐,๐๐๐.-")
    text = _edit(text, 132, "จำนวน ๓ โครงการ", "จำนวน ๔ โครงการ")
    plan = parse_plan_text(text)
    sub = _find(plan, "subtotal_budget_mismatch", 142)
    assert sub.params == {"year": "2566", "stated": "15,000", "summed": "10,000", "dimension": "2"}
    grand = _find(plan, "grand_total_budget_mismatch", 154)
    assert grand.params == {"year": "2570", "stated": "40,000", "summed": "30,000"}
    assert _find(plan, "subtotal_count_mismatch", 132).params == {"dimension": "1", "stated": "4", "counted": "3"}
    # the stated figures are kept as stated, the projects' budgets untouched
    assert plan.dimensions[1].subtotal.amounts[2566] == 15000
    assert plan.project(4).budget(2566) == 10000


def test_same_project_budgeted_differently_in_part_3(source_text):
    plan = parse_plan_text(_edit(source_text, 1403, "๒๐,๐๐๐ บาท", "๒๕,๐๐๐ บาท"))
    f = _find(plan, "project_budget_differs", 1401)
    assert f.params["number"] == "19" and f.params["part3"] == "๒๕,๐๐๐ บาท"
    assert plan.project(19).budget(2566) == 20000  # Part 2 is stored, the finding says so


def test_shared_budget_part_3_cannot_settle(source_text):
    plan = parse_plan_text(_edit(source_text, 428, "๑๐,๐๐๐ บาท", "ไม่ใช้งบประมาณของทางราชการ"))
    f = _find(plan, "shared_budget", 136)
    assert f.params == {"numbers": "4, 5", "amount": "10,000", "stored": "4"}
    assert "first" in f.message_en
    assert plan.project(4).budget(2567) == 10000 and plan.project(5).budget(2567) is None


def test_sheet_matching_no_project(source_text):
    plan = parse_plan_text(_edit(source_text, 1362, "โครงการจัดเวทีประชาคม", "โครงการปลูกต้นไม้ริมถนนสายหลัก"))
    assert _find(plan, "sheet_unmatched", 1362).params["name"] == "โครงการปลูกต้นไม้ริมถนนสายหลัก"
    assert _find(plan, "project_without_sheet", 143).params == {"number": "19"}
    assert plan.project(19).sheet is None


def test_numbering_out_of_order(source_text):
    # 20 written before 19: both kept, the order reported
    text = _edit(source_text, 143, "๑๙) โครงการ", "๒๑) โครงการ")
    text = _edit(text, 144, "๒๐) มาตรการ", "๑๙) มาตรการ")
    plan = parse_plan_text(text)
    assert _find(plan, "numbering_order", 144).params == {"number": "19", "previous": "21"}
    assert [p.number for p in plan.dimensions[2].projects] == [21, 19]


def test_text_the_reader_cannot_place(source_text):
    lines = source_text.split("\n")
    lines.insert(146, "ข้อความที่หลงมาในตาราง")  # becomes line 147, inside the Part 2 table
    plan = parse_plan_text("\n".join(lines))
    f = _find(plan, "unplaced_line", 147)
    assert f.severity is Severity.ERROR and f.params["text"] == "ข้อความที่หลงมาในตาราง"


def test_risk_levels_that_cannot_be_paired(source_text):
    plan = parse_plan_text(_edit(source_text, 59, "\tสูง ปานกลาง\t", "\tสูง ปานกลาง ต่ำ\t"))
    assert _find(plan, "risk_levels_mismatch", 59).params == {"process": "3", "levels": "สูง ปานกลาง ต่ำ", "issues": "2"}


def test_risk_control_naming_no_project(source_text):
    plan = parse_plan_text(_edit(source_text, 58, "๑. กิจกรรมสร้างความโปร่งใสในการ พิจารณาเลื่อนขึ้นเงินเดือน", "๑. มาตรการตรวจสอบประวัติผู้สมัครงาน"))
    assert _find(plan, "risk_control_unmatched", 58).params == {"process": "2", "control": "1"}
    assert plan.risks[1].controls[0].project_number is None


def test_missing_section_and_numbering(source_text):
    plan = parse_plan_text(_delete(source_text, 1405, 1408))  # "๙. ผู้รับผิดชอบ" of project 19 and its text
    assert _find(plan, "section_missing", 1362).params == {"sections": "ผู้รับผิดชอบ"}
    assert _find(plan, "section_numbering", 1405).params == {"found": "10", "expected": "9"}


def test_name_without_a_kind_word_and_a_missing_unit(source_text):
    text = _edit(source_text, 143, "๑๙) โครงการจัดเวทีประชาคม", "๑๙) จัดเวทีประชาคม")
    text = _edit(text, 144, "ของเทศบาลตำบลเขมราฐ\t-\t-\t-\t-\t-\tสป.", "ของเทศบาลตำบลเขมราฐ\t-\t-\t-\t-\t-\t")
    plan = parse_plan_text(text)
    _find(plan, "kind_not_stated", 143)
    assert plan.project(19).kind == "project"
    _find(plan, "no_unit", 144)
    assert plan.project(20).units == []


def test_unreadable_budget(source_text):
    plan = parse_plan_text(_edit(source_text, 143, "๒๐,๐๐๐.- -", "สองหมื่น"))
    assert _find(plan, "budget_unreadable", 143).params == {"text": "สองหมื่น"}
    assert plan.project(19).budget(2566) is None


def test_goal_for_cases_and_declared_sum(source_text):
    text = _edit(source_text, 96, "ร้อยละ ๕๐", "ร้อยละ ๖๐")
    text = _edit(text, 25, "จำนวน ๑๘ โครงการ", "จำนวน ๑๙ โครงการ")
    plan = parse_plan_text(text)
    assert _find(plan, "goal_differs_case_reduction_pct", 96).params == {"year": "2570", "goal": "60", "target": "50"}
    assert _find(plan, "declared_sum_mismatch", 23).params == {"total": "62", "parts": "63"}


def test_sheet_period_outside_the_plan(source_text):
    plan = parse_plan_text(_edit(source_text, 1399, "๒๕๖๖ - ๒๕๗๐", "๒๕๖๖ - ๒๕๖๘"))
    assert _find(plan, "sheet_period_differs", 1397).params["number"] == "19"


def test_dimension_heading_renamed_and_extra_mission(source_text):
    text = _edit(source_text, 160, "การสร้างวัฒนธรรมสุจริต", "การสร้างค่านิยมสุจริต")
    lines = text.split("\n")
    lines[1518:1518] = ["๓.๔ ภารกิจที่ไม่มีในตาราง", ""]  # after 3.3's "-ไม่มีโครงการ-", before dimension 4
    plan = parse_plan_text("\n".join(lines))
    f = _find(plan, "dimension_name_differs", 160)
    assert f.params["part3"] == "การสร้างค่านิยมสุจริต"
    assert plan.dimensions[0].name == "การสร้างวัฒนธรรมสุจริต"
    assert _find(plan, "mission_only_in_part3", 1519).params == {"code": "3.4"}


@pytest.mark.parametrize("code", sorted({c for c, _ in EXPECTED}))
def test_catalogue_has_each_source_finding(code):
    from itatui.i18n import CATALOGUE

    assert f"import.finding.{code}" in CATALOGUE
