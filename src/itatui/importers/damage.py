"""Is this document whole enough to store? The consistency report's findings, read as a verdict.

A plan document may contradict itself (a preface count, a subtotal, a name spelt two ways): the office's own
document is like that, so those are reported and the plan is still stored as the document says. But findings
that only a broken file produces — lines the reader could not place, a sheet section missing or repeated, a
Part 3 sheet that matches no project, a mission or dimension moved — mean what would be stored is not what
the office wrote (a file pasted twice, lines shuffled, a copy cut short). Such a document is refused whole.
"""

from __future__ import annotations

from itatui.importers.findings import Severity
from itatui.importers.parsed import ParsedPlan

MAX_BYTES = 10 * 1024 * 1024  # a plan as text is about 0.3 MB; ten times more is not a plan

# Findings no whole document produces (the office's real plan has none of them).
DAMAGE_CODES = frozenset(
    {
        "section_repeated",
        "section_missing",
        "sheet_unmatched",
        "sheet_in_other_mission",
        "mission_only_in_part3",
        "dimension_only_in_part3",
        "mission_in_wrong_dimension",
    }
)


def damage(parsed: ParsedPlan) -> list:  # noqa: ANN201  (list[Finding])
    """The findings that make the document unfit to store: every error, and every damage-only warning."""
    return [f for f in parsed.findings if f.severity is Severity.ERROR or f.code in DAMAGE_CODES]
