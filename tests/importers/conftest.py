"""The source plan, read once per test session (the reader is pure, so sharing its result is safe as long
as tests do not mutate it; tests that need to change something parse their own copy)."""

from __future__ import annotations

from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[1] / "data" / "khemarat-anti-corruption-plan-2566-2570.txt"


@pytest.fixture(scope="session")
def source_text() -> str:
    return SOURCE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def parsed(source_text: str):
    from itatui.importers import parse_plan_text

    return parse_plan_text(source_text, source_name=SOURCE.name)


def line_of(text: str, needle: str, start: int = 1) -> int:
    """1-based number of the first line at or after ``start`` containing ``needle`` (so tests say what they
    look for instead of hard-coding numbers that drift when the document is edited)."""
    for i, line in enumerate(text.split("\n"), start=1):
        if i >= start and needle in line:
            return i
    raise AssertionError(f"{needle!r} not in the document")
