"""The receipt prints the evidence list and the office's own channels (organisation settings), never "itatui"."""

from __future__ import annotations

import json

from itatui.reports.receipt import receipt_data, render_receipt
from itatui.store import complaints as core
from itatui.store import office
from itatui.reports.complaint_reports import receipt_view
from tests.tui.complaint_desk import make_desk

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle cx="5" cy="5" r="4"/></svg>'


def test_receipt_has_evidence_and_office_contact(engine, admin, tmp_path):
    desk = make_desk(engine, admin)
    emblem = tmp_path / "emblem.svg"
    emblem.write_text(SVG, encoding="utf-8")
    office.save_contact(engine, admin, desk.org_id, {
        "address": "99 ถ.แจ้งสนิท ต.เขมราฐ", "phone": "045-491-012", "website": "www.khemarat.go.th",
        "line": "@khemarat", "facebook": "เทศบาลตำบลเขมราฐ", "emblem": str(emblem),
    })
    made = core.create_complaint(engine, desk.desk, core.ComplaintDraft(
        kind="general", channel="walk_in", subject="ไฟทางดับ", anonymous=True,
        evidence=(core.EvidenceItem("ภาพถ่ายเสาไฟ", "แฟ้ม 3"),)))
    data = core.receipt_data(engine, desk.desk, made.id)
    printed = json.dumps(receipt_data(receipt_view(data), paper="A5"), ensure_ascii=False)
    assert "ภาพถ่ายเสาไฟ (แฟ้ม 3)" in printed
    for value in ("99 ถ.แจ้งสนิท", "045-491-012", "www.khemarat.go.th", "@khemarat", "เพจ Facebook"):
        assert value in printed, value
    assert "itatui" not in printed
    pdf = render_receipt(receipt_view(data), tmp_path / "r.pdf", paper="A5")
    assert pdf.startswith(b"%PDF")
