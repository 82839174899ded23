"""Staff lists and evaluation scores from CSV or XLSX, Thai or English headers.

``preview_staff`` reads the file and compares it with the register: who is added, who changes (and which
fields), which units are new, and every bad row with its row number (the header is row 1). ``import_staff``
writes only when the whole file is clean, in one transaction; ``check=True`` writes nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from itatui.domain.roles import Actor, Perm, require
from itatui.domain.salary import RoundRules
from itatui.domain.thai import InputError, to_arabic
from itatui.store.committees.drafts import parse_score, staff_problems
from itatui.store.committees.queries import resolve_org
from itatui.store.committees.types import BadRow, CommitteeError, EvaluationPreview, ImportPreview, StaffDraft, StaffValues
from itatui.store.db import session_scope, write_scope
from itatui.store.models import Evaluation, Staff, Unit

STAFF_HEADERS = {
    "staff_code": "code", "รหัส": "code", "name": "name", "ชื่อ-สกุล": "name", "ชื่อ - สกุล": "name",
    "position": "position", "ตำแหน่ง": "position", "position_level": "position_level", "ระดับ": "position_level",
    "unit": "unit", "สังกัด": "unit", "kind": "kind", "ประเภท": "kind", "salary": "salary", "เงินเดือน": "salary",
    "start_date": "start_date", "วันที่บรรจุ": "start_date", "probation": "probation", "ทดลองปฏิบัติราชการ": "probation",
}
EVAL_HEADERS = {
    "staff_code": "code", "รหัส": "code", "score": "score", "คะแนน": "score", "achievement": "achievement",
    "ผลสัมฤทธิ์": "achievement", "competency": "competency", "สมรรถนะ": "competency",
}
REQUIRED_STAFF = ("code", "name", "kind", "salary")
_TRUE = {"1", "true", "yes", "y", "ใช่", "x", "✓"}


def read_table(path: str | Path) -> list[list[str]]:
    """Every row of the first sheet (XLSX) or the file (CSV, UTF-8 with or without BOM), as text cells."""
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            from openpyxl import load_workbook

            wb = load_workbook(path, read_only=True, data_only=True)
        except Exception:  # noqa: BLE001 - any unreadable workbook is the same refusal
            raise CommitteeError("committee.import.unreadable", name=path.name) from None
        try:
            return [[_cell(v) for v in row] for row in wb.worksheets[0].iter_rows(values_only=True)]
        finally:
            wb.close()
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        raise CommitteeError("committee.import.unreadable", name=path.name) from None
    return [row for row in csv.reader(io.StringIO(text))]


def _cell(v: object) -> str:
    from datetime import date, datetime

    if v is None:
        return ""
    if isinstance(v, datetime):
        v = v.date()
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _records(rows: list[list[str]], headers: dict[str, str], required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    if not rows:
        raise CommitteeError("committee.import.empty")
    names = [headers.get(" ".join(h.split()).lower() if h.isascii() else " ".join(h.split())) for h in rows[0]]
    missing = [r for r in required if r not in names]
    if missing:
        raise CommitteeError("committee.import.missing_columns", columns=", ".join(missing))
    for i, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue  # a blank line
        yield i, {n: (row[j] if j < len(row) else "").strip() for j, n in enumerate(names) if n}


def staff_draft(rec: dict[str, str]) -> StaffDraft:
    return StaffDraft(rec.get("code", ""), rec.get("name", ""), rec.get("position", ""), rec.get("position_level", ""),
                      rec.get("unit", ""), rec.get("kind", ""), rec.get("salary", ""), rec.get("start_date", ""),
                      to_arabic(rec.get("probation", "")).strip().lower() in _TRUE)


def parse_staff_file(path: str | Path) -> tuple[list[tuple[int, StaffValues]], list[BadRow]]:
    good, bad = [], []
    seen: dict[str, int] = {}
    for row_no, rec in _records(read_table(path), STAFF_HEADERS, REQUIRED_STAFF):
        values, p = staff_problems(staff_draft(rec))
        keys = [f"committee.import.field.{x.field}:{x.key}" for x in p]
        if values is not None and values.code in seen:
            keys.append("committee.import.duplicate")
        if keys:
            bad.append(BadRow(row_no, tuple(keys), {"first": seen.get(values.code) if values else None}))
        else:
            assert values is not None
            seen[values.code] = row_no
            good.append((row_no, values))
    return good, bad


def _compare(s: Session, org_id: int, good: list[tuple[int, StaffValues]], bad: list[BadRow]) -> ImportPreview:
    units = dict(s.exec(select(Unit.id, Unit.code).where(Unit.organisation_id == org_id)).all())
    by_code = {st.code: st for st in s.exec(select(Staff).where(Staff.organisation_id == org_id)).all()}
    adds, changes, unchanged, new_units = [], [], 0, []
    for _row, v in good:
        if v.unit and v.unit not in units.values() and v.unit not in new_units:
            new_units.append(v.unit)
        st = by_code.get(v.code)
        if st is None:
            adds.append(v)
            continue
        now = {"name": st.name, "position": st.position, "position_level": st.position_level,
               "unit": units.get(st.unit_id, "") if st.unit_id else "", "kind": st.kind, "salary": st.salary,
               "start_date": st.start_date, "probation": st.probation}
        changed = tuple(k for k, old in now.items() if getattr(v, k) != old)
        if changed:
            changes.append((v.code, changed))
        else:
            unchanged += 1
    return ImportPreview(tuple(adds), tuple(changes), unchanged, tuple(new_units), tuple(bad))


def preview_staff(engine: Engine, actor: Actor, path: str | Path, organisation_id: int | None = None) -> ImportPreview:
    require(actor, Perm.COMMITTEE_VIEW)
    good, bad = parse_staff_file(path)
    with session_scope(engine) as s:
        return _compare(s, resolve_org(s, organisation_id), good, bad)


def import_staff(engine: Engine, actor: Actor, path: str | Path, *, check: bool = False,
                 organisation_id: int | None = None) -> ImportPreview:
    """Add and update the register from the file; nothing is written on ``check`` or when any row is bad."""
    require(actor, Perm.COMMITTEE_EDIT)
    from itatui.store.committees.writes import apply_staff

    good, bad = parse_staff_file(path)
    with write_scope(engine) as s:
        org_id = resolve_org(s, organisation_id)
        preview = _compare(s, org_id, good, bad)
        if check or bad:
            s.rollback()
            return preview
        by_code = {st.code: st for st in s.exec(select(Staff).where(Staff.organisation_id == org_id)).all()}
        for _row, v in good:
            apply_staff(s, actor, org_id, v, by_code.get(v.code))
        return preview


# ---- evaluation scores --------------------------------------------------------------------------------------


def parse_evaluation_file(path: str | Path, known: dict[str, bool], rules: RoundRules) -> tuple[list, list[BadRow]]:
    """Rows of (code, achievement, competency, score); ``known`` maps staff codes to their probation flag."""
    from itatui.domain.salary import score as weighted

    good, bad = [], []
    for row_no, rec in _records(read_table(path), EVAL_HEADERS, ("code",)):
        keys, parts = [], {}
        for name in ("achievement", "competency", "score"):
            try:
                parts[name] = parse_score(rec.get(name, ""))
            except InputError as exc:
                keys.append(f"committee.import.field.{name}:{exc.args[0]}")
                parts[name] = None
        code = rec.get("code", "")
        if code not in known:
            keys.append("committee.import.unknown_staff")
        a, c, total = parts["achievement"], parts["competency"], parts["score"]
        if a is not None and c is not None:
            total = weighted(a, c, probation=known.get(code, False), rules=rules)
        elif total is None and not keys:
            keys.append("committee.import.no_score")
        if keys:
            bad.append(BadRow(row_no, tuple(keys)))
        else:
            good.append((code, a, c, total))
    return good, bad


def import_evaluations(engine: Engine, actor: Actor, path: str | Path, fiscal_year: int, round_no: int, *,
                       check: bool = False, organisation_id: int | None = None) -> EvaluationPreview:
    """Scores for a round, creating the round (previous round's rules, or the defaults) when it does not exist."""
    require(actor, Perm.COMMITTEE_EDIT)
    from itatui.store.committees.decisions import apply_score
    from itatui.store.committees.writes import round_in
    from itatui.store.models import SalaryRound

    with write_scope(engine) as s:
        org_id = resolve_org(s, organisation_id)
        existing = s.exec(select(SalaryRound).where(SalaryRound.organisation_id == org_id,
                                                    SalaryRound.fiscal_year == fiscal_year,
                                                    SalaryRound.round_no == round_no)).first()
        staff = {st.code: st for st in s.exec(select(Staff).where(Staff.organisation_id == org_id)).all()}
        r = round_in(s, actor, org_id, fiscal_year, round_no)
        rules = RoundRules.from_json(r.rules)
        good, bad = parse_evaluation_file(path, {c: st.probation for c, st in staff.items()}, rules)
        preview = EvaluationPreview(tuple(good), tuple(bad), existing is not None)
        if check or bad:
            s.rollback()
            return preview
        evals = {e.staff_id: e for e in s.exec(select(Evaluation).where(Evaluation.round_id == r.id)).all()}
        for code, a, c, total in good:
            st = staff[code]
            e = evals.get(st.id or 0)
            if e is None:
                e = Evaluation(round_id=r.id or 0, staff_id=st.id or 0, salary=st.salary)
            if e.decided:
                raise CommitteeError("committee.err.already_decided_code", code=code)
            apply_score(s, actor, e, st, rules, a, c, total)
        return preview
