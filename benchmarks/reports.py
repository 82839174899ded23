"""Printing at scale: the plan PDF, every project sheet, complaint statistics over N complaints, the ITA pack.

    .venv/bin/python benchmarks/reports.py                          # 100,000 complaints
    .venv/bin/python benchmarks/reports.py --complaints 100000 --dir /tmp/rb --reuse

The database (demo plan + N synthetic complaints) is made in a child process. Each figure is the median of a few
runs in this process after one warm-up (the first compile also loads the font set: shown apart).
Targets: plan PDF < 1 s, all project sheets < 5 s, complaint statistics < 2 s, whole ITA pack < 15 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TARGETS = {"plan PDF": 1.0, "all project sheets PDF": 5.0, "complaint statistics PDF": 2.0, "ITA pack": 15.0}


def prepare(path: Path, n: int, reuse: bool) -> None:
    if reuse and path.exists():
        return
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    code = (
        "import sys\n"
        "from itatui.store.bootstrap import open_database\n"
        "from itatui.store.complaint_seed import seed_complaints\n"
        "from itatui.store.seed import seed_demo_plan\n"
        "e = open_database(sys.argv[1])\n"
        "seed_demo_plan(e)\n"
        "seed_complaints(e, int(sys.argv[2]), seed=1, batch=10000)\n"
    )
    env = dict(os.environ, ITATUI_HOME=str(path.parent))
    subprocess.run([sys.executable, "-c", code, str(path), str(n)], check=True, env=env)


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times[0], statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--complaints", type=int, default=100_000)
    ap.add_argument("--dir", type=Path, default=None)
    ap.add_argument("--reuse", action="store_true")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="itatui-reports-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / f"reports-{args.complaints}.db"
    prepare(db, args.complaints, args.reuse)

    from itatui.domain.fiscal import current_fiscal_year
    from itatui.domain.roles import SYSTEM
    from itatui.reports import registry
    from itatui.reports.ita_pack import build_pack
    from itatui.reports.spec import ReportParams
    from itatui.store.bootstrap import open_database

    engine = open_database(str(db))
    year = current_fiscal_year()
    t0 = time.perf_counter()
    registry.produce(engine, SYSTEM, "plan", ReportParams())
    print(f"{'first PDF of the process (font set loaded)':42} {time.perf_counter() - t0:6.2f} s")
    runs = {
        "plan PDF": lambda: registry.produce(engine, SYSTEM, "plan", ReportParams()),
        "plan XLSX": lambda: registry.produce(engine, SYSTEM, "plan", ReportParams(), "xlsx"),
        "all project sheets PDF": lambda: registry.produce(engine, SYSTEM, "project-sheets", ReportParams()),
        "monitoring PDF (year, round 1)": lambda: registry.produce(engine, SYSTEM, "monitoring", ReportParams(year=2569, round=1)),
        "complaint statistics PDF": lambda: registry.produce(engine, SYSTEM, "complaint-stats", ReportParams(year=year)),
        "ITA pack": lambda: build_pack(engine, SYSTEM, year, folder / "pack"),
    }
    print(f"{args.complaints:,} complaints, fiscal year {year}, median of {args.repeat}")
    failed = False
    for label, fn in runs.items():
        first, med = timed(fn, 1 if label == "ITA pack" else args.repeat)
        target = TARGETS.get(label)
        verdict = "" if target is None else (f"  (target < {target:g} s: {'ok' if med < target else 'MISSED'})")
        failed |= target is not None and med >= target
        print(f"{label:42} {med:6.2f} s{verdict}")
    engine.dispose()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
