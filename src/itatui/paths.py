"""Where things live on disk. Tests redirect these through environment variables, never by patching."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

APP_NAME = "itatui"


def data_dir() -> Path:
    """The user's data directory (``ITATUI_HOME`` overrides it, for tests and portable installs)."""
    override = os.environ.get("ITATUI_HOME")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_path

        path = user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "itatui.db"


def demo_db_path() -> Path:
    return data_dir() / "demo.db"


def db_resources() -> Path:
    """The ``db/`` folder: inside an installed wheel it is ``itatui/_db``; in a checkout it is ``<repo>/db``."""
    packaged = resources.files(APP_NAME) / "_db"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "db"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("itatui: migrations folder (db/) not found in the package")


def migrations_dir() -> Path:
    return db_resources() / "migrations"


def seed_dir() -> Path:
    return db_resources() / "seed"
