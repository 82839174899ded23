"""Form text -> typed values for the office area; every problem at once, Thai messages by key."""

from __future__ import annotations

from pathlib import Path

from itatui.domain.validation import Problems
from itatui.store.office.types import CONTACT_FIELDS, OfficeContact, UnitDraft

_UNIT_MAX = {"code": 60, "name": 200}
_CONTACT_MAX = {"address": 300, "phone": 100, "website": 200, "line": 100, "facebook": 200, "emblem": 400}


def parse_unit_draft(draft: UnitDraft) -> UnitDraft:
    p = Problems()
    code, name = " ".join(draft.code.split()), " ".join(draft.name.split())
    p.check(bool(code), "code", "err.required")
    for field, value in (("code", code), ("name", name)):
        p.check(len(value) <= _UNIT_MAX[field], field, "shell.err.too_long", n=_UNIT_MAX[field])
    p.raise_if_any()
    return UnitDraft(code, name or code)  # "กองช่าง" is its own full name unless one is given


def parse_contact_draft(values: dict[str, str]) -> OfficeContact:
    p = Problems()
    clean = {f: " ".join((values.get(f) or "").split()) for f in CONTACT_FIELDS}
    for field, value in clean.items():
        p.check(len(value) <= _CONTACT_MAX[field], field, "shell.err.too_long", n=_CONTACT_MAX[field])
    emblem = clean["emblem"]
    if emblem:
        path = Path(emblem).expanduser()
        p.check(path.suffix.lower() in (".png", ".jpg", ".jpeg", ".svg"), "emblem", "office.err.emblem_kind")
        p.check(path.is_file(), "emblem", "office.err.emblem_missing")
        clean["emblem"] = str(path)
    p.raise_if_any()
    return OfficeContact(**clean)
