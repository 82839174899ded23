"""Pilot helpers shared by the TUI and end-to-end tests: wait on conditions (never a fixed pause), type as a
terminal does. The one use of Textual's private API in the tests is here (``type_text``), with its reason."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from textual.widgets import DataTable


async def wait_until(pilot, condition: Callable[[], bool], *, timeout: float = 10.0, what: str = "") -> None:  # noqa: ANN001
    """Process messages until ``condition()`` holds (a worker delivered, a debounce fired); fail after
    ``timeout`` seconds of real time, so a slow machine waits longer instead of failing."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        await asyncio.sleep(0.01)  # real time passes: timers and thread workers need it
        await pilot.pause()


async def settle(pilot, rounds: int = 3) -> None:  # noqa: ANN001
    """Let workers finish and their results reach the screen. A "…-dialog" worker waits for a modal the test
    is about to use, so it is not waited for.

    A worker replaced by a newer request (exclusive workers) ends cancelled, and that is fine: the newer one is
    waited for next round. A worker cancelled because its screen was removed under it is not fine: that is a
    form that closed itself from inside its own worker, which ends cancelled (and flaky under load), so it fails
    the test instead of passing unseen."""
    from textual.worker import WorkerCancelled

    for _ in range(rounds):
        busy = [w for w in pilot.app.workers if not (w.group or "").endswith("dialog")]
        if busy:
            outcomes = await asyncio.gather(*(w.wait() for w in busy), return_exceptions=True)
            for worker, outcome in zip(busy, outcomes, strict=True):
                if isinstance(outcome, WorkerCancelled) and not worker.node.is_attached:
                    raise AssertionError(f"worker {worker.name!r} ({worker.group}) was cancelled with its screen")
                if isinstance(outcome, BaseException) and not isinstance(outcome, (WorkerCancelled, asyncio.CancelledError)):
                    raise outcome
        await pilot.pause()


async def type_text(pilot, text: str) -> None:  # noqa: ANN001
    """Type as a terminal sends it. Private API on purpose: Pilot's public ``press`` maps each character to a
    key name and drops Thai vowel and tone marks (combining characters), so Thai text is fed through Textual's
    terminal parser, as the real driver does.

    It returns once the focused widget has handled every key: the keys go to the app's queue, and the app passes
    each on to the focused widget's queue; ``pilot.pause()`` alone waits for the queues as they were when it was
    called, so under load it could return while the widget still had keys to handle. A marker sent down the same
    road, behind the last key, says when they are all in."""
    from textual._xterm_parser import XTermParser

    app = pilot.app
    for event in XTermParser().feed(text):
        app.post_message(event)
    delivered = asyncio.Event()
    targets = []

    def pass_on() -> None:  # runs in the app's queue, after the keys: the keys' target is the focused widget
        target = app.focused or app.screen
        targets.append(target)
        if not target.call_later(delivered.set):
            delivered.set()  # the widget is gone (a key closed its screen): nothing left to wait for

    app.call_later(pass_on)
    await wait_until(
        pilot, lambda: delivered.is_set() or bool(targets and not targets[0].is_attached), timeout=60, what="the keys"
    )
    await pilot.pause()


async def type_into(pilot, selector: str, text: str) -> None:  # noqa: ANN001
    widget = pilot.app.screen.query_one(selector)
    widget.focus()
    await pilot.pause()
    await type_text(pilot, text)


def rendered_text(renderable, width: int = 200) -> str:
    """What a Rich renderable shows, as plain text."""
    from rich.console import Console

    console = Console(width=width, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(renderable)
    return console.export_text()


def cells(table: DataTable, key: str) -> list[str]:
    return [str(c) for c in table.get_row(key)]


def row_keys(table: DataTable) -> list[str]:
    return [table.coordinate_to_cell_key((i, 0)).row_key.value for i in range(table.row_count)]
