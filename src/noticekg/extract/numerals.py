"""Numbers as notices write them: arabic (``1,402``, ``8.7``, full-width ``１２``), Chinese
(``十二``, ``两``, ``一百零五``, ``二〇二〇``) and mixed (``3.5万``), read into :class:`Decimal`.

The Chinese grammar is cn2an's; this module only prepares the string and keeps the result exact.
"""

from __future__ import annotations

import logging
import re
from decimal import Decimal, InvalidOperation

# Full-width digits and decimal point some publishing systems emit.
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

# A plain arabic number, thousands separators allowed (1,402 / 8.7 / 103.18).
ARABIC_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")

# A run of Chinese digit characters written digit by digit (二〇二〇, 一九), no place words.
POSITIONAL_DIGITS = re.compile(r"[〇零一二三四五六七八九]{2,}")

_POSITIONAL = str.maketrans("〇零一二三四五六七八九", "00123456789")

logging.getLogger("cn2an").setLevel(logging.ERROR)


def parse_number(written: str) -> Decimal | None:
    """The value of ``written`` or None if it is not a number.

    >>> parse_number("一百零五")
    Decimal('105')
    >>> parse_number("3.5万")
    Decimal('35000')
    """
    s = written.strip().translate(_FULLWIDTH)
    if not s:
        return None
    if ARABIC_NUMBER.fullmatch(s):
        return Decimal(s.replace(",", ""))
    if POSITIONAL_DIGITS.fullmatch(s):
        return Decimal(s.translate(_POSITIONAL))
    import cn2an  # imported late: 0.1–0.2 s that commands reading no text should not pay

    try:
        value = cn2an.cn2an(s, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return _exact(value)


def _exact(value: int | float) -> Decimal | None:
    """``value`` as a Decimal without binary-float noise (35000.0 → 35000)."""
    try:
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        return None
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.normalize()
