"""The faster part-of-speech search gives exactly jieba.posseg's tags."""

import random
from pathlib import Path

import jieba
import jieba.posseg
from jieba.posseg.viterbi import viterbi as jieba_viterbi

from loaders.pos_hmm import FastPOSTokenizer, viterbi

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"


def _jieba_viterbi(text: str):
    return jieba_viterbi(
        text, jieba.posseg.char_state_tab_P, jieba.posseg.start_P, jieba.posseg.trans_P, jieba.posseg.emit_P
    )


def test_viterbi_matches_jieba_on_report_runs_and_random_characters():
    rng = random.Random(13)
    texts = ["南昌县人民医院", "推进紧密型县域医共体建设", "蔺家沟村卫生室", "哈", "乂乂乂", "血吸虫病防治站"]
    pool = "省市县区乡镇村医院卫生健康委员会推进建设一二三的了是在和与及乂亍丌兀丨"
    texts += ["".join(rng.choice(pool) for _ in range(rng.randint(1, 12))) for _ in range(300)]
    for text in texts:
        assert viterbi(text) == _jieba_viterbi(text), text


def test_tokenizer_tags_sample_reports_as_jieba_does():
    base = jieba.Tokenizer()
    stock = jieba.posseg.POSTokenizer(base)
    fast = FastPOSTokenizer(base)
    lines = [
        line
        for path in sorted(SAMPLES.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert len(lines) > 50
    for line in lines:
        assert [tuple(p) for p in fast.cut(line)] == [tuple(p) for p in stock.cut(line)]
