"""Shared fixtures: a real SQLite file per test, migrated to head; the user's data dir redirected."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Tests never touch the real user data directory, and always start in Thai.
os.environ.setdefault("ITATUI_LANG", "th")

REPO = Path(__file__).resolve().parents[1]
SOURCE_PLAN = REPO.parent / "shared" / "source-plan" / "khemarat-anti-corruption-plan-2566-2570.txt"


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
    if not SOURCE_PLAN.exists():
        pytest.skip("shared/source-plan is not beside this checkout")
    return SOURCE_PLAN


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
