"""One ``Document`` in four formats: PDF (Typst, the report font only), DOCX (python-docx, to edit in Word),
XLSX (openpyxl: numbers stay numbers, totals are the same values as on paper), CSV (UTF-8 with a BOM, so
Excel reads Thai correctly). Each returns the file's bytes.

Digits: on paper and in Word, text follows the Thai-digit option; spreadsheet numbers stay numbers (an XLSX
number format shows them in Thai digits where asked; CSV keeps them plain so a spreadsheet can add them up).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from itatui.domain.thai import digits, format_date
from itatui.i18n import CATALOGUE
from itatui.reports.document import (
    Document,
    Fields,
    Heading,
    PageBreak,
    Paragraph,
    Row,
    Signature,
    Table,
    is_number,
    number_text,
)
from itatui.reports.errors import ReportError
from itatui.reports.fonts import report_font
from itatui.reports.typst_engine import page_data, render

FORMATS = ("pdf", "docx", "xlsx", "csv")


def text_of(key: str, lang: str) -> str:
    texts = CATALOGUE.get(key, {})
    return texts.get(lang) or texts.get("th") or key


def render_document(doc: Document, fmt: str, *, thai_digits: bool = True) -> bytes:
    if fmt == "pdf":
        return render_pdf(doc, thai_digits=thai_digits)
    if fmt == "docx":
        return render_docx(doc, thai_digits=thai_digits)
    if fmt == "xlsx":
        return render_xlsx(doc, thai_digits=thai_digits)
    if fmt == "csv":
        return render_csv(doc, thai_digits=thai_digits)
    raise ReportError("report.err.format", format=fmt, allowed=", ".join(FORMATS))


# --- PDF ---------------------------------------------------------------------------------------------------

def _cell(value: Any) -> dict[str, Any]:
    return {"t": number_text(value), "n": is_number(value)}


def _block(b: Any) -> dict[str, Any]:
    if isinstance(b, Heading):
        return {"kind": "heading", "text": b.text, "level": b.level}
    if isinstance(b, Paragraph):
        return {"kind": "para", "text": b.text, "bold": b.bold, "indent": b.indent}
    if isinstance(b, Fields):
        return {"kind": "fields", "rows": [list(r) for r in b.rows]}
    if isinstance(b, Signature):
        return {"kind": "signature", "sign_label": b.sign_label, "name": b.name, "role": b.role}
    if isinstance(b, PageBreak):
        return {"kind": "pagebreak"}
    assert isinstance(b, Table)
    return {
        "kind": "table",
        "caption": b.caption,
        "font_scale": b.font_scale,
        "columns": [{"label": c.label, "width": c.width, "numeric": c.numeric, "verbatim": c.verbatim} for c in b.columns],
        "header_groups": [[label, span] for label, span in b.header_groups],
        "rows": [{"style": r.style, "cells": [_cell(v) for v in r.cells]} for r in b.rows],
    }


def pdf_data(doc: Document, *, thai_digits: bool) -> dict[str, Any]:
    page = page_data(
        paper=doc.paper, organisation=doc.organisation, date_text=printed_text(doc), title=doc.title,
        lang=doc.lang, page_label=text_of("report.page", doc.lang), thai_digits=thai_digits,
    )
    page["header_title"] = doc.title
    page["keep_digits"] = any(c.verbatim for tb in doc.tables() for c in tb.columns)
    return {"page": page, "doc": {"title": doc.title, "subtitle": list(doc.subtitle),
                                  "blocks": [_block(b) for b in doc.blocks]}}


def printed_text(doc: Document) -> str:
    return text_of("report.printed_on", doc.lang).format(date=format_date(doc.printed_on, style="long", lang=doc.lang))


def render_pdf(doc: Document, *, thai_digits: bool = True) -> bytes:
    return render("document.typ", pdf_data(doc, thai_digits=thai_digits))


# --- DOCX --------------------------------------------------------------------------------------------------

def render_docx(doc: Document, *, thai_digits: bool = True) -> bytes:
    from docx import Document as Word
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    d = lambda s: digits(s, thai_digits)  # noqa: E731
    font = report_font()
    word = Word()
    style = word.styles["Normal"]
    style.font.name = font.family
    style.font.size = Pt(font.body_size_pt)
    style.element.rPr.rFonts.set(qn("w:cs"), font.family)  # Thai is a complex script: Word reads this slot
    style.element.rPr.rFonts.set(qn("w:eastAsia"), font.family)
    size = OxmlElement("w:szCs")
    size.set(qn("w:val"), str(int(font.body_size_pt * 2)))
    style.element.rPr.append(size)
    section = word.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    if doc.paper.upper() == "A4L":
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    head = section.header.paragraphs[0]
    head.text = d(f"{doc.organisation}\t{doc.title}\t{printed_text(doc)}")
    _page_numbers(section.footer.paragraphs[0], text_of("report.page", doc.lang), thai_digits)

    for line in (doc.title, *doc.subtitle):
        p = word.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(d(line)).bold = True
    for b in doc.blocks:
        if isinstance(b, Heading):
            word.add_paragraph().add_run(d(b.text)).bold = True
        elif isinstance(b, Paragraph):
            p = word.add_paragraph()
            if b.indent:
                p.paragraph_format.first_line_indent = Cm(1.25)
            p.add_run(d(b.text)).bold = b.bold
        elif isinstance(b, Fields):
            for label, value in b.rows:
                p = word.add_paragraph()
                p.add_run(d(label) + " ").bold = True
                p.add_run(d(value))
        elif isinstance(b, Signature):
            for line in (f"{b.sign_label} {'.' * 40}", f"({b.name or '.' * 40})", b.role):
                word.add_paragraph(d(line)).alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif isinstance(b, PageBreak):
            word.add_page_break()
        elif isinstance(b, Table):
            _docx_table(word, b, d)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _page_numbers(paragraph: Any, label: str, thai_digits: bool) -> None:
    """"หน้า x / y" with Word's own PAGE and NUMPAGES fields (Word numbers the pages, not us)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(label + " ")
    for i, name in enumerate(("PAGE", "NUMPAGES")):
        if i:
            paragraph.add_run(" / ")
        run = paragraph.add_run()
        for kind, text in (("begin", None), (None, f"{name} \\* {'ThaiArabic' if thai_digits else 'Arabic'}"), ("end", None)):
            if kind:
                el = OxmlElement("w:fldChar")
                el.set(qn("w:fldCharType"), kind)
            else:
                el = OxmlElement("w:instrText")
                el.set(qn("xml:space"), "preserve")
                el.text = text
            run._r.append(el)


def _docx_table(word: Any, tb: Table, d: Any) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    if tb.caption:
        word.add_paragraph().add_run(d(tb.caption)).bold = True
    ncols = len(tb.columns)
    header_rows = 2 if tb.header_groups else 1
    table = word.add_table(rows=header_rows, cols=ncols)
    table.style = "Table Grid"
    for r in range(header_rows):  # repeat the header on every page
        pr = table.rows[r]._tr.get_or_add_trPr()
        el = OxmlElement("w:tblHeader")
        el.set(qn("w:val"), "true")
        pr.append(el)
    if tb.header_groups:
        at = 0
        for label, span in tb.header_groups:
            top = table.cell(0, at)
            if label is None:
                top.merge(table.cell(1, at)).text = d(tb.columns[at].label)
            else:
                top.merge(table.cell(0, at + span - 1)).text = d(label)
                for i in range(at, at + span):
                    table.cell(1, i).text = d(tb.columns[i].label)
            at += span
    else:
        for i, c in enumerate(tb.columns):
            table.cell(0, i).text = d(c.label)
    for r in range(header_rows):
        for cell in table.rows[r].cells:
            for run in cell.paragraphs[0].runs:
                run.bold = True
    for row in tb.rows:
        cells = table.add_row().cells
        span = ncols - len(row.cells) + 1
        if span > 1:
            cells[0].merge(cells[span - 1])
        for i, value in enumerate(row.cells):
            col = 0 if i == 0 else i + span - 1
            p = cells[col].paragraphs[0]
            shown = number_text(value)
            run = p.add_run(shown if tb.columns[col].verbatim else d(shown))
            run.bold = row.style in ("group", "subtotal", "total")
            if tb.columns[col].numeric and is_number(value):
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT


# --- XLSX --------------------------------------------------------------------------------------------------

THAI_NUMBER_FORMAT = "[$-D07041E]#,##0"  # Excel's Thai-digit locale code; the cell value stays a number
NUMBER_FORMAT = "#,##0"


def render_xlsx(doc: Document, *, thai_digits: bool = True) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    d = lambda s: digits(s, thai_digits)  # noqa: E731
    wb = Workbook()
    ws = wb.active
    ws.title = "report"
    bold = Font(bold=True)
    ws.append([d(doc.organisation)])
    ws.append([d(doc.title)])
    ws["A2"].font = bold
    for line in doc.subtitle:
        ws.append([d(line)])
    ws.append([d(printed_text(doc))])
    for b in doc.blocks:
        if isinstance(b, (Heading, Paragraph)):
            ws.append([d(b.text)])
            ws.cell(ws.max_row, 1).font = Font(bold=isinstance(b, Heading) or b.bold)
        elif isinstance(b, Fields):
            for label, value in b.rows:
                ws.append([d(label), d(value)])
        elif isinstance(b, Table):
            ws.append([])
            if b.caption:
                ws.append([d(b.caption)])
            if b.header_groups:
                top: list[str] = []
                for label, span in b.header_groups:
                    top += [d(label or "")] + [""] * (span - 1)
                ws.append(top)
            ws.append([d(c.label) for c in b.columns])
            for c in ws[ws.max_row]:
                c.font, c.alignment = bold, Alignment(wrap_text=True, horizontal="center")
            for row in b.rows:
                ws.append(_xlsx_cells(row, b.columns, d))
                for i, c in enumerate(ws[ws.max_row]):
                    if isinstance(c.value, (int, float)):
                        c.number_format = THAI_NUMBER_FORMAT if thai_digits else NUMBER_FORMAT
                    if row.style:
                        c.font = bold
            for i, col in enumerate(b.columns, start=1):
                width = 14 if col.numeric else max(10, min(60, int(col.width * 12)))
                ws.column_dimensions[get_column_letter(i)].width = max(ws.column_dimensions[get_column_letter(i)].width or 0, width)
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if doc.paper.upper() == "A4L" else "portrait"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _xlsx_cells(row: Row, columns: tuple[Any, ...], d: Any) -> list[Any]:
    span = len(columns) - len(row.cells) + 1
    out: list[Any] = []
    for i, value in enumerate(row.cells):
        col = 0 if i == 0 else i + span - 1
        if is_number(value):
            out.append(int(value) if float(value).is_integer() else float(value))  # type: ignore[arg-type]
        else:
            out.append(number_text(value) if columns[col].verbatim else d(number_text(value)))
        if i == 0:
            out += [None] * (span - 1)
    return out


# --- CSV ---------------------------------------------------------------------------------------------------

def render_csv(doc: Document, *, thai_digits: bool = True) -> bytes:
    """The document's tables one after the other (a heading line before each); numbers plain, so a spreadsheet
    adds them up. UTF-8 with a byte-order mark: Excel on Windows otherwise reads Thai as mojibake."""
    d = lambda s: digits(s, thai_digits)  # noqa: E731
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([d(doc.organisation), d(doc.title), *(d(s) for s in doc.subtitle)])
    for b in doc.blocks:
        if isinstance(b, Heading):
            w.writerow([d(b.text)])
        elif isinstance(b, Fields):
            for label, value in b.rows:
                w.writerow([d(label), d(value)])
        elif isinstance(b, Table):
            if b.header_groups:
                w.writerow([d(label or "") + ("" if span == 1 else "") for label, span in b.header_groups for _ in range(span)])
            w.writerow([d(c.label) for c in b.columns])
            for row in b.rows:
                w.writerow(["" if v is None else v for v in _xlsx_cells(row, b.columns, d)])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
