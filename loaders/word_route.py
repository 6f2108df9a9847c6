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

import hashlib
import importlib.metadata
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

UserWord = tuple[str, int, str]


class WordRoutes:
    """Routes over jieba's main dictionary plus the added words, as jieba's Tokenizer would choose."""

    def __init__(self, dictionary_path: str, user_words: Iterable[UserWord], total: int) -> None:
        from jieba_fast_dat._jieba_fast_dat_functions_py3 import _get_DAG_and_calc

        self.trie = _load_or_build(dictionary_path, list(user_words))
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


def _load_or_build(dictionary_path: str, user_words: list[UserWord]) -> Any:
    """The trie of the dictionary and the added words, from a file this machine saved before when
    there is one (3 ms instead of 0.5-1 s per process). The package's own cache file is written in
    place, which worker processes starting together could read half-written; this one is written
    aside and renamed, and named by a digest of everything the trie is built from."""
    from jieba_fast_dat._jieba_fast_dat_functions_py3 import DatTrie, load_main_dict_from_path_pybind

    stat = os.stat(dictionary_path)
    made_by = importlib.metadata.version("jieba-fast-dat")
    built_from = (made_by, dictionary_path, stat.st_size, stat.st_mtime_ns, user_words)
    key = hashlib.sha256(repr(built_from).encode()).hexdigest()
    cached = Path(tempfile.gettempdir()) / f"healthkg-word-route-{key[:24]}.dat"
    trie = DatTrie()
    if cached.is_file() and trie.load_all(str(cached)) == 0:
        return trie
    trie = DatTrie()
    load_main_dict_from_path_pybind(trie, dictionary_path, {})
    for word, freq, tag in user_words:
        trie.add_word(word, freq, tag)
    partial = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
    try:
        trie.save_all(str(partial))
        os.replace(partial, cached)
    except (OSError, RuntimeError):
        partial.unlink(missing_ok=True)  # a read-only temp dir: built again next time
    return trie


def word_routes(dictionary_path: str, user_words: Iterable[UserWord], total: int) -> WordRoutes | None:
    """The C++ routes, or None when jieba-fast-dat is not installed or HEALTHKG_PURE_JIEBA is set."""
    if os.environ.get("HEALTHKG_PURE_JIEBA"):
        return None
    try:  # the functions used, by name: another version without them keeps jieba's own route
        from jieba_fast_dat._jieba_fast_dat_functions_py3 import (  # noqa: F401
            DatTrie,
            _get_DAG_and_calc,
            load_main_dict_from_path_pybind,
        )
    except ImportError:
        return None
    return WordRoutes(dictionary_path, user_words, total)
