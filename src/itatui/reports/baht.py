"""Baht in Thai words, as official forms write an amount beside its figures ("หนึ่งหมื่นบาทถ้วน").

A small local version for the reports until the shared presentation layer offers one; satang are rounded.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_DIGITS = ("ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")
_PLACES = ("", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน")


def _below_million(n: int, after_millions: bool = False) -> str:
    out = []
    text = str(n)
    size = len(text)
    for i, ch in enumerate(text):
        d, place = int(ch), size - i - 1
        if d == 0:
            continue
        if place == 1 and d == 1:
            out.append("สิบ")
        elif place == 1 and d == 2:
            out.append("ยี่สิบ")
        elif place == 0 and d == 1 and (size > 1 or after_millions):  # 11 สิบเอ็ด, 1,000,001 ล้านเอ็ด
            out.append("เอ็ด")
        else:
            out.append(_DIGITS[d] + _PLACES[place])
    return "".join(out)


def number_words(n: int) -> str:
    """A whole number in Thai words (millions repeat: ล้านล้าน)."""
    if n == 0:
        return _DIGITS[0]
    if n < 0:
        return "ลบ" + number_words(-n)
    millions, rest = divmod(n, 1_000_000)
    head = number_words(millions) + "ล้าน" if millions else ""
    return head + (_below_million(rest, bool(millions)) if rest else "")


def baht_text(amount: int | float | Decimal) -> str:
    """``10000`` → ``หนึ่งหมื่นบาทถ้วน``; ``21.5`` → ``ยี่สิบเอ็ดบาทห้าสิบสตางค์``."""
    value = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    baht, satang = divmod(int(value * 100), 100)
    if satang == 0:
        return number_words(baht) + "บาทถ้วน"
    return (number_words(baht) + "บาท" if baht else "") + number_words(satang) + "สตางค์"
