"""``import-plan`` and broken documents: refused whole, nothing written; re-imports never empty a field the
new document lacks; files over the size limit and endless inputs refused at once."""

from __future__ import annotations

import random
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest

from itatui.cli import main
from itatui.importers import PlanFormatError, parse_plan_file, parse_plan_text
from itatui.store.plan.importing import ImportRefused, import_plan
from itatui.store.db import session_scope
from itatui.store.models import Project
from sqlmodel import select


@pytest.fixture
def source_text(source_plan) -> str:
    return source_plan.read_text(encoding="utf-8")


def _plans(db_path: Path) -> int:
    if not db_path.exists():
        return 0
    with closing(sqlite3.connect(db_path)) as conn:
        return conn.execute("SELECT count(*) FROM plan").fetchone()[0]


def _import(db_path: Path, doc: Path, capsys) -> tuple[int, str]:  # noqa: ANN001
    code = main(["--db", str(db_path), "import-plan", str(doc)])
    out = capsys.readouterr()
    return code, out.out + out.err


def _shuffled(text: str, seed: int) -> str:
    lines = text.splitlines(keepends=True)
    rng = random.Random(seed)
    idx = rng.sample(range(len(lines)), len(lines) // 100)
    moved = [lines[i] for i in idx]
    rng.shuffle(moved)
    for i, line in zip(idx, moved):
        lines[i] = line
    return "".join(lines)


@pytest.mark.parametrize("seed", range(5))
def test_one_percent_of_lines_shuffled_is_refused(tmp_path, db_path, source_text, capsys, seed):
    doc = tmp_path / "shuffled.txt"
    doc.write_text(_shuffled(source_text, seed), encoding="utf-8")
    code, out = _import(db_path, doc, capsys)
    assert code == 1 and "ไม่มีการบันทึกข้อมูล" in out
    assert _plans(db_path) == 0


def test_last_two_lines_cut_is_noticed(tmp_path, db_path, source_text, capsys):
    doc = tmp_path / "cut.txt"
    doc.write_text("\n".join(source_text.rstrip("\n").split("\n")[:-2]) + "\n", encoding="utf-8")
    code, out = _import(db_path, doc, capsys)
    assert code == 1 and "ถูกตัด" in out
    assert _plans(db_path) == 0


def test_many_copies_in_one_file_are_refused(tmp_path, db_path, source_text, capsys):
    doc = tmp_path / "copies.txt"
    doc.write_text(source_text * 12, encoding="utf-8")  # ~3 MB: under the size limit, so the reader judges it
    code, out = _import(db_path, doc, capsys)
    assert code == 1 and "ไม่นำเข้า" in out
    assert _plans(db_path) == 0


def test_190_copies_are_refused_at_once_by_size(tmp_path, db_path, source_text, capsys):
    doc = tmp_path / "copies.txt"
    doc.write_text(source_text * 190, encoding="utf-8")  # ~50 MB
    started = time.perf_counter()
    code, out = _import(db_path, doc, capsys)
    assert code == 1 and "10 MB" in out
    assert time.perf_counter() - started < 5
    assert _plans(db_path) == 0


def test_endless_inputs_are_refused_at_once(tmp_path):
    for endless in ("/dev/zero", "/dev/urandom"):
        started = time.perf_counter()
        with pytest.raises(PlanFormatError) as info:
            parse_plan_file(endless)
        assert info.value.key in ("import.err.not_text", "import.err.too_large")
        assert time.perf_counter() - started < 5


def test_the_core_refuses_too_not_only_the_command(engine, admin, source_text):
    with pytest.raises(ImportRefused) as info:
        import_plan(engine, admin, parse_plan_text(_shuffled(source_text, 4)))
    assert info.value.key == "import.err.document_damaged"
    with session_scope(engine) as s:
        assert s.exec(select(Project)).first() is None


def test_reimport_does_not_empty_a_section_the_new_document_lacks(engine, admin, source_text):
    import_plan(engine, admin, parse_plan_text(source_text, source_name="v1.txt"))
    with session_scope(engine) as s:
        before = {p.number: (p.area, p.owner, p.period) for p in s.exec(select(Project)).all()}
    number, (area, _owner, _period) = next((n, v) for n, v in sorted(before.items()) if v[0])
    # the new document drops that project's "area" section (heading and text): a layout slip, not an edit
    lines = source_text.split("\n")
    parsed = parse_plan_text(source_text)
    sheet = next(p.sheet for p in parsed.projects if p.number == number)
    start = sheet.section_lines["area"] - 1
    end = next(i for i in range(start + 1, len(lines)) if lines[i].strip() and lines[i].strip()[0] in "๐๑๒๓๔๕๖๗๘๙0123456789" and ". " in lines[i][:5])
    edited = "\n".join(lines[:start] + lines[end:])
    summary = import_plan(engine, admin, parse_plan_text(edited, source_name="v2.txt"))
    assert summary.status in ("updated", "unchanged")
    with session_scope(engine) as s:
        after = {p.number: (p.area, p.owner, p.period) for p in s.exec(select(Project)).all()}
    assert after[number][0] == area  # kept, not emptied
    assert all(after[n][0] == before[n][0] for n in before)
