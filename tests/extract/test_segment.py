"""The private tokenizer: offsets, user dictionary, and jieba's global state left alone."""

from __future__ import annotations

import logging
from pathlib import Path

import jieba
import pytest

from noticekg.extract.segment import jieba_tokenize, tag_of, tokenize, tokenizer


@pytest.mark.parametrize(
    "text",
    [
        "根据省委统一部署,省委第三巡视组对省交通运输厅党组进行了常规巡视。",
        "Produced By 网站 2021-03-04 “最多跑一次”改革 《办法(试行)》",
        "",
        "  \n\n",
    ],
)
def test_tokens_cover_text_without_gaps(text: str) -> None:
    tokens = tokenize(text)
    assert "".join(token.word for token in tokens) == text
    for token in tokens:
        assert text[token.start : token.end] == token.word


@pytest.mark.parametrize(
    ("word", "tag"),
    [("巡察组", "nt"), ("管委会", "nt"), ("印发", "v"), ("孵化器", "n")],
)
def test_user_dictionary_words_are_tagged(word: str, tag: str) -> None:
    assert tag_of(word) == tag


@pytest.mark.parametrize(
    ("text", "word"),
    [("市委第二巡察组对县审计局开展巡察", "巡察组"), ("市委巡视组向厅党组反馈", "厅党组")],
)
def test_user_dictionary_words_stay_whole(text: str, word: str) -> None:
    assert word in [token.word for token in tokenize(text)]


def test_tokenizer_is_private_and_cached() -> None:
    tokenize("市委第二巡察组")
    assert tokenizer() is tokenizer()
    assert tokenizer() is not jieba.dt
    assert "巡察组" not in jieba.dt.user_word_tag_tab


def _project_texts() -> list[str]:
    """The sample and development notices: the texts the fast backend must cut like jieba."""
    root = Path(__file__).resolve().parents[2]
    paths = [root / "src/noticekg/samples/wzkjc-xuncha-zhenggai.txt"]
    paths += sorted((root / "tests/data/dev").glob("*.txt"))
    return [path.read_text(encoding="utf-8") for path in paths]


@pytest.mark.parametrize(
    "text",
    [
        *_project_texts(),
        "索引号:LDKJ-2024-000186 邮箱:abc_def@126.com 电话:0577-88019695",
        "完成2.6万项、占30%,技术成果转化(2019-2021年)",
        "5G基站和A33地块,Produced By 网站",
    ],
)
def test_fast_backend_cuts_like_jieba(text: str) -> None:
    assert [tuple(t) for t in tokenize(text)] == [tuple(t) for t in jieba_tokenize(text)]


def test_building_the_tokenizer_prints_nothing(capfd: pytest.CaptureFixture[str]) -> None:
    level = jieba.default_logger.level
    tokenizer.cache_clear()
    tokenizer().tokenize("巡察")
    captured = capfd.readouterr()
    assert "prefix dict" not in captured.err
    assert jieba.default_logger.level == level
    assert logging.getLogger("jieba") is jieba.default_logger
