"""Snapshots of the five main screens, each at 80x24 (the smallest terminal we support) and 120x40, driven through
the real app on the demo database: the plan table folded to its totals, the complaint queue, the intake form, a case and
its receipt.

The clock is frozen (the queue and the case count days left; the intake form shows the current time) and the
demo is seeded once from a fixed random seed; the one complaint shown in the case and the receipt gets a fixed
tracking code (new codes come from ``secrets``). Update after a deliberate change with
``pytest tests/tui/test_snapshots_screens.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from itatui.domain import tracking
from itatui.store.bootstrap import open_database
from itatui.tui.app import ItaApp
from tests.tui.pilot_util import settle, wait_until

NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)  # 10:00 in Bangkok, fiscal year 2570
FISCAL_YEAR = 2570
SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
CODE_BODY = "K7M4RX9PW"  # symbols of tracking.ALPHABET


def _fixed_code() -> str:
    """A valid tracking code with a fixed body (its check symbol found through the public ``is_valid``)."""
    return next(CODE_BODY + ch for ch in tracking.ALPHABET if tracking.is_valid(CODE_BODY + ch))


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database made once for this module at the frozen time; each test opens its own copy."""
    import time_machine

    from itatui.store.demo import prepare_demo
    from itatui.store.models import Complaint

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with time_machine.travel(NOW, tick=False):
        engine = open_database(str(path))
        prepare_demo(engine)
        with engine.begin() as conn:
            newest = conn.execute(sa.select(Complaint.id).order_by(Complaint.received_at.desc(), Complaint.id.desc()).limit(1)).scalar_one()
            conn.execute(sa.update(Complaint).where(Complaint.id == newest).values(tracking_code=_fixed_code()))
        engine.dispose()
    return path


@pytest.fixture
def demo_app(demo_file: Path, tmp_path: Path, time_machine):  # noqa: ANN201
    time_machine.move_to(NOW, tick=False)
    copy = tmp_path / "demo.db"
    shutil.copy(demo_file, copy)
    engine = open_database(str(copy))
    yield ItaApp(engine, demo=True, fiscal_year=FISCAL_YEAR)
    engine.dispose()


async def _steady(pilot: Pilot) -> None:
    await settle(pilot)
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False  # a blinking cursor would make the picture depend on timing
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await pilot.pause()


async def _log_in(pilot: Pilot, username: str, password: str) -> None:
    await settle(pilot)
    pilot.app.screen.query_one("#username", Input).value = username
    field = pilot.app.screen.query_one("#password", Input)
    field.value = password
    field.focus()
    await pilot.press("enter")
    await wait_until(pilot, lambda: pilot.app.ctx is not None, what="the log-in")
    await settle(pilot)


async def _at_plan_totals(pilot: Pilot) -> None:
    await _log_in(pilot, "plan", "demo-plan")
    await wait_until(pilot, lambda: pilot.app.current_mode == "plan", what="the plan screen")
    await settle(pilot)
    await pilot.press("a")  # every dimension folded: each one's subtotal and the plan's grand total in view
    await _steady(pilot)


async def _at_queue(pilot: Pilot) -> None:
    await _log_in(pilot, "desk", "demo-desk")
    await pilot.press("3")
    await wait_until(pilot, lambda: pilot.app.current_mode == "complaints", what="the complaint queue")
    await _steady(pilot)


async def _at_intake(pilot: Pilot) -> None:
    await _at_queue(pilot)
    screen = pilot.app.screen
    await pilot.press("n")
    await wait_until(pilot, lambda: pilot.app.screen is not screen, what="the intake form")
    await _steady(pilot)


async def _at_case(pilot: Pilot) -> None:
    await _at_queue(pilot)
    screen = pilot.app.screen
    await pilot.press("enter")  # the newest complaint, first in the queue
    await wait_until(pilot, lambda: pilot.app.screen is not screen, what="the case")
    await _steady(pilot)


async def _at_receipt(pilot: Pilot) -> None:
    await _at_case(pilot)
    case = pilot.app.screen
    await pilot.press("p")
    await wait_until(pilot, lambda: pilot.app.screen is not case, what="the receipt")
    await _steady(pilot)


SCREENS = {"plan_totals": _at_plan_totals, "queue": _at_queue, "intake": _at_intake, "case": _at_case, "receipt": _at_receipt}


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("screen", list(SCREENS))
def test_main_screen(snap_compare, demo_app, screen, size):
    assert snap_compare(demo_app, terminal_size=SIZES[size], run_before=SCREENS[screen])
