"""Every benchmark, one table: start-up, queue and search at N complaints on SQLite and PostgreSQL, saves per
second with 1, 2 and 4 desks on both, backup and restore, migrate-db, report times, memory.

    .venv/bin/python benchmarks/run.py                  # N = 1,000,000 (seeding alone takes a long while)
    .venv/bin/python benchmarks/run.py --quick          # N = 20,000: the whole run in a few minutes
    .venv/bin/python benchmarks/run.py --size 200000 --pg postgresql://postgres@127.0.0.1:54329/postgres

PostgreSQL columns need ``--pg URL`` (or ``ITATUI_TEST_PG_URL``): a server where a scratch database may be
created and dropped. The data reach PostgreSQL through ``itatui migrate-db`` (timed too). Saves per second: K
processes each saving complaints for ``--seconds`` through the core (``create_complaint``), as K desks would;
afterwards every registry number must be unique and without gaps (printed as a check).

The SQLite measures run first, then the move to PostgreSQL and its measures, then the move back: a long run cut
short still has its first figures. A step that fails shows "failed" in its cell and the run goes on; the table
(with the machine's load averages at start and end) is printed however the run ends, and the scratch
PostgreSQL database is always dropped.
"""

from __future__ import annotations

import argparse
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from desks import desks, registry_check  # noqa: E402  benchmarks/desks.py


def _ms(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


class Table:
    """Rows in the order first seen; each phase fills its engine's column. Printed as a Markdown table."""

    def __init__(self) -> None:
        self.rows: dict[str, list[str]] = {}

    def put(self, measure: str, sqlite: str = "", pg: str = "") -> None:
        row = self.rows.setdefault(measure, ["", ""])
        if sqlite:
            row[0] = sqlite
        if pg:
            row[1] = pg
        print(f"  {measure}: {row[0]} | {row[1]}", flush=True)

    def print(self) -> None:
        w = max([len("measure")] + [len(k) for k in self.rows])
        w2 = max([len("SQLite")] + [len(v[0]) for v in self.rows.values()])
        w3 = max([len("PostgreSQL")] + [len(v[1]) for v in self.rows.values()])
        print()
        print(f"| {'measure':<{w}} | {'SQLite':<{w2}} | {'PostgreSQL':<{w3}} |")
        print(f"|{'-' * (w + 2)}|{'-' * (w2 + 2)}|{'-' * (w3 + 2)}|")
        for key, (a, b) in self.rows.items():
            print(f"| {key:<{w}} | {a:<{w2}} | {b:<{w3}} |")
        sys.stdout.flush()


def step(table: Table, name: str, column: int, fn: Callable[[], None]) -> bool:
    """Run one phase; a failure is written into the table instead of ending the run."""
    print(f"[{time.strftime('%H:%M:%S')}] {name} (load {_load()})", flush=True)
    try:
        fn()
        return True
    except Exception as exc:  # noqa: BLE001 - a benchmark reports the failure and goes on
        message = f"failed: {type(exc).__name__}: {str(exc).strip().splitlines()[0][:70] if str(exc).strip() else ''}"
        table.put(name, *((message, "") if column == 0 else ("", message)))
        return False


# Runs ``python -m itatui ARGS`` and reports the process's own peak RSS (VmHWM: unlike ru_maxrss, it does not
# carry over the parent's size from before the exec).
MEASURED = r"""
import runpy, sys
sys.argv = ["itatui", *sys.argv[1:]]
try:
    runpy.run_module("itatui", run_name="__main__")
finally:
    hwm = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM"))
    print("PEAK_RSS_KB", hwm, file=sys.stderr, flush=True)
"""


def itatui(args: list[str], log: Path) -> tuple[int, float, float, str]:
    """Run an itatui command, its progress (error output) going to ``log``: (exit code, seconds, its peak RSS
    in MB, the last line of its error output)."""
    print(f"  (progress in {log})", flush=True)
    t0 = time.perf_counter()
    with log.open("w") as err:
        proc = subprocess.run([sys.executable, "-c", MEASURED, *args], stdout=subprocess.DEVNULL, stderr=err)
    seconds = time.perf_counter() - t0
    lines = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    rss = next((int(x.split()[1]) / 1024 for x in lines if x.startswith("PEAK_RSS_KB")), 0.0)
    tail = " ".join([x for x in lines if not x.startswith("PEAK_RSS_KB")][-1:])[:100]
    return proc.returncode, seconds, rss, tail


def startup(table: Table, runs: int) -> None:
    proc = subprocess.run([sys.executable, str(HERE / "startup.py"), "--runs", str(runs)], capture_output=True, text=True)
    found = False
    for line in proc.stdout.splitlines():
        for label in ("bare Textual app", "itatui to log-in", "itatui Enter to plan", "itatui to plan", "ratio (medians)", "itatui memory"):
            if line.startswith(label):
                table.put(f"start-up: {label}", " ".join(line.split(":", 1)[1].split()))
                found = True
    if not found:
        raise RuntimeError(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "no output")


def queue_and_search(table: Table, url: str, column: int, repeat: int) -> None:
    from itatui.domain.complaint_clock import today_local
    from itatui.domain.fiscal import fiscal_year
    from itatui.domain.roles import SYSTEM
    from itatui.reports import registry
    from itatui.reports.spec import ReportParams
    from itatui.store import accounts
    from itatui.store import complaints as C
    from itatui.store.bootstrap import open_database
    from itatui.store.complaints.stats import complaint_stats

    def put(measure: str, value: str) -> None:
        table.put(measure, *((value, "") if column == 0 else ("", value)))

    e = open_database(url)
    officer = accounts.authenticate(e, "desk", "desk-pass-1").actor()
    page = C.list_complaints(e, officer, limit=50)
    put("complaints in the database", f"{page.total:,}")
    cases = {
        "queue: first page (ms)": lambda: C.list_complaints(e, officer, limit=50),
        "queue: last page (ms)": lambda: C.list_complaints(e, officer, offset=max(0, page.total - 50), limit=50),
        "queue: sort by due (ms)": lambda: C.list_complaints(e, officer, sort="due", descending=False),
        "search: common word (ms)": lambda: C.list_complaints(e, officer, C.QueueFilters(text="หลุมลึก")),
        "search: rare word (ms)": lambda: C.list_complaints(e, officer, C.QueueFilters(text="ซอยประชาร่วมใจ")),
        "open a case (ms)": lambda: C.get_case(e, officer, page.rows[0].id),
    }
    for label, fn in cases.items():
        put(label, f"{_ms(fn, repeat):.1f}")
    fy = fiscal_year(today_local())
    put("report: complaint statistics, query (ms)", f"{_ms(lambda: complaint_stats(e, officer, fy - 1, publish=True), 3):.1f}")
    put("report: complaint statistics PDF (s)",
        f"{_ms(lambda: registry.produce(e, SYSTEM, 'complaint-stats', ReportParams(year=fy - 1)), 3) / 1000:.2f}")
    put("report: plan PDF (s)", f"{_ms(lambda: registry.produce(e, SYSTEM, 'plan', ReportParams()), 3) / 1000:.2f}")
    e.dispose()
    put("peak memory after queue, search and reports (RSS)", f"{_rss_mb():.0f} MB")


def ensure_plan(db: Path) -> None:
    """The demo plan in the benchmark database, for the plan report (a no-op once it is there)."""
    from itatui.store.bootstrap import open_database
    from itatui.store.seed import seed_demo_plan

    e = open_database(str(db))
    seed_demo_plan(e)
    e.dispose()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=1_000_000, help="complaints in the database (default 1,000,000)")
    ap.add_argument("--quick", action="store_true", help="20,000 complaints, fewer repeats: a run of a few minutes")
    ap.add_argument("--pg", default=os.environ.get("ITATUI_TEST_PG_URL"), help="PostgreSQL server URL (scratch database)")
    ap.add_argument("--seconds", type=float, default=None, help="how long each desk saves (default 10, quick 4)")
    ap.add_argument("--dir", default=None, help="where the files go (default: a temporary folder)")
    args = ap.parse_args()
    size = 20_000 if args.quick and args.size == 1_000_000 else args.size
    seconds = args.seconds or (4.0 if args.quick else 10.0)
    repeat = 3 if args.quick else 5
    folder = Path(args.dir or tempfile.mkdtemp(prefix="itatui-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["ITATUI_HOME"] = str(folder)
    from complaints import prepare  # benchmarks/complaints.py: seeds a file with the desk accounts

    def stop(_sig: int, _frame: object) -> None:
        raise KeyboardInterrupt  # so the table is printed and the scratch database dropped

    signal.signal(signal.SIGTERM, stop)
    table = Table()
    started = time.time()
    load_start = _load()
    print(f"itatui benchmarks: {size:,} complaints; files in {folder}; {os.cpu_count()} CPUs; load {load_start}", flush=True)
    db = folder / f"bench-{size}.db"
    admin_url = pg_url = name = None
    try:
        step(table, "start-up", 0, lambda: startup(table, 3 if args.quick else 7))

        def seed() -> None:
            took = prepare(db, size, reuse=True)
            ensure_plan(db)
            table.put("complaints seeded", f"{size:,}" + (f" in {took:.0f} s" if took else " (reused)"))
            table.put("database file", f"{db.stat().st_size / 2**20:,.0f} MB")

        if not step(table, "seeding", 0, seed):
            return 1
        step(table, "queue and search", 0, lambda: queue_and_search(table, str(db), 0, repeat))

        def backup_restore() -> None:
            from itatui.store.backup import make_backup
            from itatui.store.bootstrap import open_database
            from itatui.store.restore import restore

            e = open_database(str(db))
            result = make_backup(e, folder / "bench-backup.db")
            e.dispose()
            table.put("backup (write + check)", f"{result.seconds:.1f} s" + ("" if result.path else " REFUSED"))
            t0 = time.perf_counter()
            restore(folder / "restored.db", folder / "bench-backup.db")
            table.put("restore (check + copy + open)", f"{time.perf_counter() - t0:.1f} s")
            for leftover in folder.glob("restored.db*"):
                leftover.unlink()
            (folder / "bench-backup.db").unlink(missing_ok=True)

        step(table, "backup and restore", 0, backup_restore)

        def run_desks(url: str, column: int) -> None:
            for k in (1, 2, 4):
                rate, rss = desks(url, k, seconds)
                value = f"{rate:.0f} (desk RSS {rss:.0f} MB)"
                table.put(f"saves/s, {k} desk(s)", *((value, "") if column == 0 else ("", value)))
            check = registry_check(url)
            table.put("registry numbers after the desks", *((check, "") if column == 0 else ("", check)))

        step(table, "desks", 0, lambda: run_desks(str(db), 0))

        if args.pg:
            from sqlalchemy import create_engine, text

            from itatui.store.db import resolve_url

            admin_url = resolve_url(args.pg)
            name = f"itatui_bench_{uuid.uuid4().hex[:8]}"
            with create_engine(admin_url, isolation_level="AUTOCOMMIT").connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            pg_url = admin_url.rsplit("/", 1)[0] + "/" + name

            def migrate_to() -> None:
                rc, took, rss, err = itatui(["migrate-db", "--from", str(db), "--to", pg_url], folder / "migrate-to-pg.log")
                table.put("migrate-db SQLite → PostgreSQL", pg=f"{took:.1f} s, RSS {rss:.0f} MB" + ("" if rc == 0 else f" FAILED ({rc}: {err})"))
                if rc != 0:
                    raise RuntimeError(err)

            if step(table, "migrate-db to PostgreSQL", 1, migrate_to):
                step(table, "queue and search (PostgreSQL)", 1, lambda: queue_and_search(table, pg_url, 1, repeat))
                step(table, "desks (PostgreSQL)", 1, lambda: run_desks(pg_url, 1))

                def back() -> None:
                    target = folder / "back.db"
                    for suffix in ("", "-wal", "-shm", ".anchor", ".anchor.lock"):
                        Path(str(target) + suffix).unlink(missing_ok=True)
                    rc, took, rss, err = itatui(["migrate-db", "--from", pg_url, "--to", str(target)], folder / "migrate-to-sqlite.log")
                    table.put("migrate-db PostgreSQL → SQLite", f"{took:.1f} s, RSS {rss:.0f} MB" + ("" if rc == 0 else f" FAILED ({rc}: {err})"))
                    for suffix in ("", "-wal", "-shm", ".anchor", ".anchor.lock"):
                        Path(str(target) + suffix).unlink(missing_ok=True)

                step(table, "migrate-db back to SQLite", 0, back)
    except KeyboardInterrupt:
        print("interrupted: the table holds what was measured", flush=True)
    finally:
        if admin_url and name:
            from sqlalchemy import create_engine, text

            with create_engine(admin_url, isolation_level="AUTOCOMMIT").connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        table.put("peak memory of the measuring process (RSS)", f"{_rss_mb():.0f} MB")
        print(f"\n{size:,} complaints; {os.cpu_count()} CPUs; load averages (1/5/15 min) at start {load_start}, "
              f"at end {_load()}; {(time.time() - started) / 60:.0f} min in all")
        table.print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
