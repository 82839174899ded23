"""The one error every report raises; its ``key`` is a catalogue key, so the screen and the CLI can say it in
the user's language (``itatui.i18n.t(err.key, **err.params)``)."""

from __future__ import annotations


class ReportError(Exception):
    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
