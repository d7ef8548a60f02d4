"""Records as JSON-ready dictionaries: the golden extraction files and ``--format json``."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from noticekg.extract.records import Notice


def notice_as_dict(notice: Notice, *, with_text: bool = False) -> dict[str, Any]:
    """Every extracted record, with dates as ISO strings and decimals as strings (exact).

    The text itself and the sentence list are left out unless ``with_text``: they are the
    input, not the extraction, and would bury the changes a reviewer wants to see.
    """
    data = {
        field.name: _plain(getattr(notice, field.name))
        for field in dataclasses.fields(notice)
        if with_text or field.name not in ("text", "sentences")
    }
    return data


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value
