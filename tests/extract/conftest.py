"""Shared fixtures for the extract tests: the sample notice and its gold annotation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "src" / "noticekg" / "samples" / "wzkjc-xuncha-zhenggai.txt"
GOLD = ROOT / "tests" / "data" / "gold" / "wzkjc-xuncha-zhenggai.json"


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    return json.loads(GOLD.read_text(encoding="utf-8"))
