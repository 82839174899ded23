"""Start-up time: process start → the plan screen ready (headless), against a bare Textual app in the same run.

    .venv/bin/python benchmarks/startup.py [--runs 7]

Each measurement is a fresh Python process, timed from just before it is spawned until it reports READY: for
itatui, made as ``itatui --db PATH`` makes it, that is after the log-in screen, a log-in typed as fast as the
driver takes keys (argon2 verification included; the database is opened and its schema checked in a worker
meanwhile), the switch to mode 1, the plan screen's data workers finishing and the screen idle. The bare
app mounts a Header, a DataTable of 40 rows and a Footer. Prints the median and best of each, and the ratio of
the medians (target: at most 1.5).

Both children run from compiled bytecode, as an installed wheel does (pip compiles on install): the checkout's
environment may set PYTHONDONTWRITEBYTECODE, which would otherwise make every itatui start recompile the app's
own sources while the bare app's (Textual's) are already compiled. The cache goes to a temporary
PYTHONPYCACHEPREFIX, written by the warm-up runs, so the checkout is left untouched.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE_PLAN = REPO / "tests" / "data" / "khemarat-anti-corruption-plan-2566-2570.txt"

ITATUI_CHILD = r"""
import asyncio, os, sys, time
from itatui.tui.app import ItaApp
from textual import events
from textual.keys import _character_to_key
from textual.widgets import Input

async def until(pilot, condition):
    # A plain sleep between checks, not pilot.pause(): that posts a callback to every widget of the screen and
    # waits for all of them, every 5 ms, which would load the event loop (and hold the GIL from the app's own
    # workers) with the harness's work. The final pilot.pause() below, as in the bare app, waits for the screen.
    while not condition():
        await asyncio.sleep(0.005)

def type_keys(app, text):
    # Key events straight to the driver, as a terminal delivers them: Pilot.press waits ~60 ms after every key,
    # which would time Pilot's pacing rather than the app. (Enter moves the focus; the caller waits for that.)
    for ch in text:
        key = "enter" if ch == "\r" else ch if ch.isalnum() else _character_to_key(ch)
        event = events.Key(key, ch)
        event.set_sender(app)
        app._driver.send_message(event)

async def main():
    app = ItaApp(db=os.environ["BENCH_DB"])  # as `itatui --db PATH` makes it (commands/app.py run_app)
    async with app.run_test(headless=True, size=(100, 30)) as pilot:
        await until(pilot, lambda: app.screen.id == "login" and isinstance(app.focused, Input) and app.focused.id == "username")
        print("LOGIN", time.time(), flush=True)
        type_keys(app, "admin\r")
        await until(pilot, lambda: app.focused is not None and app.focused.id == "password")
        type_keys(app, "bench-pass-1\r")
        print("ENTER", time.time(), flush=True)
        await until(pilot, lambda: app.current_mode == "plan" and app.screen.is_mounted)
        await app.workers.wait_for_complete()
        await pilot.pause()
        hwm = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM"))  # peak RSS, KiB
        print("READY", time.time(), type(app.screen).__name__, hwm, flush=True)

asyncio.run(main())
"""

BARE_CHILD = r"""
import asyncio, time
from textual.app import App
from textual.widgets import DataTable, Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("no", "name", "2566", "2567", "2568", "2569", "2570")
        table.add_rows([(i, f"project {i}", 1000, 2000, 3000, 4000, 5000) for i in range(40)])

async def main():
    app = Bare()
    async with app.run_test(headless=True, size=(100, 30)) as pilot:
        await pilot.pause()
        print("READY", time.time(), "Bare", flush=True)

asyncio.run(main())
"""


def prepare(db: Path) -> str:
    """A database with one administrator and, when available, the Khemarat plan. Returns what it holds."""
    from itatui.domain.roles import Role
    from itatui.store.accounts import create_user
    from itatui.store.bootstrap import open_database

    engine = open_database(str(db))
    admin = create_user(engine, None, "admin", "bench-pass-1", {Role.ADMIN}, "ผู้ดูแลระบบ", first_admin=True)  # type: ignore[arg-type]
    held = "no plan"
    try:
        from itatui.store.seed import seed_demo_plan
    except ImportError:
        if SOURCE_PLAN.exists():
            from itatui.importers import parse_plan_file
            from itatui.store.plan.importing import import_plan

            import_plan(engine, admin.actor(), parse_plan_file(SOURCE_PLAN))
            held = "the Khemarat plan imported from tests/data"
    else:
        seed_demo_plan(engine)
        held = "the shipped Khemarat seed plan"
    engine.dispose()
    return held


def time_child(code: str, env: dict[str, str]) -> tuple[float, float | None, str, float | None, float | None]:
    """Seconds from just before the spawn to the child's READY, and to its LOGIN mark if it prints one (wall
    clock, which both processes share); the screen it reached, its peak RSS in MB if it reports one, and the
    seconds from the password's Enter to READY if it marks the Enter."""
    start = time.time()
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    marks = {line.split()[0]: line.split()[1:] for line in proc.stdout.splitlines() if line[:5] in ("READY", "LOGIN", "ENTER")}
    if proc.returncode != 0 or "READY" not in marks:
        raise SystemExit(f"child failed:\n{proc.stdout}\n{proc.stderr}")
    login = float(marks["LOGIN"][0]) - start if "LOGIN" in marks else None
    rss = float(marks["READY"][2]) / 1024 if len(marks["READY"]) > 2 else None
    enter = float(marks["READY"][0]) - float(marks["ENTER"][0]) if "ENTER" in marks else None
    return float(marks["READY"][0]) - start, login, marks["READY"][1], rss, enter


def main() -> None:
    parser = argparse.ArgumentParser(description="itatui start-up time against a bare Textual app")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "ITATUI_HOME": tmp, "BENCH_DB": str(Path(tmp) / "bench.db"), "ITATUI_LANG": "th"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        os.environ["ITATUI_HOME"] = tmp
        held = prepare(Path(env["BENCH_DB"]))
        # Warm the file cache and compile the bytecode once, like any start after the installation.
        time_child(ITATUI_CHILD, env)
        time_child(BARE_CHILD, env)
        ours: list[float] = []
        login: list[float] = []
        bare: list[float] = []
        memory: list[float] = []
        after_enter: list[float] = []
        screen = ""
        for _ in range(args.runs):  # interleaved, so machine load affects both alike
            elapsed, at_login, screen, rss, enter = time_child(ITATUI_CHILD, env)
            after_enter.append(enter or 0.0)
            ours.append(elapsed)
            memory.append(rss or 0.0)
            login.append(at_login or 0.0)
            bare.append(time_child(BARE_CHILD, env)[0])
    ratio = statistics.median(ours) / statistics.median(bare)
    print(f"database: {held}; itatui ready on {screen}; {args.runs} runs each, headless 100x30")
    print(f"bare Textual app : median {statistics.median(bare) * 1000:7.1f} ms   best {min(bare) * 1000:7.1f} ms")
    print(f"itatui to log-in : median {statistics.median(login) * 1000:7.1f} ms   best {min(login) * 1000:7.1f} ms")
    print(f"itatui Enter to plan: median {statistics.median(after_enter) * 1000:7.1f} ms   best {min(after_enter) * 1000:7.1f} ms"
          "   (password check, opening the plan)")
    print(f"itatui to plan   : median {statistics.median(ours) * 1000:7.1f} ms   best {min(ours) * 1000:7.1f} ms")
    print(f"ratio (medians)  : {ratio:.2f}x   (target <= 1.5x)")
    print(f"itatui memory at the plan screen: peak RSS median {statistics.median(memory):.0f} MB")


if __name__ == "__main__":
    main()
