"""The keys of a screen as plain data, for the help screen (``?``) and the command palette (ctrl+p).

Both list the same thing: every binding active on the screen (its own, its widgets', the app's), with the
description the screen gave it. Textual's own widget bindings (cursor keys of a DataTable …) are left out:
their texts are English only and they are the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, partial

from textual.app import App
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.screen import Screen

from itatui.i18n import t


@dataclass(frozen=True)
class KeyEntry:
    key: str  # as the footer shows it: "ctrl+s", "?", "1"
    description: str
    action: str
    app_wide: bool  # an app key (same on every screen) rather than this screen's own
    enabled: bool


@cache
def _textual_defaults() -> frozenset[tuple[str, str]]:
    """Keys every Textual screen and app has (tab, ctrl+c copy …): English texts, not this app's commands."""
    from textual.screen import ModalScreen

    out: set[tuple[str, str]] = set()
    for cls in (Screen, ModalScreen, App):
        for key, binding in cls._merged_bindings or ():
            out.add((key, binding.action))
    return frozenset(out)


def _ours(node: DOMNode, key: str, action: str) -> bool:
    """Bindings whose texts come from our catalogue: the app's, our screens' and our own widgets'."""
    if (key, action) in _textual_defaults():
        return False
    return isinstance(node, (App, Screen)) or type(node).__module__.startswith("itatui.")


def _chain(screen: Screen) -> list[tuple[DOMNode, str, Binding, bool]]:
    """(node, key, binding, enabled) for our keys along the screen's binding chain, first owner of a key wins.

    Walks the chain rather than ``active_bindings`` so a screen's key stays listed when a Textual widget has
    the same key for a generic action (a DataTable's enter selects the row: the screen's enter opens it).
    """
    app = screen.app
    out: list[tuple[DOMNode, str, Binding, bool]] = []
    seen: set[str] = set()
    for node, bindings in screen._modal_binding_chain:
        for key, binding in bindings:
            if key in seen or binding.system or not _ours(node, key, binding.action):
                continue
            state = app._check_action_state(binding.action, node)
            if state is False:
                continue  # the screen hides this key right now
            seen.add(key)
            out.append((node, key, binding, bool(state)))
    return out


def key_entries(screen: Screen) -> list[KeyEntry]:
    """Every key active on ``screen`` with its description (translated if it is a catalogue key)."""
    app = screen.app
    entries: list[KeyEntry] = []
    for node, _key, binding, enabled in _chain(screen):
        description = t(binding.description) if binding.description else ""
        if not description:
            continue  # an undocumented key is an implementation detail, not a command
        entries.append(KeyEntry(app.get_key_display(binding), description, binding.action, isinstance(node, App), enabled))
    return entries


class ScreenCommands(Provider):
    """Palette entries for the screen the palette was opened on: its own keys, run as if pressed."""

    def _commands(self) -> list[tuple[KeyEntry, object]]:
        out = []
        for node, _key, binding, enabled in _chain(self.screen):
            if isinstance(node, App) or not enabled or not binding.description:
                continue  # app keys come through App.get_system_commands, once
            entry = KeyEntry(self.app.get_key_display(binding), t(binding.description), binding.action, False, True)
            out.append((entry, partial(self.app.run_action, binding.action, node)))
        return out

    async def discover(self) -> Hits:
        for entry, command in self._commands():
            yield DiscoveryHit(entry.description, command, help=t("shell.palette.key", key=entry.key))  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry, command in self._commands():
            score = matcher.match(entry.description)
            if score > 0:
                yield Hit(score, matcher.highlight(entry.description), command, help=t("shell.palette.key", key=entry.key))  # type: ignore[arg-type]
