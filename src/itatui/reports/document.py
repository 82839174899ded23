"""One printed document as plain blocks (headings, paragraphs, label/value fields, tables, signatures), which
every renderer (Typst PDF, DOCX, XLSX, CSV) lays out its own way. A report builds a ``Document`` once; the
formats cannot disagree on a number because they all read the same cells.

Cells are text or numbers. Numbers stay numbers until a renderer formats them (``30,000`` on paper, a number
in a spreadsheet). A row with fewer cells than the table has columns lets its first cell span the difference:
a dimension's heading row is one cell across the table, a subtotal's label spans the name columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Union

Cell = Union[str, int, float, Decimal, None]


@dataclass(frozen=True)
class Column:
    label: str
    width: float = 1.0  # relative width (Typst fr, Word column share)
    numeric: bool = False  # right-aligned, formatted with separators, a number in XLSX/CSV
    verbatim: bool = False  # codes and file names: digits kept as written whatever the digit option


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    style: str = ""  # "" | "group" (a heading row) | "subgroup" | "subtotal" | "total"


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    # A first header row over the column labels: (label, span); label None = that column's label spans both rows.
    header_groups: tuple[tuple[str | None, int], ...] = ()
    caption: str = ""
    font_scale: float = 1.0  # wide tables are set smaller than body text (as Part 2 of a plan is)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: str
    bold: bool = False
    indent: bool = False  # first-line indent, as in Thai official prose


@dataclass(frozen=True)
class Fields:
    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Signature:
    sign_label: str  # "ลงชื่อ"
    name: str  # "" = a dotted blank
    role: str


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Union[Heading, Paragraph, Fields, Table, Signature, PageBreak]


@dataclass(frozen=True)
class Document:
    title: str
    organisation: str
    printed_on: date
    blocks: tuple[Block, ...]
    subtitle: tuple[str, ...] = ()  # lines under the title: the plan, the fiscal year, the round
    paper: str = "A4"  # "A4" portrait or "A4L" landscape
    lang: str = "th"
    # Numbers a reader checks (totals, counts): the tests find them in every format.
    key_numbers: tuple[int, ...] = field(default=())

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


def number_text(value: Cell) -> str:
    """A cell as printed on paper: whole numbers with thousands separators, two decimals otherwise."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, (float, Decimal)):
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return value


def is_number(value: Cell) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)
