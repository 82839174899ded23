"""Alembic environment. The engine comes from itatui (``config.attributes['connection']``), never from an ini file,
so migrations run the same from a checkout and from an installed wheel."""

from alembic import context
from sqlmodel import SQLModel

import itatui.store.models  # noqa: F401  registers every table

target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
