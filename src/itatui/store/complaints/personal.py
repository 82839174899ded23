"""A general complainant's details as the core hands them out: opened with the session's key ring."""

from __future__ import annotations

from itatui.domain.roles import Actor
from itatui.store.accounts import keyring
from itatui.store.complaints.types import Complainant
from itatui.store.models import Complaint


def complainant_of(c: Complaint, actor: Actor) -> Complainant | None:
    """The general complainant of ``c`` for an actor allowed to see it, opened with the ring key the actor's
    log-in opened. None when the actor holds no ring key (not a member yet) and the data is sealed."""
    if c.personal_sealed is None:
        return Complainant(c.complainant_name, c.complainant_national_id, c.complainant_phone, c.complainant_address)
    if not actor.ring_key:
        return None
    data = keyring.open_personal(bytes(c.personal_sealed), actor.ring_key, c.tracking_code)
    return Complainant(data["name"], data["national_id"], data["phone"], data["address"])


def seal(public: bytes, who: Complainant, tracking_code: str) -> bytes:
    return keyring.seal_personal(public, who.name, who.national_id, who.phone, who.address, tracking_code=tracking_code)
