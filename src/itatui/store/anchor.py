"""The audit chain's head kept outside the database: a small JSON file beside it (``<db>.anchor``; for a
PostgreSQL server, one per server and database in the data directory).

It holds the last record's id and hash (and, written by start-up and ``check``, the number of records). It is
advanced after every committed write that added an audit record, and by every ``check``. ``check`` then
catches what the chain alone cannot: a cut tail or a wiped log (the anchored record is gone or the count
shrank), a log rewritten with recomputed hashes (the anchored record's hash differs), and on SQLite records
added behind the app's back (records after the anchor).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Connection, Engine


@dataclass(frozen=True)
class Anchor:
    last_id: int
    hash: str
    count: int | None  # None when written by a commit (counting every time would slow saves down)


def anchor_path(bind: Engine | Connection) -> Path | None:
    url = bind.engine.url
    if url.get_backend_name() == "sqlite":
        db = url.database
        if not db or db == ":memory:":
            return None
        return Path(db).with_name(Path(db).name + ".anchor")
    from itatui.paths import data_dir

    key = hashlib.sha256(f"{url.host}:{url.port}/{url.database}".encode()).hexdigest()[:16]
    return data_dir() / f"audit-{key}.anchor"


def read(bind: Engine | Connection) -> Anchor | None:
    path = anchor_path(bind)
    if path is None or not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Anchor(int(data["last_id"]), str(data["hash"]), data.get("count"))


def _write(path: Path, anchor: Anchor) -> None:
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({"last_id": anchor.last_id, "hash": anchor.hash, "count": anchor.count}, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def advance(bind: Engine | Connection, last_id: int, head_hash: str, count: int | None = None) -> None:
    """Move the anchor forward to (last_id, hash); never backwards (several desks may commit at once)."""
    path = anchor_path(bind)
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = os.open(path.with_name(path.name + ".lock"), os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        old = read(bind)
        if old is not None and old.last_id > last_id:
            return
        _write(path, Anchor(last_id, head_hash, count))
    finally:
        os.close(lock)


def replace_anchor(bind: Engine | Connection, anchor: Anchor) -> None:
    """Written by ``check`` once the whole chain verified: the full (id, hash, count)."""
    path = anchor_path(bind)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write(path, anchor)
