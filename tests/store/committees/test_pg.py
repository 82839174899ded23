"""The committee store on PostgreSQL: a round with a decision under the checks, minutes, export."""

import pytest

from itatui.domain.roles import Role
from itatui.store import committees as C
from itatui.store.accounts import create_user
from tests.committee_fixtures import evaluation_of, office, score_and_screen

pytestmark = pytest.mark.postgres


def test_round_on_postgresql(pg_engine):
    admin = create_user(pg_engine, None, "admin", "admin-pass-1", {Role.ADMIN}, "ผู้ดูแล", first_admin=True).actor()
    o = office(pg_engine, admin)
    score_and_screen(pg_engine, o.secretary, o.round.id, "S004", "95")
    score_and_screen(pg_engine, o.secretary, o.round.id, "S005", "95")
    C.decide(pg_engine, o.secretary, evaluation_of(pg_engine, o.secretary, o.round.id, "S004").id,
             C.DecisionDraft(steps="1", amount="900", meeting_id=o.meeting.id))
    with pytest.raises(C.DecisionBlocked):
        C.decide(pg_engine, o.secretary, evaluation_of(pg_engine, o.secretary, o.round.id, "S005").id,
                 C.DecisionDraft(steps="1", amount="900", meeting_id=o.meeting.id))
    C.save_minutes(pg_engine, o.secretary, o.meeting.id, "มติ")
    C.approve_minutes(pg_engine, o.secretary, o.meeting.id)
    assert C.save_minutes(pg_engine, o.secretary, o.meeting.id, "มติ (แก้)", reason="พิมพ์ผิด").version == 2
    assert C.list_staff(pg_engine, o.secretary, text="สกุล1").total == 2  # S001 and S010
    data = C.export_round(pg_engine, o.secretary, 2569, 1)
    assert data["schemes"][0]["quota"]["used"] == 1
