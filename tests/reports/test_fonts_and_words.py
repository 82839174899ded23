"""The report font (packaged Sarabun or an office's own files) at the visual size of TH Sarabun New 16 pt."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from itatui.reports import fonts
from itatui.reports.errors import ReportError
from itatui.reports.thai_text import printable
from itatui.reports.typst_engine import page_data


def test_packaged_sarabun_prints_official_16_pt_at_its_visual_size() -> None:
    font = fonts.report_font()
    assert font.family == "Sarabun" and font.regular.name == "Sarabun-Regular.ttf"
    assert 0.55 < font.ko_kai_em < 0.62  # Sarabun's ก, read from the glyph outline
    assert font.body_size_pt == 12.0
    page = page_data(paper="A4", organisation="x", date_text="d", title="t", lang="th", page_label="หน้า", thai_digits=False)
    assert page["font_size"] == 12.0 and page["font"] == "Sarabun"


def test_an_office_font_folder_is_used_when_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "office-fonts"
    folder.mkdir()
    shutil.copy(fonts.packaged_font_dir() / "Sarabun-Regular.ttf", folder)
    monkeypatch.setenv(fonts.FONT_DIR_ENV, str(folder))
    font = fonts.report_font()
    assert font.folder == folder and font.family == "Sarabun"
    monkeypatch.setenv(fonts.FONT_DIR_ENV, str(tmp_path / "missing"))
    with pytest.raises(ReportError) as err:
        fonts.report_font()
    assert err.value.key == "report.err.font_dir"


def test_character_map_comes_from_the_font() -> None:
    points = fonts.font_codepoints(fonts.report_font().regular)
    assert ord("ก") in points and ord("๙") in points and ord("😀") not in points
    assert printable("ถนน 😀 พัง") == "ถนน  พัง"
