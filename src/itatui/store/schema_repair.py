"""Bring a database stamped ``0001`` by an earlier release up to today's ``0001``.

Before the first release the initial migration was regenerated as the models grew (the complaint desk's six
tables and several indexes were added to it), so a database made by the first 0001 lacks what later migrations
build on: 0002 then fails creating its search triggers on a missing ``complaint`` table. ``ensure_initial``
replays today's 0001 with every ``create_table``/``create_index`` that already exists skipped; on a database
made by today's 0001 it does nothing.
"""

from __future__ import annotations

import importlib.util
from typing import Any

import sqlalchemy as sa
from alembic import op


class _SkipExisting:
    """Stands in for ``alembic.op`` while today's 0001 runs: creates only what is missing."""

    def __init__(self) -> None:
        self._inspector = sa.inspect(op.get_bind())
        self._tables = set(self._inspector.get_table_names())
        self.created: list[str] = []

    def create_table(self, name: str, *columns: Any, **kw: Any) -> None:
        if name not in self._tables:
            op.create_table(name, *columns, **kw)
            self._tables.add(name)
            self.created.append(name)

    def create_index(self, name: str, table: str, columns: list[str], **kw: Any) -> None:
        existing = {ix["name"] for ix in self._inspector.get_indexes(table)} if table not in self.created else set()
        if name not in existing:
            op.create_index(name, table, columns, **kw)

    def f(self, name: str) -> Any:
        return op.f(name)

    def batch_alter_table(self, table: str, **_kw: Any) -> "_Batch":
        return _Batch(self, table)


class _Batch:
    """``with op.batch_alter_table(t) as batch_op: batch_op.create_index(...)`` — only index creation is used."""

    def __init__(self, proxy: _SkipExisting, table: str) -> None:
        self.proxy, self.table = proxy, table

    def __enter__(self) -> "_Batch":
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def create_index(self, name: str, columns: list[str], **kw: Any) -> None:
        self.proxy.create_index(name, self.table, columns, **kw)

    def f(self, name: str) -> Any:
        return op.f(name)


def ensure_initial() -> list[str]:
    """Create the tables and indexes of today's 0001 that the database lacks; returns the tables created."""
    from itatui.paths import migrations_dir

    path = next(migrations_dir().joinpath("versions").glob("0001_*.py"))
    spec = importlib.util.spec_from_file_location("itatui_initial_migration", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    proxy = _SkipExisting()
    module.op = proxy  # the migration calls op.create_table / op.create_index / op.f
    module.upgrade()
    return proxy.created
