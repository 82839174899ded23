"""What makes a password too weak: short, the user name, or in the shipped list of common passwords."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def common_passwords() -> frozenset[str]:
    text = resources.files("itatui").joinpath("data/common-passwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def weakness(password: str, username: str, min_length: int) -> str | None:
    """The catalogue key of the first reason ``password`` is refused, or None."""
    if len(password) < min_length or not password.strip():
        return "err.password_short"
    folded = password.strip().lower()
    name = username.strip().lower()
    if name and (folded == name or folded.replace(" ", "") == name or name in folded and len(folded) - len(name) < 4):
        return "err.password_username"
    if folded in common_passwords() or len(set(folded)) <= 2:
        return "err.password_common"
    return None
