from datetime import date

import pytest

from itatui.domain.fiscal import fiscal_year, fiscal_year_range, round_range


@pytest.mark.parametrize(
    ("d", "fy"),
    [(date(2022, 10, 1), 2566), (date(2023, 9, 30), 2566), (date(2023, 10, 1), 2567), (date(2026, 11, 25), 2570)],
)
def test_fiscal_year_is_named_by_the_later_be_year(d, fy):
    assert fiscal_year(d) == fy


def test_ranges():
    assert fiscal_year_range(2566) == (date(2022, 10, 1), date(2023, 9, 30))
    assert round_range(2566, 1) == (date(2022, 10, 1), date(2023, 3, 31))
    assert round_range(2566, 2) == (date(2022, 10, 1), date(2023, 9, 30))
