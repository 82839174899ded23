"""The Typst engine: Sarabun only, the official page set-up, data printed literally, errors with catalogue keys.

PDFs are checked the way a reader would: text extracted with ``pdftotext`` (poppler-utils), fonts listed by
``pdffonts``, page size by ``pdfinfo``, word positions by ``pdftotext -bbox``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from itatui.reports import typst_engine
from itatui.reports.typst_engine import ReportError, font_families, page_data, render

CM = 72 / 2.54

SAMPLE = """#import "base.typ": *
#let data = load-data()
#show: official.with(data.page)
= #data.heading
#for p in data.paragraphs [#p

]
"""


@pytest.fixture(autouse=True)
def _poppler() -> None:
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("poppler-utils (pdftotext, pdffonts, pdfinfo) must be installed in CI")
        pytest.skip("poppler-utils not installed")


@pytest.fixture
def templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A template folder holding the real base.typ and a small test template."""
    folder = tmp_path / "templates"
    folder.mkdir()
    shutil.copy(typst_engine.TEMPLATES_DIR / "base.typ", folder / "base.typ")
    (folder / "sample.typ").write_text(SAMPLE, encoding="utf-8")
    monkeypatch.setattr(typst_engine, "TEMPLATES_DIR", folder)
    return folder


def _page(paper: str = "A4", thai_digits: bool = False, **kw: object) -> dict:
    args = dict(paper=paper, organisation="เทศบาลตำบลเขมราฐ", date_text="25 พฤศจิกายน 2569", title="ทดสอบ",
                lang="th", page_label="หน้า", thai_digits=thai_digits)
    args.update(kw)
    return page_data(**args)  # type: ignore[arg-type]


def _run(*cmd: str) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def _text(pdf: Path, *opts: str) -> str:
    return _run("pdftotext", *opts, str(pdf), "-")


def _words(pdf: Path) -> list[tuple[int, float, float, float, str]]:
    """(page, xMin, xMax, yMin, word) of every word."""
    html = _run("pdftotext", "-bbox", str(pdf), "-")
    out = []
    for page_no, page in enumerate(html.split("<page ")[1:], start=1):
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', page):
            out.append((page_no, float(m[1]), float(m[3]), float(m[2]), m[4]))
    return out


def test_only_the_packaged_sarabun_font_is_available() -> None:
    # No system font and none of Typst's embedded fonts: a PDF looks the same on every office machine.
    assert font_families() == ["Sarabun"]
    folder = typst_engine.sarabun_font_dir()
    assert "fontpkg_sarabun" in folder.parts
    assert (folder / "Sarabun-Regular.ttf").is_file()


def test_a4_official_set_up_heading_page_numbers_and_embedded_sarabun(templates: Path, tmp_path: Path) -> None:
    out = tmp_path / "a4.pdf"
    paragraphs = [f"ย่อหน้าที่ {i} ผู้ใหญ่บ้านแจ้งว่าถนนชำรุด" for i in range(1, 80)]
    pdf = render("sample.typ", {"page": _page(), "heading": "หัวเรื่อง", "paragraphs": paragraphs}, out)
    assert out.read_bytes() == pdf and pdf.startswith(b"%PDF")

    info = _run("pdfinfo", str(out))
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info)
    pages = int(re.search(r"Pages:\s+(\d+)", info)[1])  # type: ignore[index]
    assert pages >= 2
    text = _text(out)
    # Every page carries the organisation and the BE date in its heading, and "page n / total" at the foot.
    assert text.count("เทศบาลตำบลเขมราฐ") == pages
    assert text.count("25 พฤศจิกายน 2569") == pages
    for n in range(1, pages + 1):
        assert f"หน้า {n} / {pages}" in text
    assert "ย่อหน้าที่ 79 ผู้ใหญ่บ้านแจ้งว่าถนนชำรุด" in text

    fonts = _run("pdffonts", str(out)).splitlines()[2:]
    assert fonts and all("Sarabun" in line for line in fonts)
    assert all(" yes " in line for line in fonts)  # embedded

    # Margins: left 3 cm, right 2 cm (a point of tolerance for glyph side bearings).
    words = _words(out)
    assert min(x0 for _, x0, _, _, _ in words) >= 3 * CM - 1
    assert max(x1 for _, _, x1, _, _ in words) <= 595.28 - 2 * CM + 1


def test_long_thai_text_without_spaces_breaks_into_lines_inside_the_margins(templates: Path, tmp_path: Path) -> None:
    # Thai has no spaces between words: Typst must find the breaks itself, never run past the right margin.
    sentence = "เทศบาลตำบลเขมราฐได้รับเรื่องร้องเรียนเกี่ยวกับไฟฟ้าส่องสว่างสาธารณะดับหลายจุดในชุมชนท่าเรือ"
    out = tmp_path / "thai.pdf"
    render("sample.typ", {"page": _page("A5"), "heading": "", "paragraphs": [sentence * 3]}, out)
    words = [w for w in _words(out) if w[3] > 3 * CM and "หน้า" not in w[4]]  # the paragraph, not the heading
    lines = {round(y) for _, _, _, y, _ in words}
    assert len(lines) >= 3
    a5_width = 419.53
    assert max(x1 for _, _, x1, _, _ in words) <= a5_width - typst_engine.PAGE_SETUPS["A5"].margin_right_cm * CM + 1
    joined = re.sub(r"\s+", "", _text(out))
    assert "ไฟฟ้าส่องสว่างสาธารณะดับหลายจุดในชุมชนท่าเรือ" in joined


def test_a5_page_size(templates: Path, tmp_path: Path) -> None:
    out = tmp_path / "a5.pdf"
    render("sample.typ", {"page": _page("A5"), "heading": "ก", "paragraphs": []}, out)
    assert re.search(r"Page size:\s+419\.\d+ x 595\.\d+ pts", _run("pdfinfo", str(out)))


def test_typst_markup_in_data_prints_literally(templates: Path, tmp_path: Path) -> None:
    nasty = [
        '#set page(width: 2cm) #panic("x") #read("base.typ")',
        "$x^2$ *ตัวหนา* _เอียง_ <label> @ref",
        'back\\slash "double" \'single\' `raw` = not a heading',
        # (not ending in "-": pdftotext joins a line ending in a hyphen to the next one)
        "// not a comment /* nor this */ [brackets] {braces} -- --- ~ end",
        "#sys.inputs.data",
    ]
    out = tmp_path / "nasty.pdf"
    render("sample.typ", {"page": _page(), "heading": "#heading[x]", "paragraphs": nasty}, out)
    text = _text(out)
    for line in nasty:
        assert line in text
    assert "#heading[x]" in text
    # the page kept its width: the first string was not run as a set rule
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+", _run("pdfinfo", str(out)))


def test_thai_digits_reach_template_digits_and_page_numbers(templates: Path, tmp_path: Path) -> None:
    out = tmp_path / "digits.pdf"
    paragraphs = [f"รายการ {i}" for i in range(1, 70)]
    page = _page(thai_digits=True, title="แบบ 12")
    render("sample.typ", {"page": page, "heading": "ปี 2569", "paragraphs": paragraphs}, out)
    text = _text(out)
    assert not re.search(r"[0-9]", text)
    assert "ปี ๒๕๖๙" in text and "๒๕ พฤศจิกายน ๒๕๖๙" in text and "รายการ ๖๙" in text
    pages = int(re.search(r"Pages:\s+(\d+)", _run("pdfinfo", str(out)))[1])  # type: ignore[index]
    assert pages > 1
    thai = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
    assert f"หน้า ๑ / {str(pages).translate(thai)}" in text
    assert re.search(r"Title:\s+แบบ ๑๒", _run("pdfinfo", str(out)))  # document metadata too


def test_characters_sarabun_cannot_draw_are_left_out_not_printed_as_boxes(templates: Path, tmp_path: Path) -> None:
    out = tmp_path / "emoji.pdf"
    render("sample.typ", {"page": _page(), "heading": "", "paragraphs": ["ถนนพัง 😀 ซ่อมด่วน\x07 ☎"]}, out)
    text = _text(out)
    assert "ถนนพัง" in text and "ซ่อมด่วน" in text
    assert "😀" not in text and "☎" not in text and "\x07" not in text


def test_errors_carry_catalogue_keys(templates: Path, tmp_path: Path) -> None:
    with pytest.raises(ReportError) as err:
        _page("Letter")
    assert err.value.key == "report.err.paper"
    with pytest.raises(ReportError) as err:
        render("missing.typ", {})
    assert err.value.key == "report.err.template"
    with pytest.raises(ReportError) as err:
        render("../templates/base.typ", {})
    assert err.value.key == "report.err.template"
    (templates / "broken.typ").write_text("#let x = (\n", encoding="utf-8")
    target = tmp_path / "broken.pdf"
    with pytest.raises(ReportError) as err:
        render("broken.typ", {}, target)
    assert err.value.key == "report.err.render"
    assert not target.exists()


def test_writing_replaces_the_file_whole(templates: Path, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "dir" / "doc.pdf"
    first = render("sample.typ", {"page": _page(), "heading": "หนึ่ง", "paragraphs": []}, out)
    second = render("sample.typ", {"page": _page(), "heading": "สอง", "paragraphs": []}, out)
    assert out.read_bytes() == second != first
    assert [p.name for p in out.parent.iterdir()] == ["doc.pdf"]  # no temporary file left behind


def test_a_file_that_cannot_be_written_is_a_report_error(templates: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(ReportError) as err:
        render("sample.typ", {"page": _page(), "heading": "", "paragraphs": []}, blocker / "doc.pdf")
    assert err.value.key == "report.err.write" and err.value.params["path"].endswith("doc.pdf")
