"""The message catalogue: every text the user sees, in Thai (default) and English.

The catalogue is one mapping ``key -> {"th": ..., "en": ...}``, kept in a few files by area
(``i18n/<area>.py``, the areas of the store and the TUI) so each stays readable; ``CATALOGUE`` merges them and
refuses duplicate keys.
Core code raises errors carrying keys; the UI and the CLI translate them.
"""

from __future__ import annotations

import os

from itatui.i18n import (
    committee_reports, committees, common, complaints, desk, import_, office, ops, plan, reports, risks, security, shell,
)

LANGS = ("th", "en")
_AREAS = (
    common, shell, plan, import_, complaints, desk, reports, risks, security, committees, office, ops, committee_reports,
)

CATALOGUE: dict[str, dict[str, str]] = {}
for _area in _AREAS:
    for _key, _texts in _area.MESSAGES.items():
        if _key in CATALOGUE:
            raise RuntimeError(f"duplicate message key {_key!r} in {_area.__name__}")
        CATALOGUE[_key] = _texts

_lang = "th" if os.environ.get("ITATUI_LANG", "th") not in LANGS else os.environ.get("ITATUI_LANG", "th")


def set_language(lang: str) -> None:
    global _lang
    if lang not in LANGS:
        raise ValueError(f"language must be one of {LANGS}")
    _lang = lang


def language() -> str:
    return _lang


def t(key: str, /, **params: object) -> str:
    """Translate ``key``; an unknown key shows itself (so a missing text is visible, never a crash)."""
    texts = CATALOGUE.get(key)
    if texts is None:
        return key
    text = texts.get(_lang) or texts["th"]
    return text.format(**params) if params else text
