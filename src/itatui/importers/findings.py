"""Consistency findings: what the reader noticed in a plan document, each with the line it is on.

A finding never changes the document; it tells the user what is odd and, where the importer had to choose how
to store something (a budget row shared by two projects), what it stored. Messages live in the catalogue under
``import.finding.<code>`` so the report reads in Thai or English.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from itatui.i18n import CATALOGUE, language


class Severity(StrEnum):
    ERROR = "error"  # something could not be read or placed: data may be missing
    WARNING = "warning"  # the document contradicts itself (counts, sums, names, budgets)
    INFO = "info"  # a spelling or layout quirk worth knowing; nothing is lost


_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def render(key: str, lang: str | None = None, /, **params: object) -> str:
    texts = CATALOGUE.get(key)
    if texts is None:
        return key
    text = texts.get(lang or language()) or texts["th"]
    return text.format(**params) if params else text


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    line: int | None
    params: dict[str, str] = field(default_factory=dict)
    other_lines: tuple[int, ...] = ()  # where the other side of a mismatch is (Part 3 sheet, preface …)

    @property
    def key(self) -> str:
        return f"import.finding.{self.code}"

    def message(self, lang: str | None = None) -> str:
        return render(self.key, lang, **self.params)

    @property
    def message_th(self) -> str:
        return self.message("th")

    @property
    def message_en(self) -> str:
        return self.message("en")

    def sort_key(self) -> tuple[int, int, str]:
        return (self.line or 0, _ORDER[self.severity], self.code)


class Findings(list[Finding]):
    """The report being collected; ``add`` keeps call sites short."""

    def add(self, code: str, severity: Severity, line: int | None, /, *, other: tuple[int, ...] = (), **params: object) -> Finding:
        f = Finding(code, severity, line, {k: str(v) for k, v in params.items()}, tuple(x for x in other if x))
        self.append(f)
        return f

    def codes(self) -> list[str]:
        return [f.code for f in self]

    def sorted(self) -> list[Finding]:
        return sorted(self, key=Finding.sort_key)


def fmt_baht(amount: int | None) -> str:
    return "-" if amount is None else f"{amount:,}"


def fmt_numbers(numbers: list[int]) -> str:
    """"4, 5" or "21–24" for a run."""
    if not numbers:
        return ""
    numbers = sorted(numbers)
    if len(numbers) > 2 and numbers[-1] - numbers[0] == len(numbers) - 1:
        return f"{numbers[0]}–{numbers[-1]}"
    return ", ".join(str(n) for n in numbers)
