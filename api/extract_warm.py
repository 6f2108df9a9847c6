"""Imported once by the extraction fork server: loads the pipeline and jieba's dictionaries so
every forked extraction starts warm (a cold start costs seconds per document), and cn2an, which
loaders/figures.py imports at the first Chinese numeral (0.2-0.3 s, once per worker otherwise)."""

import cn2an  # noqa: F401

from loaders.pipeline import extract_document

extract_document("warm.txt", "南昌市卫生健康委员会推进紧密型县域医共体建设。")
