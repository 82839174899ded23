"""The plan as JSON-able data (``docs/export-format.md``): what ``itatui export plan`` writes and what the shipped
seed (``db/seed/khemarat-plan.json``) holds. ``plan_to_dict`` and ``plan_from_dict`` are the only places that
know the layout, so the export, the seed and the importer cannot drift apart."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from itatui.importers.errors import PlanFormatError
from itatui.importers.parsed import (
    ParsedBudget,
    ParsedDimension,
    ParsedKpi,
    ParsedMission,
    ParsedOrganisation,
    ParsedPlan,
    ParsedProject,
    ParsedRiskControl,
    ParsedRiskIssue,
    ParsedRiskProcess,
    ParsedSheet,
    ParsedTarget,
    ParsedTargetGroup,
    ParsedUnit,
)

FORMAT = "itatui.plan"
FORMAT_VERSION = 1
# Keys that describe the file rather than the plan; left out when two plans are compared.
META_KEYS = ("generated_at", "generator")

Extra = dict[int, list[dict[str, Any]]]


def _sheet(s: ParsedSheet | None) -> dict[str, Any]:
    s = s or ParsedSheet("")
    return {
        "name": s.name,
        "rationale": s.rationale,
        "objectives": list(s.objectives),
        "target_groups": [{"description": g.description, "count": g.count, "unit": g.unit} for g in s.target_groups],
        "area": s.area,
        "method_steps": list(s.method_steps),
        "period": s.period,
        "budget_text": s.budget_text,
        "owner": s.owner,
        "outputs": list(s.outputs),
        "outcomes": list(s.outcomes),
    }


def _project(
    p: ParsedProject, progress: Extra, actuals: dict[tuple[int, int], list[dict[str, Any]]], unit_order: dict[str, int]
) -> dict[str, Any]:
    kpis = p.sheet.kpis if p.sheet else []
    return {
        "number": p.number,
        "name": p.name,
        "kind": p.kind,
        # In the order of the plan's unit list (= database order), so a stored plan exports as it was read.
        "units": sorted(p.units, key=lambda code: (unit_order.get(code, len(unit_order)), code)),
        "budgets": [{"fiscal_year": b.fiscal_year, "amount": b.amount, "raw": b.raw} for b in sorted(p.budgets, key=lambda b: b.fiscal_year)],
        "source_line": p.line,
        "sheet_line": p.sheet.line if p.sheet else None,
        "sheet": _sheet(p.sheet),
        "eplan_target_groups": list(p.eplan_target_groups),
        "kpis": [
            {
                "kind": k.kind,
                "indicator": k.indicator,
                "comparator": k.comparator,
                "target": k.target,
                "unit": k.unit,
                "actuals": actuals.get((p.number, i), []),
            }
            for i, k in enumerate(kpis)
        ],
        "progress": progress.get(p.number, []),
    }


def plan_to_dict(
    plan: ParsedPlan,
    *,
    generated_at: datetime | None = None,
    progress: Extra | None = None,
    kpi_actuals: dict[tuple[int, int], list[dict[str, Any]]] | None = None,
) -> dict[str, Any]:
    """``progress`` (by project number) and ``kpi_actuals`` (by project number and KPI index) come from the
    database; a freshly read document has none."""
    from itatui import __version__

    progress = progress or {}
    kpi_actuals = kpi_actuals or {}
    unit_order = {u.code: i for i, u in enumerate(plan.units)}
    when = (generated_at or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
    risk = None
    if plan.risks or plan.risk_title:
        risk = {
            "fiscal_year": plan.start_year,
            "title": plan.risk_title,
            "source": "imported",
            "processes": [
                {
                    "number": r.number,
                    "name": r.name,
                    "category": r.category,
                    "issues": [
                        {"number": i.number, "description": i.description, "level": i.level, "likelihood": i.likelihood, "impact": i.impact}
                        for i in r.issues
                    ],
                    "controls": [{"number": c.number, "text": c.text, "project_number": c.project_number} for c in r.controls],
                }
                for r in plan.risks
            ],
        }
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "generated_at": when,
        "generator": f"itatui {__version__}",
        "source": {"name": plan.source_name, "sha256": plan.source_sha256},
        "organisation": {"name": plan.organisation.name, "district": plan.organisation.district, "province": plan.organisation.province},
        "plan": {
            "title": plan.title,
            "start_year": plan.start_year,
            "end_year": plan.end_year,
            "fiscal_years": plan.years(),
            "declared_total": plan.declared_total,
        },
        "units": [{"code": u.code, "name": u.name, "is_all": u.is_all} for u in plan.units],
        "dimensions": [
            {
                "number": d.number,
                "name": d.name,
                "declared_count": d.declared_count,
                "missions": [
                    {"code": m.code, "name": m.name, "projects": [_project(p, progress, kpi_actuals, unit_order) for p in m.projects]}
                    for m in d.missions
                ],
            }
            for d in plan.dimensions
        ],
        "targets": [
            {"kind": t.kind, "fiscal_year": t.fiscal_year, "target": t.target, "actual": t.actual}
            for t in sorted(plan.targets, key=lambda t: (t.kind, t.fiscal_year))
        ],
        "risk_assessment": risk,
    }


def without_meta(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in META_KEYS}


def document_content(data: dict[str, Any]) -> dict[str, Any]:
    """What a plan document decides: no file metadata, no source identity, nothing users entered later
    (progress, KPI actuals, target actuals). Two equal contents mean "no changes"."""
    out = without_meta(data)
    out.pop("source", None)
    out["targets"] = [{k: v for k, v in t.items() if k != "actual"} for t in out["targets"]]
    dims = []
    for d in out["dimensions"]:
        missions = []
        for m in d["missions"]:
            projects = []
            for p in m["projects"]:
                p = {k: v for k, v in p.items() if k != "progress"}
                p["kpis"] = [{k: v for k, v in kpi.items() if k != "actuals"} for kpi in p["kpis"]]
                projects.append(p)
            missions.append({**m, "projects": projects})
        dims.append({**d, "missions": missions})
    out["dimensions"] = dims
    return out


def plan_from_dict(data: dict[str, Any]) -> ParsedPlan:
    """Read the export/seed layout back into a ``ParsedPlan`` (no line numbers but the projects')."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PlanFormatError("import.err.bad_seed", path="", reason="format")
    if data.get("format_version") != FORMAT_VERSION:
        raise PlanFormatError("import.err.bad_seed", path="", reason=f"format_version {data.get('format_version')}")
    try:
        return _from_dict(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise PlanFormatError("import.err.bad_seed", path="", reason=f"{type(exc).__name__}: {exc}") from None


def _from_dict(data: dict[str, Any]) -> ParsedPlan:
    o, p = data["organisation"], data["plan"]
    plan = ParsedPlan(
        organisation=ParsedOrganisation(o["name"], o.get("district", ""), o.get("province", "")),
        title=p["title"],
        start_year=int(p["start_year"]),
        end_year=int(p["end_year"]),
        fiscal_years=[int(y) for y in p.get("fiscal_years", [])],
        declared_total=p.get("declared_total"),
        source_name=data.get("source", {}).get("name", ""),
        source_sha256=data.get("source", {}).get("sha256", ""),
        units=[ParsedUnit(u["code"], u.get("name", ""), bool(u.get("is_all"))) for u in data.get("units", [])],
        targets=[ParsedTarget(t["kind"], int(t["fiscal_year"]), t.get("target"), None, t.get("actual")) for t in data.get("targets", [])],
    )
    for d in data["dimensions"]:
        dim = ParsedDimension(int(d["number"]), d["name"], declared_count=d.get("declared_count"))
        for m in d["missions"]:
            mission = ParsedMission(m["code"], m["name"])
            for pj in m["projects"]:
                mission.projects.append(_project_from(pj, m["code"]))
            dim.missions.append(mission)
        plan.dimensions.append(dim)
    risk = data.get("risk_assessment")
    if risk:
        plan.risk_title = risk.get("title", "")
        for r in risk["processes"]:
            plan.risks.append(
                ParsedRiskProcess(
                    int(r["number"]),
                    r["name"],
                    category=r.get("category", ""),
                    issues=[
                        ParsedRiskIssue(int(i["number"]), i["description"], i.get("level", ""), i.get("likelihood"), i.get("impact"))
                        for i in r["issues"]
                    ],
                    controls=[ParsedRiskControl(int(c["number"]), c["text"], c.get("project_number")) for c in r["controls"]],
                )
            )
    return plan


def _project_from(pj: dict[str, Any], mission_code: str) -> ParsedProject:
    s = pj.get("sheet") or {}
    sheet = ParsedSheet(
        s.get("name", ""),
        pj.get("sheet_line"),
        mission_code,
        rationale=s.get("rationale", ""),
        objectives=list(s.get("objectives", [])),
        target_groups=[ParsedTargetGroup(g["description"], g.get("count"), g.get("unit", "")) for g in s.get("target_groups", [])],
        area=s.get("area", ""),
        method_steps=list(s.get("method_steps", [])),
        period=s.get("period", ""),
        budget_text=s.get("budget_text", ""),
        owner=s.get("owner", ""),
        outputs=list(s.get("outputs", [])),
        outcomes=list(s.get("outcomes", [])),
        kpis=[
            ParsedKpi(k["kind"], k["indicator"], k.get("comparator", ""), k.get("target"), k.get("unit", ""))
            for k in pj.get("kpis", [])
        ],
    )
    return ParsedProject(
        int(pj["number"]),
        pj["name"],
        pj.get("kind", "project"),
        pj.get("source_line"),
        budgets=[ParsedBudget(int(b["fiscal_year"]), b.get("amount"), b.get("raw", "")) for b in pj.get("budgets", [])],
        units=list(pj.get("units", [])),
        sheet=sheet,
        eplan_target_groups=list(pj.get("eplan_target_groups", [])),
    )
