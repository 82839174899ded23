"""Fixtures shared by the TUI tests' modules: the role table's office (built once for the whole run)."""

from tests.tui.role_actions import office_copy, role_office  # noqa: F401 - fixtures
