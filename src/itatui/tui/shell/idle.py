"""Log out after an idle time on screens that show personal data (a desk left open in a shared office).

A screen says it shows personal data with the class attribute ``SHOWS_PERSONAL_DATA = True`` (the complaint
case, the intake form). The limit is ``ITATUI_IDLE_MINUTES`` (default 15). On time-out the app closes every
screen above the mode's first one, forgets the session (its ``Actor``, with the opened key ring) and shows the
log-in screen.
"""

from __future__ import annotations

import os
import time

DEFAULT_MINUTES = 15.0


def idle_limit_seconds() -> float:
    try:
        minutes = float(os.environ.get("ITATUI_IDLE_MINUTES", DEFAULT_MINUTES))
    except ValueError:
        minutes = DEFAULT_MINUTES
    return max(minutes, 0.05) * 60


class IdleWatch:
    def __init__(self, limit: float | None = None) -> None:
        self.limit = idle_limit_seconds() if limit is None else limit
        self.last = time.monotonic()

    def touch(self) -> None:
        self.last = time.monotonic()

    def expired(self) -> bool:
        return time.monotonic() - self.last >= self.limit


def shows_personal_data(screens) -> bool:  # noqa: ANN001  (the app's screen stack)
    return any(getattr(s, "SHOWS_PERSONAL_DATA", False) for s in screens)
