"""Complaint desk at scale: save latency, queue pages, search, case, stats and memory for N complaints.

    .venv/bin/python benchmarks/complaints.py                      # 10k and 100k
    .venv/bin/python benchmarks/complaints.py --sizes 1000000      # 1M (seeding takes a few minutes)
    .venv/bin/python benchmarks/complaints.py --sizes 100000 --dir /tmp/cb --reuse

Each size gets its own SQLite file, seeded by ``itatui seed-demo`` in a child process (so the seeding does not
count in this process's memory). Then this process measures what a desk officer does, each timed call opening
its own session as the TUI workers do. Aim: every interaction under 100 ms at 1M, memory under 200 MB.
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
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path


def _ms(fn: Callable[[], object], repeat: int = 5) -> tuple[float, float, object]:
    """(first call, median of the repeats) in milliseconds, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times[0], statistics.median(times), result


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def prepare(path: Path, n: int, reuse: bool) -> float | None:
    if reuse and path.exists():
        return None
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    env = dict(os.environ, ITATUI_HOME=str(path.parent))
    code = (
        "import sys\n"
        "from itatui.store.bootstrap import open_database\n"
        "from itatui.store import accounts\n"
        "from itatui.store.complaints.seed import seed_complaints, _ensure_org\n"
        "from itatui.store.db import write_scope\n"
        "from itatui.store.complaints.identity import bootstrap_investigator\n"
        "from itatui.domain.roles import Role\n"
        "e = open_database(sys.argv[1])\n"
        "with write_scope(e) as s: _ensure_org(s, None)\n"
        "admin = accounts.create_user(e, None, 'admin', 'admin-pass-1', {Role.ADMIN}, first_admin=True).actor()\n"
        "accounts.create_user(e, admin, 'desk', 'desk-pass-1', {Role.COMPLAINT_OFFICER}, 'เจ้าหน้าที่รับเรื่อง')\n"
        "accounts.create_user(e, admin, 'inv', 'inv-pass-1', {Role.VIEWER}, 'ผู้ตรวจสอบ')\n"
        "bootstrap_investigator(e, admin, 'inv', 'inv-pass-1')\n"
        "seed_complaints(e, int(sys.argv[2]), seed=1, batch=10000)\n"
    )
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(path), str(n)], check=True, env=env)
    return time.perf_counter() - t0


def measure(path: Path, n: int, seconds: float | None, saves: int) -> list[tuple[str, str]]:
    from itatui.domain.complaint_clock import today_local
    from itatui.domain.fiscal import fiscal_year
    from itatui.store import accounts
    from itatui.store import complaints as C
    from itatui.store.bootstrap import open_database
    from itatui.store.complaints.stats import complaint_stats

    engine = open_database(str(path))
    officer = accounts.authenticate(engine, "desk", "desk-pass-1").actor()
    out: list[tuple[str, str]] = [("complaints", f"{n:,}"), ("file size", f"{path.stat().st_size / 2**20:,.0f} MB")]
    if seconds is not None:
        out.append(("seeding", f"{seconds:,.1f} s ({n / seconds:,.0f} rows/s)"))

    lat = []
    for i in range(saves):
        kind = "corruption" if i % 10 == 0 else "general"
        draft = C.ComplaintDraft(
            kind=kind, channel="walk_in", subject=f"ทดสอบความเร็ว ถนนชำรุด {i}", details="ถนนเป็นหลุมลึกหน้าบ้านเลขที่ 12",
            complainant_name="นายทดสอบ ระบบ", phone="0812345678", contact_pref="phone",
            accused="เจ้าหน้าที่กองช่าง" if kind == "corruption" else "", received_at=datetime.now(UTC),
        )
        t0 = time.perf_counter()
        C.create_complaint(engine, officer, draft)
        lat.append((time.perf_counter() - t0) * 1000)
    lat.sort()
    out.append(("save p50 / p95", f"{lat[len(lat) // 2]:.1f} / {lat[int(len(lat) * 0.95)]:.1f} ms ({saves} saves)"))

    def row(label: str, fn: Callable[[], object]) -> object:
        first, med, result = _ms(fn)
        extra = f" → {result.total:,} rows" if isinstance(result, C.Page) else ""
        out.append((label, f"{first:.1f} ms first, {med:.1f} ms median{extra}"))
        return result

    page = row("queue first page", lambda: C.list_complaints(engine, officer, limit=50))
    total = page.total  # type: ignore[attr-defined]
    row("queue last page", lambda: C.list_complaints(engine, officer, offset=max(0, total - 50), limit=50))
    row("queue middle page", lambda: C.list_complaints(engine, officer, offset=total // 2, limit=50))
    row("sort by due, page 1", lambda: C.list_complaints(engine, officer, sort="due", descending=False))
    row("sort by registry, page 1", lambda: C.list_complaints(engine, officer, sort="registry"))
    row("sort by status, page 1", lambda: C.list_complaints(engine, officer, sort="status", descending=False))
    fy = fiscal_year(today_local())
    row("filter year + status", lambda: C.list_complaints(engine, officer, C.QueueFilters(fiscal_year=fy, status="investigating")))
    row("filter channel + kind", lambda: C.list_complaints(engine, officer, C.QueueFilters(channel="line", kind="general")))
    row("overdue list", lambda: C.overdue_list(engine, officer))
    row("search 'หลุมลึก' (common)", lambda: C.list_complaints(engine, officer, C.QueueFilters(text="หลุมลึก")))
    row("search 'ซอยประชาร่วมใจ'", lambda: C.list_complaints(engine, officer, C.QueueFilters(text="ซอยประชาร่วมใจ")))
    row("search 'ทดสอบความเร็ว' (rare)", lambda: C.list_complaints(engine, officer, C.QueueFilters(text="ทดสอบความเร็ว")))
    row("search 'ไฟ' (2 chars)", lambda: C.list_complaints(engine, officer, C.QueueFilters(text="ไฟ")))
    first_id = page.rows[0].id  # type: ignore[attr-defined]
    row("open a case", lambda: C.get_case(engine, officer, first_id))
    code = page.rows[0].tracking_code  # type: ignore[attr-defined]
    row("public status by code", lambda: C.public_status(engine, code))
    first, med, _ = _ms(lambda: complaint_stats(engine, officer, fy - 1, publish=True), repeat=3)
    out.append((f"statistics FY {fy - 1}", f"{first:.0f} ms first, {med:.0f} ms median"))
    out.append(("peak memory (RSS)", f"{_rss_mb():.0f} MB"))
    engine.dispose()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000", help="comma-separated complaint counts (e.g. 10000,100000,1000000)")
    ap.add_argument("--dir", default=None, help="where the database files go (default: a temporary folder)")
    ap.add_argument("--reuse", action="store_true", help="reuse an existing seeded file of the same size")
    ap.add_argument("--saves", type=int, default=200, help="create_complaint calls timed per size")
    args = ap.parse_args()
    folder = Path(args.dir or tempfile.mkdtemp(prefix="itatui-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["ITATUI_HOME"] = str(folder)
    for n in (int(x) for x in args.sizes.split(",")):
        path = folder / f"complaints-{n}.db"
        seconds = prepare(path, n, args.reuse)
        print(f"\n== {n:,} complaints ({path})")
        for label, value in measure(path, n, seconds, args.saves):
            print(f"  {label:<32} {value}")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
