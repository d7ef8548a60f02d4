"""A headless Chromium shared by the browser tests of one module; skipped, with the reason
shown, only where Debian's chromium is not installed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from cdp import CHROMIUM, Chromium, chromium_available


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    if not chromium_available():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk)")
    with Chromium() as chromium:
        yield chromium


@pytest.fixture
def page(browser: Chromium) -> Chromium:
    """The shared browser with the errors and dialogs of earlier tests forgotten."""
    browser.console_errors.clear()
    browser.dialogs.clear()
    return browser
