"""CSV and XLSX imports with bad rows, evaluations import, grievance into the queue, survey into the KPI, export."""

import json

import pytest

from itatui.store import committees as C
from itatui.store.org import save_organisation
from tests.committee_fixtures import evaluation_of, office, score_and_screen, secretary

TH_HEADER = ["รหัส", "ชื่อ-สกุล", "ตำแหน่ง", "ระดับ", "สังกัด", "ประเภท", "เงินเดือน", "วันที่บรรจุ"]
EN_HEADER = ["staff_code", "name", "position", "position_level", "unit", "kind", "salary", "start_date"]


def _csv(path, header, rows):
    import csv

    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def _xlsx(path, header, rows):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


@pytest.fixture
def sec(engine, admin):
    save_organisation(engine, admin, "เทศบาลตำบลเขมราฐ")
    return secretary(engine, admin)


GOOD = [
    ["S001", "นายสมชาย ใจดี", "นักจัดการงานทั่วไป", "ชำนาญการ", "สป.", "พนักงานเทศบาล", "๒๕,๐๐๐", "1/10/2560"],
    ["S002", "นางสมศรี ใจดี", "ครู", "คศ.2", "กองการศึกษา", "พนักงานครูเทศบาล", "31000", "2015-05-16"],
]


def test_csv_with_thai_headers_previews_then_imports(engine, sec, tmp_path):
    f = _csv(tmp_path / "staff.csv", TH_HEADER, GOOD)
    preview = C.import_staff(engine, sec, f, check=True)
    assert [a.code for a in preview.adds] == ["S001", "S002"] and preview.new_units == ("สป.", "กองการศึกษา")
    assert C.list_staff(engine, sec).total == 0  # --check wrote nothing
    C.import_staff(engine, sec, f)
    rows = {r.code: r for r in C.list_staff(engine, sec).rows}
    assert (rows["S001"].salary, rows["S001"].start_date.isoformat(), rows["S002"].kind) == (25_000, "2017-10-01", "teacher")
    changed = [["S001", "นายสมชาย ใจดี", "นักจัดการงานทั่วไป", "ชำนาญการ", "กองคลัง", "พนักงานเทศบาล", "26000", "1/10/2560"]]
    again = C.preview_staff(engine, sec, _csv(tmp_path / "s2.csv", TH_HEADER, changed))
    assert again.changes == (("S001", ("unit", "salary")),) and again.new_units == ("กองคลัง",) and not again.adds


def test_bad_rows_are_listed_with_their_row_numbers_and_nothing_is_written(engine, sec, tmp_path):
    rows = GOOD + [
        ["", "นายไม่มี รหัส", "", "", "", "พนักงานจ้าง", "9000", ""],
        ["S003", "นายผิด ประเภท", "", "", "", "ข้าราชการ", "abc", "31/2/2560"],
        ["S001", "นายซ้ำ รหัส", "", "", "", "พนักงานจ้าง", "9000", ""],
    ]
    for f in (_csv(tmp_path / "bad.csv", EN_HEADER, rows), _xlsx(tmp_path / "bad.xlsx", EN_HEADER, rows)):
        preview = C.import_staff(engine, sec, f)
        assert [b.row for b in preview.bad_rows] == [4, 5, 6]
        assert preview.bad_rows[0].problems == ("committee.import.field.code:err.required",)
        assert set(preview.bad_rows[1].problems) == {"committee.import.field.kind:committee.err.kind",
                                                     "committee.import.field.salary:err.not_a_number",
                                                     "committee.import.field.start_date:err.date_invalid"}
        assert preview.bad_rows[2].problems == ("committee.import.duplicate",)
        assert C.list_staff(engine, sec).total == 0


def test_xlsx_with_english_headers_and_real_dates(engine, sec, tmp_path):
    from datetime import datetime

    rows = [["T1", "นางครู ดีมาก", "ครู", "คศ.1", "ศพด.", "teacher", 18_000, datetime(2020, 5, 16)]]
    C.import_staff(engine, sec, _xlsx(tmp_path / "s.xlsx", EN_HEADER, rows))
    row = C.list_staff(engine, sec).rows[0]
    assert (row.kind, row.salary, row.start_date.isoformat(), row.unit) == ("teacher", 18_000, "2020-05-16", "ศพด.")


def test_a_file_without_required_columns_is_refused(engine, sec, tmp_path):
    with pytest.raises(C.CommitteeError) as err:
        C.import_staff(engine, sec, _csv(tmp_path / "x.csv", ["รหัส", "ชื่อ-สกุล"], [["S1", "นาย ก ข"]]))
    assert err.value.key == "committee.import.missing_columns"


def test_evaluations_import_creates_the_round_and_weights_parts(engine, sec, tmp_path):
    C.import_staff(engine, sec, _csv(tmp_path / "staff.csv", TH_HEADER, GOOD))
    f = _csv(tmp_path / "ev.csv", ["staff_code", "achievement", "competency", "score"],
             [["S001", "90", "80", ""], ["S002", "", "", "78.5"], ["S999", "", "", "70"], ["S001", "101", "", ""]])
    preview = C.import_evaluations(engine, sec, f, 2569, 1)
    assert [b.row for b in preview.bad_rows] == [4, 5] and C.find_round(engine, sec, 2569, 1) is None
    f = _csv(tmp_path / "ev2.csv", ["staff_code", "achievement", "competency", "score"],
             [["S001", "90", "80", ""], ["S002", "", "", "78.5"]])
    C.import_evaluations(engine, sec, f, 2569, 1)
    rnd = C.find_round(engine, sec, 2569, 1)
    rows = {r.staff_code: r for r in C.list_evaluations(engine, sec, rnd.id).rows}
    assert (rows["S001"].score, rows["S001"].level) == (87.0, "very_good")
    assert (rows["S002"].score, rows["S002"].level) == (78.5, "good")


def test_grievance_lands_in_the_complaint_queue(engine, admin):
    from itatui.store.complaints import QueueFilters, list_complaints

    from itatui.domain.roles import Role
    from itatui.store.accounts import create_user

    o = office(engine, admin)
    # the desk must have an officer holding the key before any complainant's details can be kept
    create_user(engine, admin, "desk", "desk-pass-1", {Role.COMPLAINT_OFFICER}, "นายรับเรื่อง ใจดี")
    e = score_and_screen(engine, o.secretary, o.round.id, "S004", "85")
    C.decide(engine, o.secretary, e.id, C.DecisionDraft(steps="0.5", amount="450", meeting_id=o.meeting.id, told_on="1/4/2569"))
    with pytest.raises(C.CommitteeValidationError) as err:
        C.record_grievance(engine, o.secretary, e.id, filed_on="2/5/2569", text="ไม่เป็นธรรม")
    assert err.value.problems[0].key == "committee.err.grievance_late"
    g = C.record_grievance(engine, o.secretary, e.id, filed_on="30/4/2569", text="ผลงานไม่ได้นับโครงการที่ทำ")
    assert g.registry_display.startswith("รท. ")
    page = list_complaints(engine, admin, QueueFilters(), limit=10)
    assert [r.subject for r in page.rows] == ["ร้องทุกข์ผลการพิจารณาเลื่อนขั้นเงินเดือน รอบที่ 1/2569 (S004)"]
    assert C.list_grievances(engine, o.secretary, o.round.id)[0][0] == "S004"


def test_survey_feeds_project_nine_kpi(engine, admin):
    from itatui.store.seed import seed_demo_plan  # noqa: F401 - the demo plan holds project 9
    from itatui.store.plan import current_plan, project_sheet

    o = office(engine, admin)
    seed_demo_plan(engine, admin)
    res = C.save_survey(engine, o.secretary, o.round.id, "40", "๓๔")
    assert (res.year_percent, res.kpi_written, res.round.survey_percent) == (85.0, True, 85.0)
    plan = current_plan(engine, admin, fiscal_year=2569)
    from itatui.store.plan import list_project_rows, PlanFilter

    rows = list_project_rows(engine, admin, plan.id, PlanFilter(text="เลื่อนขั้น"))
    sheet = project_sheet(engine, admin, rows.rows[0].id, 2569)
    kpi = next(k for k in sheet.kpis if k.unit == "ร้อยละ")
    assert (kpi.target, kpi.actual) == (80.0, 85.0)
    with pytest.raises(C.CommitteeValidationError):
        C.save_survey(engine, o.secretary, o.round.id, "10", "11")


def test_export_round_json_and_announcement(engine, admin):
    o = office(engine, admin)
    score_and_screen(engine, o.secretary, o.round.id, "S004", "95")
    score_and_screen(engine, o.secretary, o.round.id, "S005", "85")
    C.decide(engine, o.secretary, evaluation_of(engine, o.secretary, o.round.id, "S004").id,
             C.DecisionDraft(steps="1", amount="900", meeting_id=o.meeting.id))
    data = json.loads(json.dumps(C.export_round(engine, o.secretary, 2569, 1), ensure_ascii=False))
    assert data["format"] == "itatui.salary_round" and data["round"]["effective"] == "2026-04-01"
    s4 = next(x for x in data["staff"] if x["staff_code"] == "S004")
    assert (s4["kind"], s4["score"], s4["level"], s4["decision"]["steps"], s4["decision"]["amount"]) == ("municipal", 95.0, "excellent", 1.0, 900)
    steps = next(x for x in data["schemes"] if x["scheme"] == "steps")
    assert steps["quota"] == {"headcount": 8, "counted_on": "2026-03-01", "allowed": 1, "used": 1}
    assert steps["pool"] == {"base": 188_000, "allowed": 11_280, "used": 900}
    assert [c["kind"] for c in data["committees"]] == ["screening", "promotion"]
    assert data["committees"][1]["meetings"][0]["quorum"] is True
    ann = C.documents.announcement(engine, o.secretary, o.round.id)
    assert [x.staff_code for x in ann.excellent] == ["S004"] and [x.staff_code for x in ann.very_good] == ["S005"]
    with pytest.raises(C.CommitteeError):
        C.export_round(engine, o.secretary, 2569, 2)
