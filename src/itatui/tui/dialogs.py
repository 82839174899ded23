"""Open a modal form whose data comes from the database: load in a thread, show the form, hand back its result."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

from textual.screen import ModalScreen, Screen

from itatui.tui.widgets.form_errors import error_text

T = TypeVar("T")


async def open_form(screen: Screen, load: Callable[[], Any], make_form: Callable[[Any], ModalScreen[T]]) -> T | None:
    """Call from a ``@work`` coroutine. ``load`` runs off the event loop; a failure is told in the user's words
    and nothing opens. Returns what the form dismissed with (None when cancelled)."""
    try:
        data = await asyncio.to_thread(load)
    except Exception as exc:  # noqa: BLE001  (any refusal or database error ends here, told to the user)
        screen.notify(error_text(exc), severity="error")
        return None
    return await screen.app.push_screen_wait(make_form(data))
