from datetime import date
from decimal import Decimal

import pytest

from itatui.domain import salary as S
from itatui.domain.salary import Level, Relation, RoundRules


@pytest.mark.parametrize(
    ("value", "level"),
    [(100, Level.EXCELLENT), (90, Level.EXCELLENT), (89.99, Level.VERY_GOOD), (80, Level.VERY_GOOD),
     (79.5, Level.GOOD), (70, Level.GOOD), (69, Level.FAIR), (60, Level.FAIR), (59.99, Level.IMPROVE), (0, Level.IMPROVE)],
)
def test_default_level_bands(value, level):
    assert S.level_for(value) == level


def test_changed_level_bands_are_data_of_the_round():
    rules = RoundRules(level_min=(("excellent", 95), ("very_good", 85), ("good", 75), ("fair", 65), ("improve", 0)))
    assert S.level_for(92, rules) == Level.VERY_GOOD
    assert S.level_for(64, rules) == Level.IMPROVE


def test_score_weights_70_30_and_50_50_on_probation():
    assert S.score(90, 80) == 87.0  # 63 + 24
    assert S.score(90, 80, probation=True) == 85.0
    assert S.score(85.5, 77.25) == 83.03  # 59.85 + 23.175 = 83.025 rounds half up
    assert S.score(100, 0, rules=RoundRules(weights=(80, 20))) == 80.0


@pytest.mark.parametrize(("headcount", "allowed"), [(10, 2), (3, 0), (4, 1), (7, 1), (20, 3), (30, 5), (50, 8), (1, 0), (0, 0)])
def test_quota_15_percent_half_rounds_up(headcount, allowed):
    # 10 × 15 % = 1.5 → 2; 3 → 0.45 → 0; 4 → 0.6 → 1; 7 → 1.05 → 1; 30 → 4.5 → 5; 50 → 7.5 → 8
    assert S.quota_allowed(headcount) == allowed


def test_quota_under_changed_percentage():
    assert S.quota_allowed(10, RoundRules(quota_pct=Decimal("25"))) == 3  # 2.5 → 3
    assert S.quota_allowed(10, RoundRules(quota_pct=Decimal("12"))) == 1  # 1.2 → 1


def test_budget_and_pool_arithmetic():
    assert S.budget_allowed(1_234_567) == 74_074  # 6 % = 74,074.02 → whole baht down
    assert S.budget_allowed(1_000_000, RoundRules(budget_pct=Decimal("5.5"))) == 55_000
    assert S.pool_allowed(1_000_000) == 30_000
    assert S.pool_allowed(1_000_000, RoundRules(pool_pct=Decimal("2.5"))) == 25_000


def test_percent_raise_rounds_up_to_ten_baht_of_the_calculation_base():
    rules = RoundRules(bases=(S.BaseRange(0, 30_000, 21_590), S.BaseRange(30_001, 40_000, 35_800)))
    r = S.percent_raise(25_000, "3", rules)  # 3 % of 21,590 = 647.70 → 650
    assert (r.base, r.amount, r.raise_amount, r.special_allowance, r.new_salary) == (21_590, 650, 650, 0, 25_650)
    assert S.percent_raise(25_000, 0, rules).amount == 0
    r = S.percent_raise(25_000, "3", rules.with_changes(round_to=1))
    assert r.amount == 648


def test_percent_raise_above_the_maximum_is_a_special_allowance():
    rules = RoundRules(bases=(S.BaseRange(0, 30_000, 21_590),))
    r = S.percent_raise(29_800, "6", rules)  # 6 % of 21,590 = 1,295.40 → 1,300; room 200
    assert (r.amount, r.raise_amount, r.special_allowance, r.new_salary) == (1_300, 200, 1_100, 30_000)
    r = S.percent_raise(30_000, "4", rules)  # already at the maximum: all of it is the allowance
    assert (r.raise_amount, r.special_allowance) == (0, 870)


def test_steps_tables_and_parsing():
    rules = RoundRules()
    assert rules.allowed_half_steps(1, "excellent") == (0, 1, 2)
    assert 2 not in rules.allowed_half_steps(1, "very_good")
    assert rules.allowed_half_steps(2, "improve") == (0,)
    assert S.parse_steps("1.5") == 3 and S.parse_steps("๑") == 2 and S.parse_steps("0.5 ขั้น") == 1
    for bad in ("0.3", "-1", "x", ""):
        with pytest.raises(ValueError):
            S.parse_steps(bad)
    assert S.steps_text(3) == "1.5" and S.steps_text(2) == "1"


def test_quorum_is_at_least_half():
    assert S.has_quorum(7, 4) and not S.has_quorum(7, 3)
    assert S.has_quorum(6, 3) and not S.has_quorum(6, 2)
    assert not S.has_quorum(0, 0)
    assert not S.has_quorum(6, 3, RoundRules(quorum_num=2, quorum_den=3))


def test_invitation_three_days_and_grievance_thirty_days():
    meeting = date(2026, 3, 20)
    assert not S.invitation_late(date(2026, 3, 17), meeting)
    assert S.invitation_late(date(2026, 3, 18), meeting)
    assert S.invitation_late(None, meeting)
    told = date(2026, 4, 1)
    assert S.grievance_in_time(told, date(2026, 5, 1))
    assert not S.grievance_in_time(told, date(2026, 5, 2))


def test_conflicts_proposed_self_and_same_family_name():
    assert S.propose_relation(5, "นายสมชาย ใจดี", 5, "นายสมชาย ใจดี") == Relation.SELF
    assert S.propose_relation(1, "นายสมชาย ใจดี", 5, "นางสมศรี ใจดี") == Relation.SAME_FAMILY_NAME
    assert S.propose_relation(None, "นายสมชาย ใจดี", 5, "นางสมศรี มีสุข") is None


def test_rules_round_trip_through_json_keeps_changes():
    rules = RoundRules(quota_pct=Decimal("12.5"), yearly_cap_half_steps=3,
                       steps={1: {"excellent": (0, 2)}, 2: {"excellent": (0, 1)}})
    back = RoundRules.from_json(rules.to_json())
    assert back == rules
    assert RoundRules.from_json(RoundRules().to_json()) == RoundRules()


def test_round_dates():
    assert S.effective_date(2569, 1) == date(2026, 4, 1)
    assert S.effective_date(2569, 2) == date(2026, 10, 1)
    assert S.counted_on(2569, 1) == date(2026, 3, 1) and S.counted_on(2569, 2) == date(2026, 9, 1)
