"""Shared set-up of the complaint desk tests: an organisation with units, one account per desk role (a complaint
officer, a corruption-complaint investigator holding a key, the administrator), and a bare host App that gives
a screen what the real shell gives it (``ctx``, ``fiscal_year``, ``thai_digits``)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import App
from textual.reactive import reactive

from itatui.domain.fiscal import current_fiscal_year
from itatui.domain.roles import Actor, Role
from itatui.store.accounts import create_user
from itatui.store.complaints.seed import DEMO_UNITS
from itatui.store.complaints.identity import bootstrap_investigator
from itatui.store.models import Unit
from itatui.store.org import save_organisation
from itatui.tui.context import AppContext
from tests.tui.pilot_util import settle, type_into, type_text  # noqa: F401  (re-exported for the desk tests)

DESK_PASSWORD = "desk-pass-1"
INVESTIGATOR_PASSWORD = "inv-pass-123"
ADMIN_PASSWORD = "admin-pass-1"
UNSET = object()


@dataclass
class Desk:
    engine: object
    org_id: int
    admin: Actor
    desk: Actor
    investigator: Actor
    units: dict[str, int]

    def ctx(self, actor: Actor) -> AppContext:
        return AppContext(engine=self.engine, actor=actor, full_name=actor.username, organisation_id=self.org_id,  # type: ignore[arg-type]
                          organisation_name="เทศบาลตำบลเขมราฐ")


def make_desk(engine, admin: Actor) -> Desk:
    from sqlmodel import Session, select

    org = save_organisation(engine, admin, "เทศบาลตำบลเขมราฐ", "เขมราฐ", "อุบลราชธานี")
    with Session(engine) as s:
        for code, name in DEMO_UNITS:
            s.add(Unit(organisation_id=org.id, code=code, name=name))
        s.commit()
        units = {u.name: u.id for u in s.exec(select(Unit)).all()}
    desk = create_user(engine, admin, "desk", DESK_PASSWORD, {Role.COMPLAINT_OFFICER}, "นายรับเรื่อง ใจดี").actor()
    info = create_user(engine, admin, "inv", INVESTIGATOR_PASSWORD, frozenset(), "นางตรวจสอบ สุจริต")
    bootstrap_investigator(engine, admin, "inv", INVESTIGATOR_PASSWORD)
    investigator = Actor(info.id, "inv", frozenset({Role.INVESTIGATOR}))
    return Desk(engine, org.id, admin, desk, investigator, units)


class DeskHost(App):
    """What the desk screens need from the real shell."""

    fiscal_year = reactive(current_fiscal_year())
    thai_digits = reactive(False)

    def __init__(self, ctx: AppContext, screen_factory) -> None:  # noqa: ANN001
        super().__init__()
        self.ctx = ctx
        self.screen_factory = screen_factory
        self.result = UNSET

    def on_mount(self) -> None:
        self.push_screen(self.screen_factory(), self._done)

    def _done(self, result) -> None:  # noqa: ANN001
        self.result = result


def widget_text(widget) -> str:  # noqa: ANN001
    """What a widget shows, as plain text lines (also for rich tables, which ``render()`` does not flatten)."""
    from textual.geometry import Region

    lines = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return "\n".join(strip.text.rstrip() for strip in lines)
