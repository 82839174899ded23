"""Refusals of the plan reader: the text is not a NACC-template plan, or it stops part-way."""

from __future__ import annotations


class PlanFormatError(ValueError):
    """Nothing can be imported from this text. ``key`` is a catalogue key, ``params`` fill it (``line`` where
    known); the CLI and the UI translate it."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params
