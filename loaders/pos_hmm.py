"""jieba.posseg's tagger, faster with exactly its words and tags.

The HMM over runs of characters no dictionary word covers: jieba tries every held state for every
state the next character can take, though few pairs have a transition; here each held state meets
only the states it can move to (a set intersection), adding the same three numbers in the same
order and breaking ties the same way (the larger state wins), with jieba's own step where no state
of the character is reachable. It keeps no plan per text (only each character's states), so new
text is as fast as text seen before; the tags of whole unknown runs are kept for the process.
The word route comes from `loaders/word_route.py` (C++) when it is there, else from jieba.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import jieba.posseg
from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P

if TYPE_CHECKING:
    from loaders.word_route import WordRoutes

MIN_FLOAT = -3.14e100
MIN_INF = float("-inf")

State = tuple[str, str]
WordTag = tuple[str, str]
# jieba.posseg's own patterns, so the splitting is exactly its own.
RE_HAN_INTERNAL = jieba.posseg.re_han_internal
RE_SKIP_INTERNAL = jieba.posseg.re_skip_internal
RE_NUM = jieba.posseg.re_num
RE_ENG = jieba.posseg.re_eng


# The states each state can move to, as sets: a step intersects them with the next character's.
_NEXT: dict[State, frozenset[State]] = {y0: frozenset(out) for y0, out in trans_P.items()}


@lru_cache(maxsize=1 << 14)
def _candidates(char: str) -> tuple[frozenset[State], dict[State, float]]:
    """The states `char` can take (jieba's `char_state_tab_P`, else all), with their emissions."""
    states = char_state_tab_P.get(char, trans_P.keys())
    return frozenset(states), {y: emit_P[y].get(char, MIN_FLOAT) for y in states}


def viterbi(obs: str) -> tuple[float, list[State]]:
    """The most likely states of `obs`, as jieba.posseg.viterbi.viterbi returns them.

    jieba compares, for each state the next character can take (about thirty), every held state
    (about twenty), though few pairs have a transition. Here each held state meets only the states
    it can move to that the character can take (a set intersection), so a step costs the pairs that
    exist; nothing is cached per text, so new text is as fast as text seen before."""
    all_states = trans_P.keys()
    first = obs[0]
    column: dict[State, float] = {}
    paths: list[dict[State, Any]] = [{}]
    for y in char_state_tab_P.get(first, all_states):
        column[y] = start_P[y] + emit_P[y].get(first, MIN_FLOAT)
        paths[0][y] = ""
    for t in range(1, len(obs)):
        states, emits = _candidates(obs[t])
        new_column: dict[State, float] = {}
        back: dict[State, State] = {}
        for y0, value in column.items():
            out = trans_P[y0]
            for y in _NEXT[y0] & states:
                candidate = value + out[y] + emits[y]
                known = new_column.get(y)
                # jieba takes the largest (probability, previous state): on a tie the larger state.
                if known is None or candidate > known or (candidate == known and y0 > back[y]):
                    new_column[y] = candidate
                    back[y] = y0
        if not new_column:
            # No state of the character follows a held one: jieba then tries every reachable state.
            new_column, back = _step_all(column, obs[t])
        elif MIN_INF in new_column.values():
            # Every path into a state is -inf: jieba's max then picks the largest held state of all.
            for y, prob in new_column.items():
                if prob == MIN_INF:
                    held = [y0 for y0 in column if trans_P[y0]]
                    best = max((column[y0] + trans_P[y0].get(y, MIN_INF) + emits[y], y0) for y0 in held)
                    new_column[y], back[y] = best
        column = new_column
        paths.append(back)
    prob, state = max((column[y], y) for y in paths[-1])
    route: list[State] = [("", "")] * len(obs)
    for i in range(len(obs) - 1, -1, -1):
        route[i] = state
        state = paths[i][state]
    return prob, route


def _step_all(column: dict[State, float], char: str) -> tuple[dict[State, float], dict[State, State]]:
    """jieba's step when no state of the character follows a held one (rare characters): every
    state a held one can move to, each from the best held state."""
    prev_states = [x for x in column if trans_P[x]]
    obs_states = {y for x in prev_states for y in trans_P[x]} or set(trans_P.keys())
    new_column: dict[State, float] = {}
    back: dict[State, State] = {}
    for y in obs_states:
        emit = emit_P[y].get(char, MIN_FLOAT)
        best = max((column[y0] + trans_P[y0].get(y, MIN_INF) + emit, y0) for y0 in prev_states)
        new_column[y] = best[0]
        back[y] = best[1]
    return new_column, back


def forget_seen_characters() -> None:
    """Empty the per-character cache (a benchmark's cold start: text this process has not seen)."""
    _candidates.cache_clear()


class FastPOSTokenizer(jieba.posseg.POSTokenizer):
    """jieba's POSTokenizer with the faster search for runs of characters no dictionary word covers."""

    # jieba calls this name-mangled private method for each run of Chinese characters it tags by HMM.
    def _POSTokenizer__cut(self, sentence: str) -> Iterator[jieba.posseg.pair]:  # noqa: N802
        _, pos_list = viterbi(sentence)
        begin, nexti = 0, 0
        pair = jieba.posseg.pair
        for i, char in enumerate(sentence):
            pos = pos_list[i][0]
            if pos == "B":
                begin = i
            elif pos == "E":
                yield pair(sentence[begin : i + 1], pos_list[i][1])
                nexti = i + 1
            elif pos == "S":
                yield pair(char, pos_list[i][1])
                nexti = i + 1
        if nexti < len(sentence):
            yield pair(sentence[nexti:], pos_list[nexti][1])

    def __init__(self, tokenizer: jieba.Tokenizer, routes: WordRoutes | None = None) -> None:
        super().__init__(tokenizer)
        self.routes = routes  # jieba's routes computed in C++, when jieba-fast-dat is there
        # The tags of a run of characters no dictionary word covers, kept for the process: such runs
        # (names, numbers with their measure words) recur across reports, and each costs an HMM search.
        self._run_tags = lru_cache(maxsize=1 << 16)(self._tag_run)

    def _tag_run(self, run: str) -> tuple[WordTag, ...]:
        return tuple((p.word, p.flag) for p in self._POSTokenizer__cut_detail(run))  # type: ignore[attr-defined]

    def word_tags(self, sentence: str) -> list[WordTag]:
        """(word, tag) of `sentence`, exactly as `cut(sentence)` (jieba's __cut_internal with HMM)
        gives them, without its layers of generators and pair objects."""
        if self.routes is None:
            return [(p.word, p.flag) for p in self.cut(sentence)]
        self.makesure_userdict_loaded()
        out: list[WordTag] = []
        # split() with one group alternates the text between runs (even) and runs (odd).
        for i, block in enumerate(RE_HAN_INTERNAL.split(sentence)):
            if i % 2:
                self._dag_tags(block, out)
                continue
            for x in RE_SKIP_INTERNAL.split(block):
                if RE_SKIP_INTERNAL.match(x):
                    out.append((x, "x"))
                    continue
                for char in x:  # jieba tests the whole piece for eng, each character for m
                    out.append((char, "m" if RE_NUM.match(char) else "eng" if RE_ENG.match(x) else "x"))
        return out

    # jieba's __cut_DAG, with the route from `routes` when there are routes: the same words, the same
    # buffering of single characters into runs, the same tags.
    def _POSTokenizer__cut_DAG(self, sentence: str) -> Iterator[jieba.posseg.pair]:  # noqa: N802
        if self.routes is None:
            yield from super()._POSTokenizer__cut_DAG(sentence)  # type: ignore[misc]
            return
        out: list[WordTag] = []
        self._dag_tags(sentence, out)
        for word, tag in out:
            yield jieba.posseg.pair(word, tag)

    def _dag_tags(self, sentence: str, out: list[WordTag]) -> None:
        assert self.routes is not None
        last = self.routes.last_indexes(sentence)
        tags = self.word_tag_tab
        x, n, buf = 0, len(sentence), ""
        while x < n:
            y = last[x] + 1
            if y - x == 1:
                buf += sentence[x]
            else:
                if buf:
                    self._single_characters(buf, out)
                    buf = ""
                word = sentence[x:y]
                out.append((word, tags.get(word, "x")))
            x = y
        if buf:
            self._single_characters(buf, out)

    def _single_characters(self, buf: str, out: list[WordTag]) -> None:
        """A run of one-character words, as jieba tags it: alone by the dictionary, unknown as a
        whole by the HMM, a dictionary word (split by the route) character by character."""
        tags = self.word_tag_tab
        if len(buf) == 1:
            out.append((buf, tags.get(buf, "x")))
        elif not self.tokenizer.FREQ.get(buf):
            out.extend(self._run_tags(buf))
        else:
            out.extend((char, tags.get(char, "x")) for char in buf)
