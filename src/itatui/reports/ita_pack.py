"""The year's ITA evidence pack: every published document the app can produce for that assessment year, and an
index (PDF and CSV) listing, per OIT disclosure item, its code that year, its title, the file(s) and the dates
they cover. Items the app cannot produce (the office's own guideline, HR documents, ...) are listed as such.

The items come from ``db/seed/ita_items.json`` (per assessment year, matched by concept): codes change every year
and differ by agency type, so no code is written in this module. Only reports marked ``publication`` go in.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from itatui.domain.complaint_clock import today_local
from itatui.domain.fiscal import fiscal_year_range, round_range
from itatui.domain.roles import Actor
from itatui.domain.thai import format_date
from itatui.i18n import language, t
from itatui.paths import seed_dir
from itatui.reports import registry
from itatui.reports.complaint_reports import organisation_name
from itatui.reports.document import Column, Document, Paragraph, Row, Table
from itatui.reports.errors import ReportError
from itatui.reports.plan_reports import plan_data
from itatui.reports.renderers import render_csv, render_pdf
from itatui.reports.spec import ReportParams, ReportSpec
from itatui.reports.typst_engine import write_atomic

ITEMS_FILE = "ita_items.json"
# Which documents answer a concept in assessment year N: the parameters of each (one file set per entry).
CONCEPT_PARAMS: dict[str, Callable[[int], list[ReportParams]]] = {
    "plan": lambda y: [ReportParams()],
    "plan_report_6m": lambda y: [ReportParams(year=y, round=1)],
    "plan_report_annual": lambda y: [ReportParams(year=y, round=2)],
    "complaint_stats": lambda y: [ReportParams(year=y, round=1), ReportParams(year=y)],
    "risk_assessment": lambda y: [ReportParams(year=y)],
    "risk_actions": lambda y: [ReportParams(year=y)],
}


@dataclass(frozen=True)
class IndexRow:
    code: str
    title: str
    files: tuple[str, ...]  # names inside the pack folder; () = not produced by the app
    covers: str  # the dates the files cover, as printed


@dataclass(frozen=True)
class PackResult:
    folder: Path
    assessment_year: int
    mapping_year: int  # the year of the item list used (the latest one not after ``assessment_year``)
    rows: tuple[IndexRow, ...]
    files: tuple[Path, ...]


def load_items(year: int, path: Path | None = None) -> tuple[int, list[dict[str, Any]]]:
    """The item list for assessment ``year``: its own, else the latest earlier year's."""
    data = json.loads((path or seed_dir() / ITEMS_FILE).read_text(encoding="utf-8"))
    years = sorted(int(y) for y in data["years"])
    usable = [y for y in years if y <= year] or years[:1]
    if not usable:
        raise ReportError("report.err.ita_items")
    chosen = usable[-1]
    return chosen, list(data["years"][str(chosen)]["items"])


def _range_text(start: date, end: date) -> str:
    lang = language()
    return f"{format_date(start, lang=lang)} – {format_date(end, lang=lang)}"


def _covers(params: ReportParams, plan_years: tuple[int, int]) -> str:
    if params.year is None:
        return _range_text(fiscal_year_range(plan_years[0])[0], fiscal_year_range(plan_years[1])[1])
    if params.round:
        return _range_text(*round_range(params.year, params.round))
    return _range_text(*fiscal_year_range(params.year))


def _formats(spec: ReportSpec) -> tuple[str, ...]:
    """A PDF to publish, plus the data as a spreadsheet where the report has one."""
    sheet = next((f for f in ("xlsx", "csv") if f in spec.formats), None)
    return ("pdf", sheet) if sheet else ("pdf",)


def build_pack(engine: Engine, actor: Actor, year: int, folder: Path, *, thai_digits: bool = True,
               today: date | None = None, progress: Callable[[int, int], None] | None = None) -> PackResult:
    mapping_year, items = load_items(year)
    plan = plan_data(engine, actor)["plan"]
    plan_years = (plan["start_year"], plan["end_year"])
    today = today or today_local()
    publishable = [s for s in registry.all_reports() if s.publication]
    jobs: list[tuple[dict[str, Any], ReportSpec, ReportParams]] = []
    for item in items:
        for spec in publishable:
            if item["concept"] in spec.ita_concepts:
                for params in CONCEPT_PARAMS.get(item["concept"], lambda y: [ReportParams(year=y)])(year):
                    jobs.append((item, spec, ReportParams(year=params.year, round=params.round, today=today)))
    made: dict[str, list[str]] = {}
    covers: dict[str, list[str]] = {}
    written: list[Path] = []
    done_files: dict[str, str] = {}
    for n, (item, spec, params) in enumerate(jobs, start=1):
        for fmt in _formats(spec):
            name = f"{item['code']}-{registry.file_name(spec.name, params, fmt)}"
            key = registry.file_name(spec.name, params, fmt)
            if key in done_files:  # the same document answers two items: one file per item, written once each
                content = (folder / done_files[key]).read_bytes()
            else:
                content = registry.produce(engine, actor, spec.name, params, fmt, thai_digits=thai_digits)
                done_files[key] = name
            write_atomic(folder / name, content)
            written.append(folder / name)
            made.setdefault(item["code"], []).append(name)
        covers.setdefault(item["code"], []).append(_covers(params, plan_years))
        if progress:
            progress(n, len(jobs) + 1)
    rows = tuple(
        IndexRow(item["code"], item["title"], tuple(made.get(item["code"], ())), "; ".join(dict.fromkeys(covers.get(item["code"], []))))
        for item in items
    )
    index = index_document(engine, year, mapping_year, rows, today)
    for fmt, render in (("pdf", render_pdf), ("csv", render_csv)):
        path = folder / f"index-{year}.{fmt}"
        write_atomic(path, render(index, thai_digits=thai_digits))
        written.append(path)
    if progress:
        progress(len(jobs) + 1, len(jobs) + 1)
    return PackResult(folder, year, mapping_year, rows, tuple(written))


def index_document(engine: Engine, year: int, mapping_year: int, rows: tuple[IndexRow, ...], today: date) -> Document:
    table = Table(
        (Column(t("report.pack.col.code"), 0.7, verbatim=True), Column(t("report.pack.col.title"), 3.2),
         Column(t("report.pack.col.files"), 3.0, verbatim=True), Column(t("report.pack.col.covers"), 2.2)),
        tuple(Row((r.code, r.title, "\n".join(r.files) if r.files else t("report.pack.not_produced"), r.covers or "-")) for r in rows),
    )
    notes: tuple[Any, ...] = ()
    if mapping_year != year:
        notes = (Paragraph(t("report.pack.mapping_from", year=year, used=mapping_year)),)
    return Document(
        title=t("report.pack.title"), organisation=organisation_name(engine), printed_on=today,
        subtitle=(t("report.pack.subtitle", year=year),), blocks=(*notes, table), paper="A4L", lang=language(),
        key_numbers=(sum(1 for r in rows if r.files),),
    )
