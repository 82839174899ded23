"""Every report by name: the TUI's print dialog, ``itatui report`` and the ITA pack all go through here.

``produce`` checks the parameters and the format against the report's spec, builds its ``Document`` with the
core function (permissions are checked there) and renders it.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine

from itatui.domain.roles import Actor
from itatui.i18n import t
from itatui.reports import committee_reports, complaint_reports, plan_reports, risk_reports
from itatui.reports.document import Document
from itatui.reports.errors import ReportError
from itatui.reports.renderers import render_document
from itatui.reports.spec import ReportParams, ReportSpec
from itatui.reports.typst_engine import write_atomic

REPORTS: dict[str, ReportSpec] = {s.name: s for s in (*plan_reports.SPECS, *risk_reports.SPECS, *complaint_reports.SPECS,
                                                *committee_reports.SPECS)}

__all__ = ["REPORTS", "ReportParams", "ReportSpec", "all_reports", "file_name", "for_screen", "get", "produce",
           "produce_with_document", "save", "title"]


def all_reports() -> list[ReportSpec]:
    return list(REPORTS.values())


def get(name: str) -> ReportSpec:
    try:
        return REPORTS[name]
    except KeyError:
        raise ReportError("report.err.unknown", name=name, known=", ".join(REPORTS)) from None


def for_screen(screen: str) -> list[ReportSpec]:
    """The reports a screen's ``p`` offers, in registry order."""
    return [s for s in REPORTS.values() if screen in s.screens]


def offered(names: tuple[str, ...], actor: Actor) -> list[ReportSpec]:
    """The reports among ``names`` this user is offered, in the order given."""
    specs = [REPORTS[n] for n in names if n in REPORTS]
    return [s for s in specs if s.offered_to is None or s.offered_to(actor)]


def title(spec: ReportSpec) -> str:
    return t(spec.title_key)


def check(spec: ReportSpec, params: ReportParams, fmt: str) -> None:
    if fmt not in spec.formats:
        raise ReportError("report.err.format", format=fmt, allowed=", ".join(spec.formats))
    for name in spec.required:
        if getattr(params, name) is None:
            raise ReportError("report.err.param_missing", name=name, report=spec.name)
    if params.round not in (None, 1, 2):
        raise ReportError("report.err.round", round=params.round)


def produce(engine: Engine, actor: Actor, name: str, params: ReportParams, fmt: str = "pdf", *, thai_digits: bool = True) -> bytes:
    """The report's file as bytes. Raises ``ReportError`` or ``PermissionDenied`` (and the store's own errors)."""
    return produce_with_document(engine, actor, name, params, fmt, thai_digits=thai_digits)[0]


def produce_with_document(
    engine: Engine, actor: Actor, name: str, params: ReportParams, fmt: str = "pdf", *, thai_digits: bool = True
) -> tuple[bytes, Document | None]:
    """The file and the ``Document`` it was rendered from (None for a fixed form such as the receipt), so a
    preview can show the content of any format."""
    spec = get(name)
    check(spec, params, fmt)
    if spec.render is not None:
        return spec.render(engine, actor, params, fmt, thai_digits), None
    assert spec.build is not None
    doc = spec.build(engine, actor, params)
    return render_document(doc, fmt, thai_digits=thai_digits), doc


def save_bytes(path: Path, content: bytes) -> Path:
    try:
        write_atomic(path, content)
    except OSError as exc:
        raise ReportError("report.err.write", path=str(path), detail=exc.strerror or str(exc)) from exc
    return path


def save(engine: Engine, actor: Actor, name: str, params: ReportParams, fmt: str, path: Path, *, thai_digits: bool = True) -> Path:
    return save_bytes(path, produce(engine, actor, name, params, fmt, thai_digits=thai_digits))


def file_name(name: str, params: ReportParams, fmt: str) -> str:
    """``plan.pdf``, ``monitoring-2569-r1.xlsx``, ``project-sheets-p3.docx``: what the dialog and the pack save."""
    bits = [name]
    if params.year:
        bits.append(str(params.year))
    if params.round:
        bits.append(f"r{params.round}")
    if params.project:
        bits.append(f"p{params.project}")
    if params.complaint:
        bits.append(f"c{params.complaint}")
    if params.staff:
        bits.append(params.staff)
    return "-".join(bits) + "." + fmt
