"""The same models, migrations, accounts and audit chain on a real PostgreSQL server."""

import pytest

from itatui.domain.roles import Role
from itatui.store import accounts
from itatui.store.audit import verify_chain
from itatui.store.db import session_scope
from itatui.store.migrate import current_revision, head_revision

pytestmark = pytest.mark.postgres


def test_migrates_to_head_and_runs_accounts(pg_engine):
    assert current_revision(pg_engine) == head_revision()
    admin = accounts.create_user(pg_engine, None, "admin", "admin-pass-1", {Role.ADMIN}, "ผู้ดูแล", first_admin=True).actor()  # type: ignore[arg-type]
    accounts.create_user(pg_engine, admin, "nid", "password-1", {Role.VIEWER}, "นิด น้ำใจ")
    assert accounts.authenticate(pg_engine, "nid", "password-1").full_name == "นิด น้ำใจ"
    with session_scope(pg_engine) as s:
        count, problems = verify_chain(s)
    assert count == 3 and problems == []
