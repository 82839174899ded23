"""Form text -> typed values for the risk forms, with every problem found at once (catalogue keys, Thai first).

Thai digits are accepted everywhere; dates are typed d/m/yyyy in the Buddhist Era.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from itatui.domain.risks import Band, ControlQuality, Monitor, RiskMatrix, RiskStatus, RiskType, Treatment, matrix_problems
from itatui.domain.thai import parse_date_be, parse_int, to_arabic
from itatui.domain.validation import Problems
from itatui.store.risks.types import RiskSettings

NEW_PROCESS = "new"


@dataclass(frozen=True)
class RiskValues:
    process_id: int | None  # None: a new process named ``process_name``
    process_name: str
    description: str
    category: str
    risk_type: str
    likelihood: int | None
    impact: int | None
    level: str  # kept only when the risk is not scored
    residual_likelihood: int | None
    residual_impact: int | None
    owner: str
    treatment: str
    status: str
    next_review: date | None


@dataclass(frozen=True)
class ControlValues:
    text: str
    project_id: int | None
    whole_process: bool
    owner: str
    due: date | None
    progress: int | None
    quality: str
    monitor: str
    result: str


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _has(p: Problems, *fields: str) -> bool:
    return any(x.field in fields for x in p)


def _score(p: Problems, field: str, text: str, size: int) -> int | None:
    value = p.parse(field, parse_int, text or "")
    if value is not None and not 1 <= value <= size:
        p.add(field, "risk.err.score_range", size=size)
        return None
    return value


def _date(p: Problems, field: str, text: str) -> date | None:
    if not _clean(text):
        return None
    return p.parse(field, parse_date_be, text)


def _choice(p: Problems, field: str, value: str, allowed: set[str], *, required: bool = False) -> str:
    value = (value or "").strip()
    if not value:
        if required:
            p.add(field, "err.required")
        return ""
    if value not in allowed:
        p.add(field, "risk.err.choice")
        return ""
    return value


def parse_risk(form: Mapping[str, str], settings: RiskSettings) -> tuple[RiskValues | None, Problems]:
    """Fields: process, process_name, description, category, risk_type, likelihood, impact, level,
    residual_likelihood, residual_impact, owner, treatment, status, next_review."""
    p = Problems()
    size = settings.matrix.size
    process = (form.get("process") or "").strip()
    process_id: int | None = None
    name = _clean(form.get("process_name"))
    if process in ("", NEW_PROCESS):
        p.check(bool(name), "process_name" if process == NEW_PROCESS else "process", "risk.err.process_required")
    elif process.isdigit():
        process_id = int(process)
    else:
        p.add("process", "risk.err.choice")
    description = _clean(form.get("description"))
    p.check(bool(description), "description", "err.required")
    category = _choice(p, "category", form.get("category", ""), {c.code for c in settings.categories})
    risk_type = _choice(p, "risk_type", form.get("risk_type", ""), {t.value for t in RiskType})
    lik = _score(p, "likelihood", form.get("likelihood", ""), size)
    imp = _score(p, "impact", form.get("impact", ""), size)
    both_blank = not _clean(form.get("likelihood")) and not _clean(form.get("impact"))
    if not both_blank and (lik is None) != (imp is None) and not _has(p, "likelihood", "impact"):
        p.add("impact" if imp is None else "likelihood", "risk.err.score_pair")
    level = (form.get("level") or "").strip()
    if both_blank:
        p.check(bool(level) and settings.matrix.rank(level) >= 0, "level", "risk.err.level_or_score")
    else:
        level = settings.matrix.level(lik, imp) or ""
    rlik = _score(p, "residual_likelihood", form.get("residual_likelihood", ""), size)
    rimp = _score(p, "residual_impact", form.get("residual_impact", ""), size)
    residual_blank = not _clean(form.get("residual_likelihood")) and not _clean(form.get("residual_impact"))
    if not residual_blank and (rlik is None) != (rimp is None) and not _has(p, "residual_likelihood", "residual_impact"):
        p.add("residual_impact" if rimp is None else "residual_likelihood", "risk.err.score_pair")
    if None not in (lik, imp, rlik, rimp) and rlik * rimp > lik * imp:  # type: ignore[operator]
        p.add("residual_impact", "risk.err.residual_above")
    owner = _clean(form.get("owner"))
    p.check(len(owner) <= 200, "owner", "risk.err.too_long", n=200)
    treatment = _choice(p, "treatment", form.get("treatment", ""), {t.value for t in Treatment})
    status = _choice(p, "status", form.get("status", "") or RiskStatus.OPEN.value, {s.value for s in RiskStatus}, required=True)
    review = _date(p, "next_review", form.get("next_review", ""))
    if p:
        return None, p
    return (
        RiskValues(process_id, name, description, category, risk_type, lik, imp, level, rlik, rimp, owner, treatment, status, review),
        p,
    )


def parse_control(form: Mapping[str, str]) -> tuple[ControlValues | None, Problems]:
    """Fields: text, project (id or blank), scope ("process"/"issue"), owner, due, progress, quality, monitor, result."""
    p = Problems()
    text = _clean(form.get("text"))
    project = (form.get("project") or "").strip()
    project_id = int(project) if project.isdigit() else None
    p.check(bool(text) or project_id is not None, "text", "risk.err.control_text")
    owner = _clean(form.get("owner"))
    p.check(len(owner) <= 200, "owner", "risk.err.too_long", n=200)
    due = _date(p, "due", form.get("due", ""))
    progress = p.parse("progress", parse_int, (form.get("progress") or "").replace("%", ""))
    if progress is not None and not 0 <= progress <= 100:
        p.add("progress", "risk.err.progress_range")
        progress = None
    quality = _choice(p, "quality", form.get("quality", ""), {q.value for q in ControlQuality})
    monitor = _choice(p, "monitor", form.get("monitor", ""), {m.value for m in Monitor})
    if monitor == Monitor.GREEN.value and progress is not None and progress < 100:
        p.add("monitor", "risk.err.green_not_done")
    if p:
        return None, p
    scope = (form.get("scope") or "issue").strip()
    return ControlValues(text, project_id, scope == "process", owner, due, progress, quality, monitor, (form.get("result") or "").strip()), p


MAX_BANDS = 5


def parse_matrix(form: Mapping[str, str]) -> tuple[RiskMatrix | None, Problems]:
    """Fields: size; band{i}_name (Thai), band{i}_name_en, band{i}_high (upper score; the last band ends at
    size²), band{i}_colour; a band with an empty name and score is unused. Keys follow the standard order."""
    p = Problems()
    size = p.parse("size", parse_int, form.get("size", ""))
    if size is None and not p:
        p.add("size", "err.required")
    elif size is not None and not 2 <= size <= 7:
        p.add("size", "risk.err.matrix_size")
        size = None
    used = [i for i in range(MAX_BANDS) if _clean(form.get(f"band{i}_name")) or _clean(form.get(f"band{i}_high"))]
    keys = ("low", "medium", "high", "very_high", "extreme")
    bands: list[Band] = []
    low = 1
    for k, i in enumerate(used):
        high = p.parse(f"band{i}_high", parse_int, form.get(f"band{i}_high", ""))
        last = k == len(used) - 1
        if high is None and size is not None and last:
            high = size * size
        if high is None:
            if not _has(p, f"band{i}_high"):
                p.add(f"band{i}_high", "err.required")
            high = low
        colour = to_arabic(form.get(f"band{i}_colour") or "").strip()
        key = keys[k] if len(used) != 3 else ("low", "medium", "high")[k]
        bands.append(Band(key, _clean(form.get(f"band{i}_name")), _clean(form.get(f"band{i}_name_en")), low, high, colour))
        low = high + 1
    if not used:
        p.add("band0_name", "risk.err.no_bands")
    if p or size is None:
        return None, p
    matrix = RiskMatrix(size, tuple(bands))
    # Field names in matrix_problems are by position among the used bands: map back to the form's rows.
    for prob in matrix_problems(matrix):
        field = prob.field
        if field.startswith("band"):
            pos = int(field[4 : field.index("_")])
            field = f"band{used[pos]}{field[field.index('_'):]}"
        p.add(field, prob.key, **prob.params)
    return (None if p else matrix), p


def parse_year(text: str, source_year: int, taken: set[int]) -> tuple[int | None, Problems]:
    p = Problems()
    year = p.parse("year", parse_int, text or "")
    if year is None and not p:
        p.add("year", "err.required")
    elif year is not None:
        if not 2500 <= year <= 2700:
            p.add("year", "risk.err.year_be")
        elif year <= source_year:
            p.add("year", "risk.err.year_after", year=source_year)
        elif year in taken:
            p.add("year", "risk.err.year_taken", year=year)
    return (None if p else year), p


MAX_NEW_CATEGORIES = 3


@dataclass(frozen=True)
class SettingsValues:
    categories: tuple[tuple[str, str, str], ...]  # (code, Thai name, English name), in order
    monitor_names: dict[str, str]


def parse_settings(form: Mapping[str, str], codes: tuple[str, ...]) -> tuple[SettingsValues | None, Problems]:
    """Fields: cat_{code}_th / cat_{code}_en for each existing category (a blank Thai name removes it), new{i}_th /
    new{i}_en for new ones, monitor_{colour} for the four monitoring names (required)."""
    p = Problems()
    cats: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for code in codes:
        th, en = _clean(form.get(f"cat_{code}_th")), _clean(form.get(f"cat_{code}_en"))
        if th:
            p.check(th not in seen, f"cat_{code}_th", "risk.err.category_twice")
            seen.add(th)
            cats.append((code, th, en))
    taken = set(codes)
    for i in range(MAX_NEW_CATEGORIES):
        th, en = _clean(form.get(f"new{i}_th")), _clean(form.get(f"new{i}_en"))
        if not th:
            p.check(not en, f"new{i}_th", "err.required")
            continue
        p.check(th not in seen, f"new{i}_th", "risk.err.category_twice")
        seen.add(th)
        n = 1
        while f"c{n}" in taken:
            n += 1
        taken.add(f"c{n}")
        cats.append((f"c{n}", th, en))
    p.check(bool(cats), "new0_th", "risk.err.no_categories")
    names = {}
    for m in Monitor:
        names[m.value] = _clean(form.get(f"monitor_{m.value}"))
        p.check(bool(names[m.value]), f"monitor_{m.value}", "err.required")
    if p:
        return None, p
    return SettingsValues(tuple(cats), names), p
