"""Salary round at office scale: each live check recomputed after a decision, for N staff (default 500).

    .venv/bin/python benchmarks/committees.py
    .venv/bin/python benchmarks/committees.py --staff 2000

Builds a SQLite file with N staff (both schemes), a round with both committees and a meeting, every score
imported from a CSV, screened, and most people decided; then times what the decision screen does after each
decision: load the round's state, then each check (quota/pool, levels, yearly cap, screening, conflicts,
quorum), the whole preview, and a real decision save. Aim: each check under 50 ms for 500 staff.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def _ms(fn: Callable[[], object], repeat: int = 20) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), max(times)


def build(path: Path, n: int):  # noqa: ANN201
    from sqlalchemy import update
    from sqlmodel import select

    from itatui.domain.roles import Role
    from itatui.store import accounts
    from itatui.store import committees as C
    from itatui.store.bootstrap import open_database
    from itatui.store.db import write_scope
    from itatui.store.models import Evaluation, Staff
    from itatui.store.org import save_organisation

    engine = open_database(str(path))
    admin = accounts.create_user(engine, None, "admin", "admin-pass-1", {Role.ADMIN}, first_admin=True).actor()
    save_organisation(engine, admin, "เทศบาลตำบลเขมราฐ")
    sec = accounts.create_user(engine, admin, "hr", "hr-pass-123", {Role.COMMITTEE_SECRETARY}, "เลขา").actor()
    kinds = ["พนักงานเทศบาล"] * 6 + ["ลูกจ้างประจำ"] * 2 + ["พนักงานครูเทศบาล"] * 2
    staff_csv = path.parent / "staff.csv"
    lines = ["staff_code,name,kind,salary,unit,start_date"]
    lines += [f"S{i:05d},นายคน{i} สกุล{i % 97},{kinds[i % 10]},{18000 + (i * 37) % 20000},กอง{i % 6},1/10/2560" for i in range(n)]
    staff_csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    C.import_staff(engine, sec, staff_csv)
    ev_csv = path.parent / "ev.csv"
    ev_csv.write_text("staff_code,achievement,competency\n" + "".join(
        f"S{i:05d},{60 + i % 40},{70 + i % 30}\n" for i in range(n)), encoding="utf-8")
    C.import_evaluations(engine, sec, ev_csv, 2569, 1)
    rnd = C.find_round(engine, sec, 2569, 1)
    pro = C.save_committee(engine, sec, rnd.id, "promotion", "1/2569", "1/3/2569")
    C.save_committee(engine, sec, rnd.id, "screening", "2/2569", "1/3/2569")
    for i in range(7):
        pro = C.add_member(engine, sec, pro.id, name=f"กรรมการ{i} สกุล{i}", role="chair" if i == 0 else "member")
    meeting = C.save_meeting(engine, sec, C.MeetingDraft(pro.id, "1", "20/3/2569", invited_on="10/3/2569"))
    C.set_attendees(engine, sec, meeting.id, [m.id for m in pro.members[:5]])
    C.propose_conflicts(engine, sec, rnd.id)
    with write_scope(engine) as s:  # screened, and 80 % decided half a step (set directly: setup, not measured)
        s.exec(update(Evaluation).where(Evaluation.round_id == rnd.id).values(screening="agree"))  # type: ignore[call-overload]
        ids = s.exec(select(Evaluation.id).join(Staff, Evaluation.staff_id == Staff.id)
                     .where(Evaluation.round_id == rnd.id, Staff.kind != "teacher").order_by(Evaluation.id)).all()
        decided = ids[: int(len(ids) * 0.8)]
        s.exec(update(Evaluation).where(Evaluation.id.in_(decided)).values(  # type: ignore[union-attr,call-overload]
            decided=True, half_steps=1, amount=10, meeting_id=meeting.id))
    undecided = [i for i in ids if i not in set(decided)]
    return engine, sec, rnd, meeting, undecided


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--staff", type=int, default=500)
    args = parser.parse_args()
    from itatui.store import committees as C
    from itatui.store.committees import checks
    from itatui.store.db import session_scope

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        engine, sec, rnd, meeting, undecided = build(Path(tmp) / "bench.db", args.staff)
        print(f"staff {args.staff:,}; set-up {time.perf_counter() - t0:.1f} s")

        def state():  # noqa: ANN202
            with session_scope(engine) as s:
                return checks.load_state(s, rnd.id)

        st = state()
        rows = [("load round state", *_ms(state))]
        for name, check in checks.CHECKS.items():
            rows.append((f"check {name}", *_ms(lambda c=check: c(st))))
        rows.append(("all checks on loaded state", *_ms(lambda: checks.run_checks(st))))
        draft = C.DecisionDraft(steps="0.5", amount="10", meeting_id=meeting.id)
        rows.append(("preview a decision (load + all)", *_ms(lambda: C.preview_decision(engine, sec, undecided[0], draft))))
        saves = iter(undecided[1:])
        rows.append(("save a decision (checks + audit)", *_ms(lambda: _save(C, engine, sec, next(saves), draft), repeat=10)))
        width = max(len(r[0]) for r in rows)
        for name, med, worst in rows:
            print(f"{name:<{width}}  median {med:7.2f} ms  max {worst:7.2f} ms")
        engine.dispose()
    return 0


def _save(C, engine, sec, evaluation_id, draft):  # noqa: ANN001, ANN202, N803
    try:
        C.decide(engine, sec, evaluation_id, draft)
    except C.DecisionBlocked:
        pass  # a blocked decision did the same work


if __name__ == "__main__":
    sys.exit(main())
