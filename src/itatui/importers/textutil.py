"""Small text helpers shared by the plan readers: digits, Thai-aware line joining, name keys, list items."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from itatui.domain.thai import to_arabic

THAI_CHAR = re.compile(r"[\u0E00-\u0E7F]")
DIGIT = r"[0-9๐-๙]"
# A spelled number inside a sentence: "๑๐,๐๐๐", "80", "๓๓".
NUMBER = re.compile(rf"{DIGIT}[0-9๐-๙,]*(?:\.{DIGIT}+)?")


def num(text: str) -> int:
    """An integer from Thai or Arabic digits ("๑๐,๐๐๐" → 10000)."""
    return int(to_arabic(text).replace(",", ""))


def numf(text: str) -> float:
    return float(to_arabic(text).replace(",", ""))


def squash(text: str) -> str:
    """Collapse runs of white space to one space (cells keep the spaces that line wrapping left in them)."""
    return re.sub(r"\s+", " ", text or "").strip()


def nospace(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def thai_join(left: str, right: str) -> str:
    """Join two wrapped lines. Thai writes no spaces between words, so a line break between two Thai letters
    is a wrap inside a phrase and joins without a space; anything else joins with one space."""
    left, right = left.rstrip(), right.lstrip()
    if not left:
        return right
    if not right:
        return left
    if THAI_CHAR.match(left[-1]) and THAI_CHAR.match(right[0]):
        return left + right
    return left + " " + right


def dewrap(text: str, reference: str, context: int = 4) -> str:
    """Drop the spaces a table cell's line wrapping put into ``text`` where ``reference`` (the same name
    written as running text elsewhere in the document) has the surrounding letters without a space.
    Letters are never changed; a space the reference does not settle is kept."""
    out = []
    for i, ch in enumerate(text):
        if ch == " " and 0 < i < len(text) - 1:
            left, right = text[max(0, i - context) : i], text[i + 1 : i + 1 + context]
            if " " not in left and " " not in right and left + right in reference:
                continue
        out.append(ch)
    return "".join(out)


def strip_markup(text: str) -> str:
    """The plain-text export keeps a few Markdown marks (``**bold**``); they carry no meaning here."""
    return text.replace("**", "")


_QUOTES = "“”\"'‘’«»"


def name_key(text: str, org_names: tuple[str, ...] = ()) -> str:
    """A comparison key for the name of a project or mission: no spaces, quotes, Markdown or trailing dash, and
    without the organisation's own name (the risk table says "ของหน่วยงาน" where Part 2 names the office)."""
    s = nospace(strip_markup(text))
    for q in _QUOTES:
        s = s.replace(q, "")
    s = s.rstrip("-–")
    for org in sorted((nospace(o) for o in org_names if o), key=len, reverse=True):
        s = s.replace("ของ" + org, "").replace(org, "")
    if s.endswith("ของหน่วยงาน"):
        s = s[: -len("ของหน่วยงาน")]
    return s


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


# ---- numbered list items -----------------------------------------------------------------------------------

# "๑) text", "- ๒) text"; sub-items "๒.๑) text", "๒.๑.๑) text", "(๑) text", "- text".
TOP_ITEM = re.compile(rf"^(?:[-–•]\s*)?({DIGIT}{{1,2}})\)\s*(.*)$")
SUB_ITEM = re.compile(rf"^(?:[-–•]\s*)?(?:{DIGIT}{{1,2}}(?:\.{DIGIT}{{1,2}})+\)|\({DIGIT}{{1,2}}\))\s*(.*)$")
BULLET = re.compile(r"^[-–•]\s+(\S.*)$")


@dataclass
class Item:
    """One item of a numbered list, with its sub-items folded in as further lines."""

    text: str
    line: int
    number: int | None = None
    lines: list[str] = field(default_factory=list)

    def full(self) -> str:
        return "\n".join([self.text, *self.lines]).strip()


def split_items(body: list[tuple[int, str]]) -> list[Item]:
    """Read a section body (line number, text) as a list: numbered items start items, sub-items and bullets
    become extra lines of the item above, and any other line continues the text before it. An unnumbered
    paragraph after a blank line starts a new item only when the list has no numbered items."""
    items: list[Item] = []
    blank_before = False
    numbered = False
    for line_no, raw in body:
        s = strip_markup(raw).strip()
        if not s:
            blank_before = True
            continue
        top = TOP_ITEM.match(s)
        sub = SUB_ITEM.match(s) if not top else None
        bullet = BULLET.match(s) if not (top or sub) else None
        if top:
            numbered = True
            items.append(Item(top.group(2).strip(), line_no, num(top.group(1))))
        elif (sub or bullet) and items:
            items[-1].lines.append(s)
        elif not items or (blank_before and not numbered):
            items.append(Item(bullet.group(1) if bullet else s, line_no))
        elif items[-1].lines:
            items[-1].lines[-1] = thai_join(items[-1].lines[-1], s)
        else:
            items[-1].text = thai_join(items[-1].text, s)
        blank_before = False
    return items


def paragraphs(body: list[tuple[int, str]]) -> str:
    """A prose section: wrapped lines joined, paragraphs separated by a newline."""
    out: list[str] = []
    current = ""
    for _line_no, raw in body:
        s = strip_markup(raw).strip()
        if not s:
            if current:
                out.append(current)
                current = ""
            continue
        current = thai_join(current, s)
    if current:
        out.append(current)
    return "\n".join(out)
