"""How an import's bad-row problems read, the same in the CLI and the TUI's preview."""

from __future__ import annotations

from itatui.i18n import t

FIELD_PREFIX = "committee.import.field."


def problem_text(keys: tuple[str, ...]) -> str:
    """``committee.import.field.salary:err.not_a_number`` → ``salary: ต้องเป็นตัวเลข``; other keys as they read."""
    out = []
    for key in keys:
        if key.startswith(FIELD_PREFIX) and ":" in key:
            field, msg = key[len(FIELD_PREFIX):].split(":", 1)
            out.append(f"{field}: {t(msg, n='')}")
        else:
            out.append(t(key))
    return "; ".join(out)
