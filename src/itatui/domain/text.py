"""Cutting text for a fixed width without breaking a character cluster.

Thai writes vowels above/below and tone marks as separate code points that take no cell of their own
(``ตั้ว`` is 2 cells, 4 code points). Cutting between a consonant and its marks leaves a mark on its own at the
start of the next piece (``ัว``) or strips the marks from the end of the first one. Every place that cuts text
to a width or a length (table cells, scrolled rows, findings quoted in messages) cuts here, on cluster
boundaries. Widths are terminal cells as Rich counts them.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

ELLIPSIS = "…"


def joins_previous(ch: str) -> bool:
    """A code point that belongs to the cluster before it: combining marks, joiners, variation selectors."""
    if ch in "\u200d\u200c" or "\ufe00" <= ch <= "\ufe0f":
        return True
    return unicodedata.category(ch) in ("Mn", "Me", "Mc")


def clusters(text: str) -> list[str]:
    """``text`` split into clusters: a base character followed by the marks that sit on it."""
    out: list[str] = []
    for ch in text:
        if out and joins_previous(ch):
            out[-1] += ch
        else:
            out.append(ch)
    return out


@lru_cache(maxsize=4096)
def cluster_width(cluster: str) -> int:
    from rich.cells import cell_len

    return cell_len(cluster)


def width(text: str) -> int:
    return sum(cluster_width(c) for c in clusters(text))


def cut(text: str, cells: int, *, ellipsis: str = ELLIPSIS) -> str:
    """``text`` fitted into ``cells`` terminal cells, cut on a cluster boundary, ``ellipsis`` marking a cut."""
    if cells <= 0:
        return ""
    parts = clusters(text)
    if sum(cluster_width(c) for c in parts) <= cells:
        return text
    room = cells - width(ellipsis)
    out: list[str] = []
    used = 0
    for c in parts:
        w = cluster_width(c)
        if used + w > room:
            break
        out.append(c)
        used += w
    return "".join(out) + (ellipsis if room >= 0 else "")


def cut_chars(text: str, length: int, *, ellipsis: str = ELLIPSIS) -> str:
    """At most ``length`` clusters of ``text`` (for quoting a line in a message), ``ellipsis`` marking a cut."""
    parts = clusters(text)
    if len(parts) <= length:
        return text
    return "".join(parts[:length]) + ellipsis


def skip_cells(text: str, cells: int) -> str:
    """``text`` without its first ``cells`` cells (what a sideways scroll hides). A cluster cut in two shows
    as blanks for the part still in view, never as its marks without their consonant."""
    if cells <= 0:
        return text
    used = 0
    parts = clusters(text)
    for i, c in enumerate(parts):
        if used >= cells:
            return "".join(parts[i:])
        w = cluster_width(c)
        if used + w > cells:
            return " " * (used + w - cells) + "".join(parts[i + 1 :])
        used += w
    return ""


# ---------------------------------------------------------------------------------------------- Thai words

_segmenter = None


def thai_words(text: str) -> list[str]:
    """``text`` cut into words with PyThaiNLP's ``newmm`` (dictionary-based maximal matching), spaces kept as
    their own pieces. Thai has no spaces between words, so a paragraph can only wrap where this cuts.
    The library (and its dictionary) loads on the first call: about a second, so callers warm it in a worker."""
    global _segmenter
    if _segmenter is None:
        from pythainlp.tokenize import word_tokenize

        _segmenter = word_tokenize
    return [w for w in _segmenter(text, engine="newmm", keep_whitespace=True) if w]


def wrap_words(words: list[str], cells: int) -> list[str]:
    """Lines of at most ``cells`` cells, broken between ``words``; spaces at a break are dropped; a word wider
    than a line is cut on cluster boundaries."""
    lines: list[str] = []
    line, used = "", 0
    for word in words:
        w = width(word)
        if "\n" in word:  # a paragraph break in the text stays one
            if line.strip():
                lines.append(line.rstrip())
            line, used = "", 0
            continue
        if word.isspace():
            if line and used + w <= cells:
                line, used = line + word, used + w
            elif line:
                lines.append(line.rstrip())
                line, used = "", 0
            continue
        if used + w > cells and line:
            lines.append(line.rstrip())
            line, used = "", 0
        while w > cells:  # longer than a whole line: cut it
            head = cut(word, cells, ellipsis="")
            lines.append(head)
            word = word[len(head) :]
            w = width(word)
        line, used = line + word, used + w
    if line.strip():
        lines.append(line.rstrip())
    return lines
