"""Collect every problem of a form at once, then refuse with all of them (never one at a time).

Generic on purpose: any form (plan project, progress, complaint intake …) builds a ``Problems``, checks each
field, and calls ``raise_if_any()``. Each problem carries a message-catalogue key so the UI translates it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from itatui.present.errors import UserError
from itatui.present.numbers import InputError

T = TypeVar("T")


@dataclass(frozen=True)
class FieldProblem:
    """One problem: ``field`` names the input (form widgets use it as their id), ``key`` the catalogue text."""

    field: str
    key: str
    params: dict[str, Any] = field(default_factory=dict)


class ValidationError(UserError, ValueError):
    """Raised with every problem found, so the form can show them together. ``str()`` is every problem's
    message; ``problems`` keeps each one's field and key for the form to mark."""

    def __init__(self, problems: list[FieldProblem]):
        super().__init__("err.form_has_errors", n=len(problems))
        self.problems = list(problems)

    def text(self, lang: str | None = None) -> str:
        return "; ".join(UserError(p.key, p.params).text(lang) for p in self.problems)

    def fields(self) -> set[str]:
        return {p.field for p in self.problems}


class Problems:
    """A collector: ``add``/``check``/``parse`` record problems; ``raise_if_any`` raises them all."""

    def __init__(self) -> None:
        self._items: list[FieldProblem] = []

    def add(self, field_name: str, key: str, **params: Any) -> None:
        self._items.append(FieldProblem(field_name, key, dict(params)))

    def check(self, ok: bool, field_name: str, key: str, **params: Any) -> bool:
        """Record a problem when ``ok`` is false; returns ``ok`` so callers can chain dependent checks."""
        if not ok:
            self.add(field_name, key, **params)
        return ok

    def parse(self, field_name: str, parser: Callable[[str], T], text: str, default: T | None = None) -> T | None:
        """Run ``parser`` (e.g. ``thai.parse_int``); an ``InputError`` becomes a problem and ``default`` is returned."""
        try:
            return parser(text)
        except InputError as exc:
            self.add(field_name, exc.key, **exc.params)
            return default

    def extend(self, problems: list[FieldProblem]) -> None:
        self._items.extend(problems)

    def raise_if_any(self) -> None:
        if self._items:
            raise ValidationError(self._items)

    @property
    def items(self) -> list[FieldProblem]:
        return list(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[FieldProblem]:
        return iter(self._items)
