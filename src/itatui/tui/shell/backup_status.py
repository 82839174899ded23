"""The start-up backup and the header's "backed up N days ago" note, mixed into the App.

The backup runs in a worker thread after the log-in (once a day at most), so neither the log-in screen nor the
first mode waits for it. The note is the last part of the header line, amber when the newest good backup is
older than ``OLD_AFTER_DAYS`` (or there is none); a failed backup is also told in a notification.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.content import Content

from itatui.domain.thai import digits
from itatui.i18n import t

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

OLD_AFTER_DAYS = 7
AMBER = "bold #ffb000"


def note_for(age_days: float | None, thai_digits: bool = False) -> tuple[str, bool]:
    """(text, old): the header note for a newest backup ``age_days`` old (None: there is none)."""
    if age_days is None:
        return t("ops.header.backup_none"), True
    days = int(age_days)
    text = t("ops.header.backup_today") if days == 0 else t("ops.header.backup_age", days=digits(str(days), thai_digits))
    return text, age_days > OLD_AFTER_DAYS


class BackupStatus:
    """Mixin for the App: ``start_backup_status(engine)`` after the log-in; ``backup_note`` for the header."""

    backup_note: tuple[str, bool] | None = None
    backup_age: float | None = None

    def start_backup_status(self, engine: Engine, *, backup: bool) -> None:
        # Imported here, on the main thread, so the worker never imports a package at the same time as another.
        import itatui.store.audit  # noqa: F401
        import itatui.store.backup  # noqa: F401
        import itatui.store.verify  # noqa: F401

        self._backup_worker(engine, backup)

    @work(thread=True, group="backup", exit_on_error=False)
    def _backup_worker(self, engine: Engine, backup: bool) -> None:
        from itatui.store.backup import backup_due, last_backup_age, make_backup

        if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
            return  # PostgreSQL is backed up by the server's tools; nothing to show
        failure = None
        if backup and backup_due(engine):
            try:
                result = make_backup(engine)
                if not result.ok:
                    failure = "; ".join(result.problems[:3])
            except Exception as exc:  # told to the user, never raised into the app
                failure = getattr(exc, "message", lambda: str(exc))()
        age = last_backup_age(engine)
        try:
            self.call_from_thread(self._backup_status_ready, age, failure)  # type: ignore[attr-defined]
        except RuntimeError:
            pass  # the app has closed meanwhile

    def _backup_status_ready(self, age: float | None, failure: str | None) -> None:
        self.backup_age = age
        self.backup_note = note_for(age, getattr(self, "thai_digits", False))
        if failure:
            self.notify(t("ops.backup.auto_failed", reason=failure), severity="error", timeout=15)  # type: ignore[attr-defined]
        elif age is not None and self.backup_note[1]:
            self.notify(t("ops.header.backup_old", days=int(age)), severity="warning", timeout=10)  # type: ignore[attr-defined]
        self._update_sub_title()  # type: ignore[attr-defined]

    def with_backup_note(self, sub_title: str) -> str:
        if self.backup_note is None:
            return sub_title
        if self.backup_age is not None:  # the digits follow the app's setting
            self.backup_note = note_for(self.backup_age, getattr(self, "thai_digits", False))
        return f"{sub_title} · {self.backup_note[0]}"

    def format_title(self, title: str, sub_title: str) -> Content:
        note = self.backup_note
        if note is None or not sub_title.endswith(" · " + note[0]):
            return super().format_title(title, sub_title)  # type: ignore[misc]
        base = super().format_title(title, sub_title[: -len(note[0]) - 3])  # type: ignore[misc]
        return Content.assemble(base, (" · ", "dim"), (note[0], AMBER if note[1] else "dim"))
