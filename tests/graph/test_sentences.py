"""Sentence boundaries around a quote: what a mention's prefix and suffix hold."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from noticekg.graph.sentences import SENTENCE_END, Sentences


@pytest.mark.parametrize(
    ("text", "quote", "prefix", "suffix"),
    [
        ("甲。乙在丙办公。丁", "丙", "乙在", "办公。"),
        ("一、标题\n  正文有丙；其后", "丙", "正文有", "；"),
        ("没有句号的丙", "丙", "没有句号的", ""),
        ("丙在句首，其后。", "丙", "", "在句首，其后。"),
        ("问：丙办公。答", "办公。", "问：丙", ""),  # a quote ending in a stop ends its sentence
        ("三、关于“丙”问题\n（一）整改", "丙", "三、关于“", "”问题"),
    ],
)
def test_context(text: str, quote: str, prefix: str, suffix: str) -> None:
    start = text.index(quote)
    assert Sentences(text).context(start, start + len(quote)) == (prefix, suffix)


def test_long_sentences_keep_the_words_next_to_the_quote() -> None:
    text = "甲" * 300 + "乙丙丁" + "戊" * 300 + "。"
    prefix, suffix = Sentences(text).context(301, 302, limit=40)
    assert prefix == "甲" * 39 + "乙" and suffix == "丁" + "戊" * 39


@given(st.text(alphabet="甲乙 。；\n!", max_size=40), st.data())
def test_context_is_next_to_the_quote_and_within_its_sentence(text: str, data) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    prefix, suffix = Sentences(text).context(start, end, limit=8)
    assert text[start - len(prefix) : start] == prefix and text[end : end + len(suffix)] == suffix
    assert len(prefix) <= 8 and len(suffix) <= 8
    assert not SENTENCE_END.search(prefix)
    assert not SENTENCE_END.search(suffix[:-1]) and "\n" not in suffix
