"""The office: its units (add, rename, retire — a retired unit keeps its history) and its contact details."""

from itatui.store.office.queries import CONTACT_KEY, contact_in, get_contact, list_units
from itatui.store.office.types import CONTACT_FIELDS, OfficeContact, OfficeError, UnitDraft, UnitRow
from itatui.store.office.writes import add_unit, rename_unit, save_contact, set_retired

__all__ = [
    "CONTACT_FIELDS",
    "CONTACT_KEY",
    "OfficeContact",
    "OfficeError",
    "UnitDraft",
    "UnitRow",
    "add_unit",
    "contact_in",
    "get_contact",
    "list_units",
    "rename_unit",
    "save_contact",
    "set_retired",
]
