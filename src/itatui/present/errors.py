"""One base for every error a user may see: a message-catalogue key and the values that fill it.

The core raises ``SomeError("area.err.what", name=...)``; the TUI and the CLI show ``str(err)`` (the message in
the current language) or ``err.text("en")``. ``err.key`` and ``err.params`` stay available for tests and for forms
that mark the field a problem belongs to. ``args[0]`` is the key, so ``repr()`` and logs never carry a
translated text nor personal data beyond what the params hold.
"""

from __future__ import annotations

from collections.abc import Mapping

from itatui.i18n import CATALOGUE, language


class UserError(Exception):
    """``UserError(key, params)`` or ``UserError(key, **params)``."""

    def __init__(self, key: str, params: Mapping[str, object] | None = None, /, **more: object) -> None:
        super().__init__(key)
        self.key = key
        self.params: dict[str, object] = {**(params or {}), **more}

    def text(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language); an unknown key shows itself."""
        texts = CATALOGUE.get(self.key)
        if texts is None:
            return self.key
        text = texts.get(lang or language()) or texts["th"]
        try:
            return text.format(**self.params) if self.params else text
        except (KeyError, IndexError):
            return text  # a missing parameter must never turn a refusal into a crash

    def __str__(self) -> str:
        return self.text()
