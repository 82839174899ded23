"""A panel listing every problem of a form at once (in the user's language), hidden while there is none.

Reusable by any form: give it the ``FieldProblem`` list from a ``ValidationError`` and a mapping from field
names to their labels; it also marks the matching inputs (widget id == field name) with the ``-invalid``
class so the user sees where to look, and clears those marks on the next ``show``/``clear``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from itatui.domain.validation import FieldProblem
from itatui.i18n import t
from itatui.store.versioning import EditConflict
from itatui.tui.widgets.conflict import conflict_lines
from rich.text import Text
from textual.css.query import NoMatches
from textual.widgets import Static


class FormErrors(Static):
    DEFAULT_CSS = """
    FormErrors {
        display: none;
        height: auto;
        max-height: 10;
        overflow-y: auto;
        padding: 0 1;
        margin: 0 0 1 0;
        border-left: thick $error;
        background: $error 15%;
        color: $text;
    }
    FormErrors.-shown { display: block; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__("", id=id, classes=classes)
        self._marked: list[str] = []
        self.messages: list[str] = []  # what is shown, one line per problem (tests and screen readers read it)

    def show(self, problems: Iterable[FieldProblem], labels: Mapping[str, str] | None = None) -> None:
        """List every problem as "label: message", and mark each named input invalid."""
        labels = labels or {}
        problems = list(problems)
        self._unmark()
        self.messages = []
        for p in problems:
            text = t(p.key, **p.params)
            label = labels.get(p.field)
            self.messages.append(f"{label}: {text}" if label else text)
        self._mark({p.field for p in problems})
        self._render_messages(t("err.form_has_errors", n=len(problems)) if problems else "")

    def show_message(self, message: str) -> None:
        """A single problem not tied to a field (a database error, a lock, a permission refusal)."""
        self._unmark()
        self.messages = [message]
        self._render_messages("")

    def show_conflict(self, exc: EditConflict, labels: Mapping[str, str] | None = None, *, key: str = "ctrl+s", again: str = "conflict.again") -> None:
        """Someone saved the record after the form opened it: what they changed (the fields marked), and how to
        go on. The form keeps what was typed; it takes the new version, so the next save is a knowing one."""
        self._unmark()
        thai = bool(getattr(self.app, "thai_digits", False))
        self.messages = [*conflict_lines(exc, labels or {}, thai=thai), t(again, key=key)]
        self._mark(set(exc.fields))
        self._render_messages(t("conflict.heading"))

    def clear(self) -> None:
        self._unmark()
        self.messages = []
        self.update("")
        self.remove_class("-shown")

    def _render_messages(self, heading: str) -> None:
        out = Text()
        if heading:
            out.append(heading + "\n", style="bold")
        out.append("\n".join(f"• {m}" for m in self.messages))
        self.update(out)
        self.set_class(bool(self.messages), "-shown")
        if self.messages:
            self.scroll_home(animate=False)

    def _mark(self, fields: set[str]) -> None:
        for name in fields:
            try:
                widget = self.screen.query_one(f"#{name}")
            except (NoMatches, ValueError):
                continue  # a problem without its own input (e.g. the whole form)
            widget.add_class("-invalid")
            self._marked.append(name)

    def _unmark(self) -> None:
        for name in self._marked:
            try:
                self.screen.query_one(f"#{name}").remove_class("-invalid")
            except (NoMatches, ValueError):
                pass
        self._marked = []


def error_text(exc: BaseException) -> str:
    """A failure in words fit for the screen, in the user's language (never a traceback). Never ``str()`` of a
    database error: SQLAlchemy puts the statement's parameters in it, and those may be a complainant's name."""
    from itatui.domain.roles import PermissionDenied
    from itatui.domain.validation import ValidationError
    from sqlalchemy.exc import DBAPIError, SQLAlchemyError

    if isinstance(exc, PermissionDenied):
        return t("err.permission")
    if isinstance(exc, ValidationError):
        return "; ".join(t(p.key, **p.params) for p in exc.problems)
    key = getattr(exc, "key", None)
    if isinstance(key, str):
        return t(key, **getattr(exc, "params", {}))
    if isinstance(exc, DBAPIError):
        first = (str(exc.orig).splitlines() or [""])[0]
        if "database is locked" in first or "database is busy" in first:  # SQLite's busy timeout ran out
            return t("err.database_busy")
        return t("err.database", reason=first or type(exc.orig).__name__)
    if isinstance(exc, SQLAlchemyError):
        return t("err.database", reason=type(exc).__name__)
    if isinstance(exc, OSError):
        return t("err.disk", reason=exc.strerror or type(exc).__name__)
    return t("err.unexpected", name=type(exc).__name__)
