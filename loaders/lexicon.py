"""The private jieba tokenizer, built once with the division names and domain words.

jieba's module-level tokenizer is shared by every importer; a private `Tokenizer` keeps our
user words from leaking into (or being changed by) other code. Nothing is loaded at import.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import jieba.posseg


def words(text: str) -> tuple[str, ...]:
    """The words of a space-separated word list (how the modules write their vocabularies)."""
    return tuple(text.split())


def longest_first(text: str) -> tuple[str, ...]:
    """A word list ordered longest first, so prefix and alternation matches prefer 达到了 over 达到."""
    return tuple(sorted(words(text), key=len, reverse=True))


def by_last_char(word_list: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The words grouped by their last character, each group in the list's order: only the words
    ending in a text's last character can end it, so the first of them a text ends with is the
    first of the whole list it ends with."""
    groups: dict[str, list[str]] = {}
    for w in word_list:
        groups.setdefault(w[-1], []).append(w)
    return {last: tuple(group) for last, group in groups.items()}


class WordScanner:
    """Where the words of a list occur in a text, found in one automaton pass instead of a test
    per word: for each word found, in the list's order, its occurrences left to right and not
    overlapping, as `re.finditer(re.escape(word), text)` gives them, with no pattern built per word."""

    def __init__(self, word_list: Iterable[str]) -> None:
        import ahocorasick

        self.order = {word: rank for rank, word in enumerate(dict.fromkeys(word_list))}
        self._automaton = ahocorasick.Automaton()
        for word in self.order:
            self._automaton.add_word(word, word)
        self._automaton.make_automaton()

    def scan(self, text: str) -> list[tuple[str, list[tuple[int, int]]]]:
        starts: dict[str, list[int]] = {}
        for last, word in self._automaton.iter(text):
            starts.setdefault(word, []).append(last + 1 - len(word))
        out = []
        for word in sorted(starts, key=self.order.__getitem__):
            spans: list[tuple[int, int]] = []
            for start in sorted(starts[word]):
                if not spans or start >= spans[-1][1]:  # not overlapping the one before, as find gives
                    spans.append((start, start + len(word)))
            out.append((word, spans))
        return out


def word_pairs(text: str) -> dict[str, str]:
    """A space-separated list of `word:meaning` pairs as a dict, in the order written."""
    return dict(pair.split(":", 1) for pair in text.split())


# Multi-word proper nouns that contain a place name but are not that place.
PROPER_NOUNS_WITH_PLACE_NAMES = ("上海合作组织", "上合组织", "中山大学", "中南大学", "北京协和医学院")
DOMAIN_WORDS = words(
    "卫健委 卫生健康委 疾控中心 医共体 医联体 医疗集团 卫生院 社区卫生服务中心 妇幼保健院 中医院 中医医院 "
    "医保局 专项行动 三年行动 行动计划"
)
USER_WORD_FREQ = 200000
COUNTY_WORD_FREQ = 300


class Token(NamedTuple):  # a named tuple: built for every word of every sentence, 3x faster than a dataclass
    word: str
    flag: str
    start: int
    end: int


def _user_words() -> list[tuple[str, int, str]]:
    """The words added to jieba's dictionary, with their frequency and tag, in the order added."""
    from loaders.regions import division_index

    index = division_index()
    out = []
    for name in index.token_words():
        # County names get a modest weight so that a rare name (大社区) does not split common
        # words (加大社区…); provinces and cities are frequent enough to win.
        levels = {d.level for d in index.candidates(name)}
        out.append((name, USER_WORD_FREQ if levels & {"province", "city"} else COUNTY_WORD_FREQ, "ns"))
    out += [(word, USER_WORD_FREQ * 2, "nt") for word in PROPER_NOUNS_WITH_PLACE_NAMES]
    out += [(word, USER_WORD_FREQ, "n") for word in DOMAIN_WORDS]
    return out


@lru_cache(maxsize=1)
def _pos_tokenizer() -> jieba.posseg.POSTokenizer:
    import jieba
    import jieba.posseg

    from loaders.pos_hmm import FastPOSTokenizer
    from loaders.word_route import word_routes

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    user_words = _user_words()
    for word, freq, tag in user_words:
        tokenizer.add_word(word, freq, tag)
    with tokenizer.get_dict_file() as dictionary:  # the file jieba read, for the C++ routes to read
        routes = word_routes(dictionary.name, user_words, tokenizer.total)
    return FastPOSTokenizer(tokenizer, routes)


# The texts one document run has tokenized (its sentences, then the names and phrases recognizers
# ask about again): a run's own, never shared between runs, so memory ends with the document.
_RUN_TOKENS: ContextVar[dict[str, tuple[Token, ...]] | None] = ContextVar("run_tokens", default=None)


@contextmanager
def token_cache() -> Iterator[dict[str, tuple[Token, ...]]]:
    """Within the block a text is tokenized once: a sentence's words are computed a single time
    however many recognizers ask for them."""
    cache: dict[str, tuple[Token, ...]] = {}
    token = _RUN_TOKENS.set(cache)
    try:
        yield cache
    finally:
        _RUN_TOKENS.reset(token)


def tokenize(text: str) -> list[Token]:
    """Words of `text` with their part of speech and offsets in `text`."""
    cache = _RUN_TOKENS.get()
    if cache is None:
        return _tokenize(text)
    known = cache.get(text)
    if known is None:
        known = cache[text] = tuple(_tokenize(text))
    return list(known)  # a fresh list: a caller may change its own


def _tokenize(text: str) -> list[Token]:
    out: list[Token] = []
    pos = 0
    for word, flag in _pos_tokenizer().word_tags(text):
        end = pos + len(word)
        out.append(Token(word, flag, pos, end))
        pos = end
    return out


def token_boundaries(tokens: list[Token]) -> tuple[frozenset[int], frozenset[int]]:
    """Offsets where a token starts and where one ends."""
    return frozenset(t.start for t in tokens), frozenset(t.end for t in tokens)


def word_tag(word: str) -> str | None:
    """The dictionary part of speech of `word`, or None when jieba does not know it as a word."""
    pos = _pos_tokenizer()
    pos.makesure_userdict_loaded()
    if not pos.tokenizer.FREQ.get(word):
        return None
    return pos.word_tag_tab.get(word, "x")


def contains_common_word(text: str) -> bool:
    """Whether a known common word (noun, verb, adjective…) of two or more characters is inside `text`."""
    for size in range(2, len(text) + 1):
        for i in range(len(text) - size + 1):
            tag = word_tag(text[i : i + size])
            if tag and tag not in ("ns", "nr", "nz", "nrt", "nt", "nrfg"):
                return True
    return False


def forget_seen_text() -> None:
    """Empty the tokenizer's process-wide caches (the tags of unknown runs, the states of
    characters): a benchmark's cold start, as for text this process has never seen."""
    from loaders.pos_hmm import forget_seen_characters

    if _pos_tokenizer.cache_info().currsize:
        _pos_tokenizer()._run_tags.cache_clear()
    forget_seen_characters()
