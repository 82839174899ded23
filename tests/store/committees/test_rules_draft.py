"""The rules form's text ↔ RoundRules, with every problem at once."""

from decimal import Decimal

import pytest

from itatui.domain.salary import BaseRange, RoundRules
from itatui.store import committees as C


def test_every_default_rule_survives_the_form():
    rules = RoundRules()
    assert C.parse_rules(C.rules_text(rules), rules) == rules


def test_changed_rules_and_thai_digits():
    texts = C.rules_text(RoundRules())
    texts.update(quota_pct="๑๒.๕", yearly_cap="1.5", weights="80 20", bases="0-30000 22000\n30001-50000 40000",
                 steps=texts["steps"].replace("1 very_good 0 0.5", "1 very_good 0 0.5 1"))
    rules = C.parse_rules(texts, RoundRules())
    assert rules.quota_pct == Decimal("12.5") and rules.yearly_cap_half_steps == 3 and rules.weights == (80, 20)
    assert rules.bases == (BaseRange(0, 30000, 22000), BaseRange(30001, 50000, 40000))
    assert rules.allowed_half_steps(1, "very_good") == (0, 1, 2)


def test_every_problem_at_once():
    texts = C.rules_text(RoundRules())
    texts.update(quota_pct="120", weights="70 20", bases="0-x 5", level_min="excellent 90\nvery_good 80",
                 yearly_cap="0.3", round_to="2.5")
    with pytest.raises(C.CommitteeValidationError) as err:
        C.parse_rules(texts, RoundRules())
    assert err.value.fields() == {"quota_pct", "weights", "bases", "level_min", "yearly_cap", "round_to"}


def test_saving_rules_is_audited_and_applies_to_the_round(engine, admin):
    from sqlmodel import Session, select

    from itatui.store.models import AuditLog
    from tests.committee_fixtures import office

    o = office(engine, admin, n=2)
    texts = C.rules_text(o.round.rules)
    texts["grievance_days"] = "45"
    assert C.save_rules_text(engine, o.secretary, o.round.id, texts).grievance_days == 45
    assert C.get_round(engine, o.secretary, o.round.id).rules.grievance_days == 45
    with Session(engine) as s:
        rec = s.exec(select(AuditLog).where(AuditLog.entity == "salary_round", AuditLog.action == "update")).one()
    assert '\\"grievance_days\\": 45' in rec.after
