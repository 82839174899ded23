"""K desks saving complaints at once: K processes, each saving through the core (``create_complaint``) for a
number of seconds, as K desk officers would. Used by run.py; runs alone too:

    .venv/bin/python benchmarks/desks.py DB_OR_URL [--seconds 10]

The database must hold the ``desk`` account (benchmarks/complaints.py seeds it). Afterwards every registry
number must be unique and without gaps.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

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
hwm = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM"))
print("SAVED", n, hwm, flush=True)
"""


def desks(url: str, k: int, seconds: float) -> tuple[float, float]:
    """Complaints saved per second by ``k`` desks together, and the largest desk process's peak RSS in MB.

    The desks log in one after another, then save together: what is measured is saving, and a log-in holds
    the SQLite write lock through the password check (see the report), which is not what this times."""
    procs: list[subprocess.Popen[str]] = []
    try:
        return _run(procs, url, k, seconds)
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()


def _run(procs: list[subprocess.Popen[str]], url: str, k: int, seconds: float) -> tuple[float, float]:
    for i in range(k):
        p = subprocess.Popen([sys.executable, "-c", DESK, url, str(seconds), str(i)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
        procs.append(p)
        assert p.stdout is not None
        line = p.stdout.readline()
        if not line.startswith("READY"):
            raise RuntimeError(f"a desk did not start: {line.strip()!r}")
    t0 = time.perf_counter()
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    total, rss = 0, 0.0
    for p in procs:
        assert p.stdin is not None and p.stdout is not None
        p.stdin.close()
        out = p.stdout.read()
        if p.wait() != 0 or "SAVED" not in out:
            raise RuntimeError(f"a desk failed (exit {p.returncode})")
        _saved, n, hwm_kb = out.split()[-3:]
        total += int(n)
        rss = max(rss, int(hwm_kb) / 1024)
    return total / (time.perf_counter() - t0), rss


def registry_check(url: str) -> str:
    from sqlalchemy import text

    from itatui.store.bootstrap import open_database

    e = open_database(url)
    with e.connect() as conn:
        groups = conn.execute(text(
            "SELECT fiscal_year, kind, count(*), count(DISTINCT registry_no), min(registry_no), max(registry_no) "
            "FROM complaint GROUP BY fiscal_year, kind")).all()
    e.dispose()
    wrong = [r for r in groups if not (r[2] == r[3] == r[5] - r[4] + 1)]
    return "no duplicate or skipped registry number" if not wrong else f"!! {len(wrong)} sequence(s) broken"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", help="SQLite file or database URL holding the desk account")
    ap.add_argument("--seconds", type=float, default=10.0)
    args = ap.parse_args()
    for k in (1, 2, 4):
        rate, rss = desks(args.db, k, args.seconds)
        print(f"{k} desk(s): {rate:.0f} saves/s (desk peak RSS {rss:.0f} MB)")
    print(registry_check(args.db))
    return 0


if __name__ == "__main__":
    sys.exit(main())
