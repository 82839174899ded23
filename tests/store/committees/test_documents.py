"""The data of the round's documents: orders, invitation, minutes, scores list, calculation, letters."""

from itatui.store import committees as C
from tests.committee_fixtures import evaluation_of, office, score_and_screen


def test_documents_of_a_round(engine, admin):
    o = office(engine, admin)
    D = C.documents
    order = D.committee_order(engine, o.secretary, o.round.id, "promotion")
    assert (order.order_no, order.header.organisation, order.header.effective.isoformat()) == ("124/2569", "เทศบาลตำบลเขมราฐ", "2026-04-01")
    assert [m.role for m in order.members] == ["chair", "member", "member", "secretary"]
    inv = D.invitation(engine, o.secretary, o.meeting.id)
    assert not inv.late and inv.held_on.isoformat() == "2026-03-20" and len(inv.to) == 4
    score_and_screen(engine, o.secretary, o.round.id, "S004", "95")
    e = evaluation_of(engine, o.secretary, o.round.id, "S005")
    C.set_score(engine, o.secretary, e.id, total="70")
    C.save_screening(engine, o.secretary, e.id, "adjust", score_text="82", reason="นับผลงานโครงการเพิ่ม")
    C.decide(engine, o.secretary, evaluation_of(engine, o.secretary, o.round.id, "S004").id,
             C.DecisionDraft(steps="1", amount="900", meeting_id=o.meeting.id, told_on="2/4/2569"))
    scores = {ln.staff_code: (ln.score, ln.level) for ln in D.score_list(engine, o.secretary, o.round.id).lines}
    assert scores["S004"] == (95.0, "excellent") and scores["S005"] == (82.0, "very_good") and scores["S001"] == (None, "")
    calc = D.calculation(engine, o.secretary, o.round.id)
    assert calc.rules.quota_pct == o.round.rules.quota_pct and calc.totals[0].quota_used == 1
    letters = D.result_letters(engine, o.secretary, o.round.id)
    assert [(x.line.staff_code, x.line.salary_after, x.grievance_days) for x in letters] == [("S004", 23_900, 30)]
    C.save_minutes(engine, o.secretary, o.meeting.id, "มติเลื่อนขั้นตามบัญชี")
    doc = D.minutes(engine, o.secretary, o.meeting.id)
    assert (doc.version, doc.approved, len(doc.present), len(doc.absent)) == (1, False, 4, 0)
