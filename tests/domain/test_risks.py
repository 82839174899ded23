"""The risk matrix: levels from likelihood × impact under the default 5×5, a changed matrix and the PACC 3×3;
matrix checks; the re-level preview; which years are read-only."""

from itatui.domain.risks import (
    DEFAULT_MATRIX,
    PACC_MATRIX,
    Band,
    RiskMatrix,
    ScoredRisk,
    is_read_only,
    matrix_from_dict,
    matrix_problems,
    relevel_preview,
)


def test_default_matrix_bands_from_domain_md():
    m = DEFAULT_MATRIX
    assert m.size == 5
    assert [m.level(1, 1), m.level(2, 2), m.level(1, 5), m.level(3, 3)] == ["low", "low", "medium", "medium"]
    assert [m.level(2, 5), m.level(4, 4), m.level(3, 6 - 1), m.level(5, 4), m.level(5, 5)] == ["high", "high", "high", "very_high", "very_high"]
    assert m.level(None, 3) is None and m.level(6, 1) is None and m.level(0, 2) is None
    assert [b.name_th for b in m.bands] == ["ต่ำ", "ปานกลาง", "สูง", "สูงมาก"]


def test_changed_matrix_moves_the_boundaries():
    strict = RiskMatrix(5, (
        Band("low", "ต่ำ", "Low", 1, 2, "#2e7d32"),
        Band("medium", "ปานกลาง", "Medium", 3, 6, "#c9a400"),
        Band("high", "สูง", "High", 7, 12, "#e67e22"),
        Band("very_high", "สูงมาก", "Very high", 13, 25, "#c62828"),
    ))
    assert matrix_problems(strict) == []
    assert (DEFAULT_MATRIX.level(2, 2), strict.level(2, 2)) == ("low", "medium")
    assert (DEFAULT_MATRIX.level(3, 3), strict.level(3, 3)) == ("medium", "high")
    assert (DEFAULT_MATRIX.level(3, 5), strict.level(3, 5)) == ("high", "very_high")


def test_pacc_three_by_three():
    m = PACC_MATRIX
    assert matrix_problems(m) == []
    assert [m.level(1, 1), m.level(1, 2), m.level(1, 3), m.level(2, 2), m.level(2, 3), m.level(3, 3)] == [
        "low", "low", "medium", "medium", "high", "high",
    ]
    assert m.level(4, 1) is None  # beyond 3 × 3


def test_matrix_problems_all_at_once():
    gap = RiskMatrix(5, (Band("low", "", "", 1, 4, "green"), Band("medium", "กลาง", "", 7, 20, "#123456")))
    fields = sorted((p.field, p.key) for p in matrix_problems(gap))
    assert fields == [
        ("band0_colour", "risk.err.colour"),
        ("band0_name", "err.required"),
        ("band1_high", "risk.err.band_gap"),
        ("band1_high", "risk.err.band_short"),
    ]
    assert [p.key for p in matrix_problems(RiskMatrix(9, DEFAULT_MATRIX.bands))] == ["risk.err.matrix_size"]


def test_stored_matrix_round_trips_and_garbage_gives_the_default():
    assert matrix_from_dict(PACC_MATRIX.to_dict()) == PACC_MATRIX
    assert matrix_from_dict({"size": "x"}) == DEFAULT_MATRIX
    assert matrix_from_dict({"size": 5, "bands": []}) == DEFAULT_MATRIX


def test_relevel_preview_lists_moves_and_lost_scores_only():
    risks = [
        ScoredRisk(1, "a", 2, 2, "low"),  # 4: low → medium under 3×3
        ScoredRisk(2, "b", 1, 1, "low"),  # stays low
        ScoredRisk(3, "c", 5, 4, "very_high"),  # beyond 3×3: score lost, level kept
        ScoredRisk(4, "d", None, None, "high"),  # imported, not scored: never moves
    ]
    moves = relevel_preview(PACC_MATRIX, risks)
    assert [(m.id, m.level_before, m.level_after, m.loses_score) for m in moves] == [
        (1, "low", "medium", False),
        (3, "very_high", "very_high", True),
    ]


def test_past_years_read_only_once_a_later_assessment_exists():
    assert is_read_only(2566, 2570, 2567) is True
    assert is_read_only(2566, 2570, 2566) is False  # the latest stays open, even in a past year
    assert is_read_only(2570, 2570, 2571) is False  # the current year stays open while the next is drafted
