"""The fraud-risk register at scale: 2,000 risks over 10 fiscal years (generated), then what the office does.

    .venv/bin/python benchmarks/risks.py                    # SQLite file in a temporary directory
    .venv/bin/python benchmarks/risks.py --db postgresql://…  # an empty PostgreSQL database

Measures, each call opening its own session as the TUI workers do: opening the register (settings, the year's
assessment, the first page sorted by level), a filtered page, the heat map, one risk with its controls, and a
year comparison. Target: each under 100 ms. Prints first call and median of 5, in milliseconds.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

YEARS = tuple(range(2561, 2571))
PROCESSES, ISSUES = 20, 10  # per year: 200 risks, 2,000 in all


def _ms(fn: Callable[[], object], repeat: int = 5) -> tuple[float, float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times[0], statistics.median(times), result


def seed(engine) -> None:  # noqa: ANN001
    """Ten yearly assessments of 200 risks each, every year a copy of the last with scores moved a little."""
    from itatui.store.db import write_scope
    from itatui.store.models import Organisation, RiskAssessment, RiskControl, RiskIssue, RiskProcess
    from itatui.domain.risks import DEFAULT_MATRIX

    rnd = random.Random(9)
    cats = ("permits", "power", "budget", "personnel", "bribery")
    with write_scope(engine) as s:
        org = Organisation(name="เทศบาลทดสอบ")
        s.add(org)
        s.flush()
        lineage: dict[tuple[int, int], int] = {}
        for fy in YEARS:
            ra = RiskAssessment(organisation_id=org.id, fiscal_year=fy, title="การประเมินความเสี่ยง", source="manual")
            s.add(ra)
            s.flush()
            for p in range(1, PROCESSES + 1):
                proc = RiskProcess(assessment_id=ra.id, number=p, name=f"ขั้นตอนที่ {p}")
                s.add(proc)
                s.flush()
                for i in range(1, ISSUES + 1):
                    lik, imp = rnd.randint(1, 5), rnd.randint(1, 5)
                    issue = RiskIssue(
                        process_id=proc.id, number=i, description=f"ความเสี่ยง {p}.{i} ปี {fy}", likelihood=lik, impact=imp,
                        level=DEFAULT_MATRIX.level(lik, imp) or "", category=cats[(p + i) % 5], owner=f"กอง {p % 6}",
                        status=rnd.choice(("open", "treating", "treating", "closed")),
                        residual_likelihood=max(1, lik - 1), residual_impact=imp,
                        residual_level=DEFAULT_MATRIX.level(max(1, lik - 1), imp) or "",
                        next_review=date(fy - 543, rnd.randint(1, 12), 1), lineage_id=lineage.get((p, i)),
                    )
                    s.add(issue)
                    s.flush()
                    lineage.setdefault((p, i), issue.id)
                for c in (1, 2):
                    s.add(RiskControl(process_id=proc.id, number=c, text=f"มาตรการ {c}", due=date(fy - 543, 9, 30), progress=rnd.randint(0, 100)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database URL or file (default: a new SQLite file)")
    args = parser.parse_args()
    from itatui.domain.roles import SYSTEM
    from itatui.store import risks
    from itatui.store.bootstrap import open_database
    from itatui.store.risks.types import RegisterFilter

    db = args.db or str(Path(tempfile.mkdtemp(prefix="itatui-risks-")) / "risks.db")
    engine = open_database(db)
    t0 = time.perf_counter()
    seed(engine)
    print(f"seeded {len(YEARS) * PROCESSES * ISSUES:,} risks over {len(YEARS)} years in {time.perf_counter() - t0:.1f} s ({engine.dialect.name})")
    actor = SYSTEM

    def open_register():  # noqa: ANN202 - what the register screen does on opening
        risks.risk_settings(engine, actor)
        info = risks.assessment_for_year(engine, actor, 2570)
        return risks.register_page(engine, actor, info.id, RegisterFilter(), "level", True, 0, 50)

    info = risks.assessment_for_year(engine, actor, 2570)
    first_id = open_register().rows[0].id
    cases = [
        ("open the register (settings, year, page 1 by level)", open_register),
        ("filtered page (overdue, category)", lambda: risks.register_page(engine, actor, info.id, RegisterFilter(overdue=True, category="budget"), "review", False, 0, 50)),
        ("heat map", lambda: risks.heat_map(engine, actor, info.id)),
        ("one risk with controls and complaints", lambda: risks.risk_detail(engine, actor, first_id)),
        ("year comparison 2569 / 2570", lambda: risks.compare_years(engine, actor, 2569, 2570)),
        ("year comparison 2561 / 2570", lambda: risks.compare_years(engine, actor, 2561, 2570)),
    ]
    print(f"{'':52} {'first':>8} {'median':>8}")
    worst = 0.0
    for label, fn in cases:
        first, median, _ = _ms(fn)
        worst = max(worst, median)
        print(f"{label:52} {first:8.1f} {median:8.1f} ms")
    print(f"target: every median under 100 ms — {'met' if worst < 100 else 'NOT met'} (worst {worst:.1f} ms)")
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
