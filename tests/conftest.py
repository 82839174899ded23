"""Shared fixtures: a real SQLite file per test, migrated to head; the user's data dir redirected; the office's
plan document (``tests/data/``); a small plan built row by row (``small``) and a staffed complaint desk (``desk``).

In CI (``CI`` set) a skipped test fails the run: only the PostgreSQL tests may skip, and only outside CI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Tests never touch the real user data directory, and always start in Thai.
os.environ.setdefault("ITATUI_LANG", "th")

DATA = Path(__file__).resolve().parent / "data"
SOURCE_PLAN = DATA / "khemarat-anti-corruption-plan-2566-2570.txt"  # the office's plan document, as converted to text


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ITATUI_HOME", str(home))
    monkeypatch.delenv("ITATUI_DB", raising=False)
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def engine(db_path: Path):
    from itatui.store.bootstrap import open_database

    eng = open_database(str(db_path))
    yield eng
    eng.dispose()


@pytest.fixture
def admin(engine):
    """A first administrator (as the first-run set-up creates) and its Actor."""
    from itatui.domain.roles import Role
    from itatui.store.accounts import create_user

    info = create_user(engine, None, "admin", "admin-pass-1", {Role.ADMIN}, "ผู้ดูแลระบบ", first_admin=True)  # type: ignore[arg-type]
    return info.actor()


@pytest.fixture
def source_plan() -> Path:
    return SOURCE_PLAN


@pytest.fixture
def small(engine) -> dict[str, int]:
    """Two dimensions, a mission with no project, five projects (see ``tests/plan_fixtures.py``); the row ids."""
    from tests.plan_fixtures import build_small_plan

    return build_small_plan(engine)


@pytest.fixture
def desk(engine, admin):
    """An organisation with units, a complaint officer, an investigator holding a key, the administrator."""
    from tests.tui.complaint_desk import make_desk

    return make_desk(engine, admin)


@pytest.fixture
def pg_engine():
    """A fresh PostgreSQL database per test on the server named by ITATUI_TEST_PG_URL (started by .ci/run via
    scripts/pg-test-server). Skipped when no server is configured, except in CI where that is an error."""
    import uuid

    from sqlalchemy import create_engine, text

    from itatui.store.bootstrap import open_database
    from itatui.store.db import resolve_url

    base = os.environ.get("ITATUI_TEST_PG_URL")
    if not base:
        if os.environ.get("CI"):
            pytest.fail("CI must provide ITATUI_TEST_PG_URL (scripts/pg-test-server)")
        pytest.skip("no PostgreSQL server (set ITATUI_TEST_PG_URL; see scripts/pg-test-server)")
    admin_url = resolve_url(base)
    name = f"itatui_test_{uuid.uuid4().hex[:10]}"
    admin_engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin_url.rsplit("/", 1)[0] + "/" + name
    eng = open_database(url)
    yield eng
    eng.dispose()
    with admin_engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin_engine.dispose()


@pytest.fixture(autouse=True)
def _quick_key_seals(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each seal records its own Argon2 cost, so tests seal and open the same way at a lower cost; the shipped
    cost is checked in tests/store/test_security.py and measured by benchmarks/kdf.py."""
    from itatui.store.accounts import sealing

    monkeypatch.setattr(sealing, "KDF_COST", (1, 1024))


# ---- CI: a skipped test is a failure ---------------------------------------------------------------------------
# In CI nothing may skip (the PostgreSQL fixture fails there without a server instead of skipping): a skip means a
# test silently did not run, so the run fails and names it.


def _skipped(config) -> list:  # noqa: ANN001
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    return list(reporter.stats.get("skipped", [])) if reporter is not None else []


def pytest_sessionfinish(session, exitstatus) -> None:  # noqa: ANN001
    if os.environ.get("CI") and _skipped(session.config) and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # noqa: ANN001
    skipped = _skipped(config)
    if os.environ.get("CI") and skipped:
        terminalreporter.write_sep("=", f"CI: {len(skipped)} skipped; every test must run in CI", red=True)
        for report in skipped:
            terminalreporter.write_line(f"  {report.nodeid}")
