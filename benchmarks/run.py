"""Every benchmark, one table: start-up, queue and search at N complaints on SQLite and PostgreSQL, saves per
second with 1, 2 and 4 desks on both, backup and restore, migrate-db, report times, memory.

    .venv/bin/python benchmarks/run.py                  # N = 1,000,000 (seeding alone takes a long while)
    .venv/bin/python benchmarks/run.py --quick          # N = 20,000: the whole run in a few minutes
    .venv/bin/python benchmarks/run.py --size 200000 --pg postgresql://postgres@127.0.0.1:54329/postgres

PostgreSQL columns need ``--pg URL`` (or ``ITATUI_TEST_PG_URL``): a server where a scratch database may be
created and dropped. The data reach PostgreSQL through ``itatui migrate-db`` (timed too). Saves per second: K
processes each saving complaints for ``--seconds`` through the core (``create_complaint``), as K desks would;
afterwards every registry number must be unique and without gaps (printed as a check).
"""

from __future__ import annotations

import argparse
import os
import resource
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

DESK = r"""
import sys, time
from datetime import UTC, datetime
from itatui.store.bootstrap import open_database
from itatui.store import accounts
from itatui.store import complaints as C
url, seconds, who = sys.argv[1], float(sys.argv[2]), sys.argv[3]
e = open_database(url)
officer = accounts.authenticate(e, "desk", "desk-pass-1").actor()
print("READY", flush=True)
sys.stdin.readline()  # every desk starts together
n, end = 0, time.perf_counter() + seconds
while time.perf_counter() < end:
    C.create_complaint(e, officer, C.ComplaintDraft(kind="general", channel="walk_in", subject=f"โต๊ะ {who} เรื่อง {n}",
        details="ไฟฟ้าส่องสว่างดับ", complainant_name="นายทดสอบ", phone="0812345678", contact_pref="phone",
        received_at=datetime.now(UTC)))
    n += 1
print("SAVED", n, flush=True)
"""


def _ms(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def startup(runs: int) -> list[tuple[str, str, str]]:
    proc = subprocess.run([sys.executable, str(HERE / "startup.py"), "--runs", str(runs)], capture_output=True, text=True)
    rows = []
    for line in proc.stdout.splitlines():
        for label in ("bare Textual app", "itatui to log-in", "itatui to plan", "ratio (medians)"):
            if line.startswith(label):
                rows.append((f"start-up: {label}", line.split(":", 1)[1].strip(), ""))
    return rows or [("start-up", "failed: " + proc.stderr.strip().splitlines()[-1][:80] if proc.stderr else "failed", "")]


def queue_and_search(url: str) -> dict[str, float]:
    from itatui.store import accounts
    from itatui.store import complaints as C
    from itatui.store.bootstrap import open_database

    e = open_database(url)
    officer = accounts.authenticate(e, "desk", "desk-pass-1").actor()
    page = C.list_complaints(e, officer, limit=50)
    out = {
        "queue: first page": _ms(lambda: C.list_complaints(e, officer, limit=50)),
        "queue: last page": _ms(lambda: C.list_complaints(e, officer, offset=max(0, page.total - 50), limit=50)),
        "queue: sort by due": _ms(lambda: C.list_complaints(e, officer, sort="due", descending=False)),
        "search: common word": _ms(lambda: C.list_complaints(e, officer, C.QueueFilters(text="หลุมลึก"))),
        "search: rare word": _ms(lambda: C.list_complaints(e, officer, C.QueueFilters(text="ซอยประชาร่วมใจ"))),
        "open a case": _ms(lambda: C.get_case(e, officer, page.rows[0].id)),
    }
    from itatui.domain.complaint_clock import today_local
    from itatui.domain.fiscal import fiscal_year
    from itatui.store.complaints.stats import complaint_stats

    fy = fiscal_year(today_local())
    out["report: complaint statistics"] = _ms(lambda: complaint_stats(e, officer, fy - 1, publish=True), repeat=3)
    e.dispose()
    return out


def desks(url: str, k: int, seconds: float) -> float:
    env = dict(os.environ)
    procs = [subprocess.Popen([sys.executable, "-c", DESK, url, str(seconds), str(i)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=env) for i in range(k)]
    for p in procs:
        assert p.stdout is not None and p.stdout.readline().startswith("READY")
    t0 = time.perf_counter()
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    total = 0
    for p in procs:
        out, _ = p.communicate()
        total += int(out.split()[-1])
    return total / (time.perf_counter() - t0)


def registry_check(url: str) -> str:
    from sqlalchemy import text

    from itatui.store.bootstrap import open_database

    e = open_database(url)
    with e.connect() as conn:
        bad = conn.execute(text(
            "SELECT fiscal_year, kind, count(*), count(DISTINCT registry_no), min(registry_no), max(registry_no) "
            "FROM complaint GROUP BY fiscal_year, kind")).all()
    e.dispose()
    wrong = [r for r in bad if not (r[2] == r[3] == r[5] - r[4] + 1)]
    return "no duplicate or skipped registry number" if not wrong else f"!! {len(wrong)} sequence(s) broken"


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
    folder = Path(args.dir or tempfile.mkdtemp(prefix="itatui-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["ITATUI_HOME"] = str(folder)
    from complaints import prepare  # benchmarks/complaints.py: seeds a file with the desk accounts

    rows: list[tuple[str, str, str]] = []  # (measure, SQLite, PostgreSQL)
    print(f"itatui benchmarks: {size:,} complaints; files in {folder}", flush=True)
    rows += startup(3 if args.quick else 7)

    db = folder / f"bench-{size}.db"
    seeded = prepare(db, size, reuse=True)
    rows.append(("complaints seeded", f"{size:,}" + (f" in {seeded:.0f} s" if seeded else " (reused)"), ""))
    rows.append(("database file", f"{db.stat().st_size / 2**20:,.0f} MB", ""))

    pg_url = None
    if args.pg:
        from sqlalchemy import create_engine, text

        from itatui.store.db import resolve_url

        admin_url = resolve_url(args.pg)
        name = f"itatui_bench_{uuid.uuid4().hex[:8]}"
        with create_engine(admin_url, isolation_level="AUTOCOMMIT").connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        pg_url = admin_url.rsplit("/", 1)[0] + "/" + name
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "itatui", "migrate-db", "--from", str(db), "--to", pg_url],
                              capture_output=True, text=True)
        ok = proc.returncode == 0
        rows.append(("migrate-db SQLite → PostgreSQL", "", f"{time.perf_counter() - t0:.1f} s" + ("" if ok else " FAILED")))
        print("migrated to PostgreSQL", flush=True)

    sq = queue_and_search(str(db))
    pg = queue_and_search(pg_url) if pg_url else {}
    for key, value in sq.items():
        rows.append((f"{key} (ms)", f"{value:.1f}", f"{pg[key]:.1f}" if key in pg else "-"))
    print("queue and search measured", flush=True)

    # backup and restore of this database
    from itatui.store.backup import make_backup
    from itatui.store.bootstrap import open_database
    from itatui.store.restore import restore

    e = open_database(str(db))
    result = make_backup(e, folder / "bench-backup.db")
    e.dispose()
    rows.append(("backup (write + check)", f"{result.seconds:.1f} s", "pg_dump"))
    t0 = time.perf_counter()
    restore(folder / "restored.db", folder / "bench-backup.db")
    rows.append(("restore (check + copy + open)", f"{time.perf_counter() - t0:.1f} s", ""))

    if pg_url:
        back = folder / "back.db"
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "itatui", "migrate-db", "--from", pg_url, "--to", str(back)],
                              capture_output=True, text=True)
        rows.append(("migrate-db PostgreSQL → SQLite", f"{time.perf_counter() - t0:.1f} s" + ("" if proc.returncode == 0 else " FAILED"), ""))
    print("backup, restore, migrate-db measured", flush=True)

    for k in (1, 2, 4):
        s_rate = desks(str(db), k, seconds)
        p_rate = desks(pg_url, k, seconds) if pg_url else None
        rows.append((f"saves/s, {k} desk(s)", f"{s_rate:.0f}", f"{p_rate:.0f}" if p_rate is not None else "-"))
    rows.append(("registry numbers after the desks", registry_check(str(db)), registry_check(pg_url) if pg_url else "-"))
    rows.append(("peak memory of this process (RSS)", f"{_rss_mb():.0f} MB", ""))

    if pg_url:
        from sqlalchemy import create_engine, text

        with create_engine(resolve_url(args.pg), isolation_level="AUTOCOMMIT").connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    w = max(len(r[0]) for r in rows)
    w2 = max(len(r[1]) for r in rows + [("", "SQLite", "")])
    print()
    print(f"| {'measure':<{w}} | {'SQLite':<{w2}} | PostgreSQL |")
    print(f"|{'-' * (w + 2)}|{'-' * (w2 + 2)}|------------|")
    for a, b, c in rows:
        print(f"| {a:<{w}} | {b:<{w2}} | {c} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
