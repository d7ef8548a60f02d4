"""Word segmentation with a private jieba tokenizer.

The tokenizer is built once, on first use, with the project's user dictionary. It is never
jieba's global one, so importing noticekg leaves other users of jieba in the process untouched.
Part-of-speech tags come from a dictionary lookup instead of ``jieba.posseg`` cutting: the same
tags for dictionary words at the speed of plain ``tokenize``.
"""

from __future__ import annotations

import io
import threading
from typing import NamedTuple

import jieba
import jieba.posseg

from noticekg.extract.lexicon import user_dict_text

OOV_TAG = "x"
"""Tag of a word the dictionary does not know (a name found by jieba's HMM, or punctuation)."""

_LOCK = threading.Lock()
_STATE: list[tuple[jieba.Tokenizer, dict[str, str]]] = []
"""The tokenizer and its tag table, built once by the first caller."""


class Token(NamedTuple):
    """One word: ``text[start:end] == word``; ``tag`` is its dictionary part of speech.
    A named tuple, as thousands are made per notice."""

    word: str
    start: int
    end: int
    tag: str


def _tokenizer() -> tuple[jieba.Tokenizer, dict[str, str]]:
    if not _STATE:
        with _LOCK:
            if not _STATE:
                tokenizer = jieba.Tokenizer()
                tokenizer.initialize()
                tokenizer.load_userdict(io.StringIO(user_dict_text()))
                tags = dict(jieba.posseg.POSTokenizer(tokenizer).word_tag_tab)
                tags.update(tokenizer.user_word_tag_tab)
                _STATE.append((tokenizer, tags))
    return _STATE[0]


def tokenizer() -> jieba.Tokenizer:
    """The private tokenizer loaded with the user dictionary (built on first call)."""
    return _tokenizer()[0]


def tag_of(word: str) -> str:
    """The dictionary tag of ``word``, or :data:`OOV_TAG`."""
    return _tokenizer()[1].get(word, OOV_TAG)


def tokenize(text: str) -> tuple[Token, ...]:
    """Words of ``text`` with offsets and tags, covering it without gaps."""
    tok, tags = _tokenizer()
    return tuple(
        Token(word, start, end, tags.get(word, OOV_TAG)) for word, start, end in tok.tokenize(text)
    )
