"""Word segmentation with a private tokenizer: jieba's words, at the speed of jieba-rs.

The words are those of a private ``jieba.Tokenizer`` loaded with the project's user dictionary.
When ``rjieba`` (jieba-rs) is installed it produces them instead, about ten times faster, made
equal to jieba's by two adjustments: jieba counts the frequency of a word the user dictionary
overrides twice in its total (jieba-rs replaces it), so a padding word restores jieba's total;
and jieba cuts runs of letters, digits and symbols at every symbol (2024-01-05 → 2024 - 01 - 05),
which :func:`_split_symbols` repeats. Without rjieba the jieba tokenizer itself is used.

Neither is jieba's global tokenizer, so importing noticekg leaves other users of jieba in the
process untouched, and nothing is printed: jieba's own logger is quietened only while the private
tokenizer is built. Part-of-speech tags come from a dictionary lookup: the same tags for
dictionary words at the speed of plain ``tokenize``.
"""

from __future__ import annotations

import io
import logging
import re
import threading
from collections.abc import Callable, Iterable
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, NamedTuple

from noticekg.extract.lexicon import user_dict_text

# jieba is imported by the functions that use it: with pkg_resources it takes 0.2 s that
# commands reading no notice text should not wait for.
if TYPE_CHECKING:
    import jieba

OOV_TAG = "x"
"""Tag of a word the dictionary does not know (a name found by jieba's HMM, or punctuation)."""

HAN = re.compile(r"[\u4e00-\u9fd5]")
"""A Han character as jieba counts them: a word holding one is never re-split."""

SYMBOL_RUN = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
"""jieba's own rule for a run of letters and digits (its ``re_skip``): 2.6 and 30% stay whole,
every other symbol between them is a word of its own."""

GLUED = re.compile(r"^([委局办厅日])([对等在向将把被为于与和及])$")
"""An unknown two-character word that is a body's one-character tail glued to the function word
after it (区农业农村委对…, 区卫生健康委等…), or a date's 日 glued to the preposition that opens
the next name (6月10日向局党组): jieba's HMM joins them, so the names lose a character."""

LEADING_FUNCTION = re.compile(r"^([对在向与和及从将把为])([\u4e00-\u9fff]{2,})$")
"""An unknown word of three or more characters opening with a preposition (对大栗/园村党支部):
jieba's HMM glued the preposition to the first characters of an unknown name."""

SPLIT_OPENERS = frozenset("委局办厅日对在向与和及从将把为")
"""First characters of the words :data:`GLUED` and :data:`LEADING_FUNCTION` split: a cheap test
before either pattern runs, as this loop sees every word."""

PADDING_WORD = "\ue000\ue001"
"""A private-use word no text contains, whose frequency carries jieba's double-counted total."""

_LOCK = threading.Lock()
_STATE: list[tuple[Callable[[str], Iterable[tuple[str, int, int]]], dict[str, str]]] = []
"""The word cutter and its tag table, built once by the first caller."""


class Token(NamedTuple):
    """One word: ``text[start:end] == word``; ``tag`` is its dictionary part of speech.
    A named tuple, as thousands are made per notice."""

    word: str
    start: int
    end: int
    tag: str


def _user_rows() -> list[tuple[str, int | None, str | None]]:
    rows = []
    for line in user_dict_text().splitlines():
        parts = line.split()
        if parts:
            freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
            rows.append((parts[0], freq, parts[-1] if len(parts) > 2 else None))
    return rows


def _dictionary_tags() -> dict[str, tuple[int, str]]:
    """jieba's main dictionary as word → (frequency, tag), read from the installed package."""
    import jieba

    raw = files(jieba).joinpath("dict.txt").read_text(encoding="utf-8")
    table = {}
    for line in raw.splitlines():
        parts = line.split(" ")
        if len(parts) == 3:
            table[parts[0]] = (int(parts[1]), parts[2])
    return table


@cache
def tokenizer() -> jieba.Tokenizer:
    """The private jieba tokenizer with the user dictionary, built on first call, quietly."""
    import jieba

    logger = jieba.default_logger
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        tok = jieba.Tokenizer()
        tok.initialize()
        tok.load_userdict(io.StringIO(user_dict_text()))
    finally:
        logger.setLevel(level)
    return tok


def _split_symbols(
    pieces: Iterable[tuple[str, int, int]],
) -> Iterable[tuple[str, int, int]]:
    """jieba-rs words with jieba's cuts inside runs of symbols (126.com → 126 . com)."""
    for word, start, end in pieces:
        if len(word) == 1 or HAN.search(word):
            yield word, start, end
            continue
        position = start
        for part in SYMBOL_RUN.split(word):
            if part:
                yield part, position, position + len(part)
                position += len(part)


def _rust_cutter(
    rows: list[tuple[str, int | None, str | None]], dictionary: dict[str, tuple[int, str]]
) -> Callable[[str], Iterable[tuple[str, int, int]]] | None:
    try:
        import rjieba
    except ImportError:
        return None
    engine = rjieba.Jieba()
    overridden = 0
    for word, freq, tag in rows:
        if word in dictionary:
            overridden += dictionary[word][0]
        engine.add_word(word, freq, tag)
    if overridden:
        engine.add_word(PADDING_WORD, overridden, OOV_TAG)
    return lambda text: _split_symbols(engine.tokenize(text))


def _state() -> tuple[Callable[[str], Iterable[tuple[str, int, int]]], dict[str, str]]:
    if not _STATE:
        with _LOCK:
            if not _STATE:
                rows = _user_rows()
                dictionary = _dictionary_tags()
                tags = {word: tag for word, (_, tag) in dictionary.items()}
                tags.update((word, tag) for word, _, tag in rows if tag is not None)
                cutter = _rust_cutter(rows, dictionary)
                if cutter is None:
                    cutter = tokenizer().tokenize
                _STATE.append((cutter, tags))
    return _STATE[0]


def tag_of(word: str) -> str:
    """The dictionary tag of ``word``, or :data:`OOV_TAG`."""
    return _state()[1].get(word, OOV_TAG)


def tokenize(text: str) -> tuple[Token, ...]:
    """Words of ``text`` with offsets and tags, covering it without gaps."""
    cut, tags = _state()
    return _tagged(cut(text), tags)


def jieba_tokenize(text: str) -> tuple[Token, ...]:
    """The same words cut by the private jieba tokenizer alone: the reference rjieba must match."""
    return _tagged(tokenizer().tokenize(text), _state()[1])


def _tagged(pieces: Iterable[tuple[str, int, int]], tags: dict[str, str]) -> tuple[Token, ...]:
    """Tokens of ``pieces`` with their dictionary tags, glued tails cut off (see :data:`GLUED`)."""
    get = tags.get
    tokens = []
    for word, start, end in pieces:
        tag = get(word, OOV_TAG)
        if (
            tag == OOV_TAG
            and word[0] in SPLIT_OPENERS
            and ((len(word) == 2 and GLUED.match(word)) or LEADING_FUNCTION.match(word))
        ):
            tokens.append(Token(word[0], start, start + 1, get(word[0], OOV_TAG)))
            tokens.append(Token(word[1:], start + 1, end, get(word[1:], OOV_TAG)))
        else:
            tokens.append(Token(word, start, end, tag))
    return tuple(tokens)
