"""What a complaint can be linked to: risk issues and plan projects from the imported Khemarat plan."""

from itatui.store.complaints import link_choices
from itatui.store.seed import seed_demo_plan


def test_projects_and_risk_issues_narrowed_by_thai_text(engine, admin):
    seed_demo_plan(engine)
    projects = link_choices(engine, admin, "project", "NO Gift")
    assert [c.label for c in projects] == ["7) มาตรการ NO Gift Policy"]
    risks = link_choices(engine, admin, "risk", "ทรัพย์สิน")
    assert risks and all("ทรัพย์สิน" in c.label for c in risks)
    assert len(link_choices(engine, admin, "project")) == 25  # the whole plan, within the limit
    assert link_choices(engine, admin, "project", "100%_") == []  # LIKE wildcards typed are literal
