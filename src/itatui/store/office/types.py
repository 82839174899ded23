"""Plain data of the office area: its units and its contact details (what the receipt prints)."""

from __future__ import annotations

from dataclasses import dataclass

CONTACT_FIELDS = ("address", "phone", "website", "line", "facebook", "emblem")


class OfficeError(Exception):
    """A refusal fit to show; ``key`` is a message-catalogue key."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class UnitRow:
    id: int
    code: str
    name: str
    retired: bool
    is_all: bool
    uses: int  # projects and complaints that name it (kept when it retires)


@dataclass(frozen=True)
class UnitDraft:
    """The unit form as typed."""

    code: str = ""
    name: str = ""


@dataclass(frozen=True)
class OfficeContact:
    """How citizens reach the office: printed on the complaint receipt. ``emblem``: path of an image file."""

    address: str = ""
    phone: str = ""
    website: str = ""
    line: str = ""
    facebook: str = ""
    emblem: str = ""

    @property
    def empty(self) -> bool:
        return not any(getattr(self, f) for f in CONTACT_FIELDS)
