"""jieba's word route (the most probable split of a run of text by the dictionary), computed in C++.

jieba.posseg spends most of a sentence's time building the DAG of dictionary words and choosing the
route through it in Python. jieba-fast-dat computes the same route over a double-array trie built
from the same dictionary file and the same added words, with the same arithmetic and tie-break
(tests/loaders/test_word_route.py compares the two on the sample reports). Only the route is taken
from it: its own part-of-speech path differs from jieba's (it drops characters before some words),
so tags and the HMM over unknown runs stay jieba's. Without the package (a platform with no wheel)
the tokenizer keeps jieba's own Python route, with the same words.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

UserWord = tuple[str, int, str]


class WordRoutes:
    """Routes over jieba's main dictionary plus the added words, as jieba's Tokenizer would choose."""

    def __init__(self, dictionary_path: str, user_words: Iterable[UserWord], total: int) -> None:
        from jieba_fast_dat._jieba_fast_dat_functions_py3 import (
            DatTrie,
            _get_DAG_and_calc,
            load_main_dict_from_path_pybind,
        )

        # Built from the file directly: the package's own cache file in /tmp is written non-atomically,
        # which worker processes starting together could read half-written.
        self.trie = DatTrie()
        load_main_dict_from_path_pybind(self.trie, dictionary_path, {})
        for word, freq, tag in user_words:
            self.trie.add_word(word, freq, tag)
        # jieba's own total, the denominator of every word's probability: the trie's count differs
        # (jieba counts a word listed twice in its dictionary twice).
        self.total = total
        self._total = float(total)
        self._route = _get_DAG_and_calc

    def last_indexes(self, block: str) -> list[int]:
        """For each offset of `block`, the offset of the last character of the word starting there
        (jieba's `route[x][1]`)."""
        route: list[int] = []
        self._route(self.trie, block, route, self._total)
        return route


def word_routes(dictionary_path: str, user_words: Iterable[UserWord], total: int) -> WordRoutes | None:
    """The C++ routes, or None when jieba-fast-dat is not installed or HEALTHKG_PURE_JIEBA is set."""
    if os.environ.get("HEALTHKG_PURE_JIEBA"):
        return None
    try:
        import jieba_fast_dat._jieba_fast_dat_functions_py3  # noqa: F401
    except ImportError:
        return None
    return WordRoutes(dictionary_path, user_words, total)
