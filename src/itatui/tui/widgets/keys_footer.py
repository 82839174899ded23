"""Textual's ``Footer`` without its start-up cost: use ``KeysFooter()`` wherever a screen yields ``Footer()``.

Textual rebuilds the footer's keys every time the screen's bindings are announced as changed (each focus change,
a screen resuming, ...), even when the keys shown stay exactly the same, and every new key restyles itself twice
while mounting (its ``compact`` flag starts True, then the footer's False arrives). On the plan screen that was
the largest single cost between the log-in and the first picture. This footer rebuilds only when what it shows
changes, and its keys start with the footer's ``compact`` value. What is shown is identical to ``Footer``'s.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeysFooter(Footer):
    _shown: Hashable = None  # the signature of the keys on show
    _rebuild_pending = False

    def _signature(self) -> Hashable:
        """Everything ``Footer.compose`` reads, so an equal signature means an identical footer."""
        app = self.app
        shown = []
        for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items():
            if binding.show or key == app.COMMAND_PALETTE_BINDING:
                group = binding.group
                shown.append(
                    (
                        key,
                        binding.key,
                        app.get_key_display(binding),
                        binding.description,
                        binding.action,
                        binding.show,
                        binding.tooltip,
                        enabled,
                        tooltip,
                        (group.description, group.compact) if group is not None else None,
                    )
                )
        return (self.compact, self.show_command_palette, app.ENABLE_COMMAND_PALETTE, tuple(shown))

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._signature()
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                # Start at the footer's value: no class change (and restyle) when the data binding applies it.
                # (Footer does not bind the palette key, which keeps FooterKey's own default.)
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        # Footer.bindings_changed, but the rebuild is skipped when the keys shown would be the same, and several
        # announcements before the next refresh make one rebuild.
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if self._rebuild_pending or self._signature() == self._shown:
            return
        self._rebuild_pending = True
        self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        if self.is_attached and self._signature() != self._shown:
            await self.recompose()
