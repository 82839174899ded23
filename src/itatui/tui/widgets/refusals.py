"""A key the footer shows as not allowed says why when pressed (Textual drops a disabled key silently).

A screen's (or a widget's on the screen) ``check_action`` returns None for an action it shows greyed (not allowed
for this user, or not at this moment); ``ExplainRefusals`` catches that key and shows ``refusal_text`` for it as a
warning.
"""

from __future__ import annotations

from textual import events
from textual.actions import parse
from textual.widget import Widget


class ExplainRefusals:
    """Mix into a ``Screen`` or a widget with bindings (before the Textual class) and implement ``refusal_text``."""

    def refusal_text(self, action: str, parameters: tuple[object, ...]) -> str | None:
        """Why ``action`` is not allowed now (None: nothing to say)."""
        return None

    def on_key(self: Widget, event: events.Key) -> None:  # type: ignore[misc]
        if self.app.screen is not self.screen:
            return
        for binding in self._bindings.key_to_bindings.get(event.key, []):
            _, name, params = parse(binding.action)
            if self.check_action(name, params) is None:
                reason = self.refusal_text(name, params)  # type: ignore[attr-defined]
                if reason:
                    event.stop()
                    self.notify(reason, severity="warning")
                return
