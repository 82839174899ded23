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
