"""Refusals of the plan reader: the text is not a NACC-template plan, or it stops part-way."""

from __future__ import annotations

from itatui.present.errors import UserError


class PlanFormatError(UserError, ValueError):
    """Nothing can be imported from this text. ``key`` is a catalogue key, ``params`` fill it (``line`` where
    known); the CLI and the UI translate it."""
