"""Last line against control characters: before any flush, every text attribute of a new or changed row loses
its control characters (tab and new line stay). Forms already refuse or strip them; this catches every other
path (imports, settings, names), so nothing stored can break a statement or drive a terminal later."""

from __future__ import annotations

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from itatui.domain.textsafe import clean_text, has_controls


@event.listens_for(Session, "before_flush")
def _strip_controls(session: Session, _ctx, _instances) -> None:  # noqa: ANN001
    for obj in (*session.new, *session.dirty):
        for attr in inspect(obj).mapper.column_attrs:
            value = getattr(obj, attr.key, None)
            if isinstance(value, str) and has_controls(value):
                setattr(obj, attr.key, clean_text(value))
