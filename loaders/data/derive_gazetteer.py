"""Derive `towns.tsv.xz` (towns and villages under their county code) from jionlp's location data.

jionlp (Apache-2.0, https://github.com/dongrixinyu/JioNLP) ships `dictionary/china_location.zip`,
a five-level list of China's divisions: province, city and county rows with their codes, then
towns (乡, 镇, 街道) and villages or communities (村, 社区) indented beneath their county. We keep
the two lower levels only, keyed by the six-digit county code, so the package itself (16 MB and its
dependencies) is not needed at run time.

usage: python -m loaders.data.derive_gazetteer JIONLP_WHEEL_OR_ZIP [OUT]
Each output line: county code, a tab, the town, a tab, its villages separated by spaces.
"""

from __future__ import annotations

import io
import lzma
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).with_name("towns.tsv.xz")


def _location_text(source: Path) -> str:
    with zipfile.ZipFile(source) as outer:
        names = outer.namelist()
        if "china_location.txt" in names:
            return outer.read("china_location.txt").decode("utf-8")
        inner = next(n for n in names if n.endswith("dictionary/china_location.zip"))
        with zipfile.ZipFile(io.BytesIO(outer.read(inner))) as zipped:
            return zipped.read("china_location.txt").decode("utf-8")


def derive(text: str) -> list[str]:
    lines: list[str] = []
    county = town = None
    villages: list[str] = []

    def flush() -> None:
        if county and town:
            lines.append(f"{county}\t{town}\t{' '.join(villages)}")

    for raw in text.splitlines():
        depth = len(raw) - len(raw.lstrip("\t"))
        fields = raw.strip().split("\t")
        if not fields[0]:
            continue
        if depth <= 2:
            flush()
            town, villages = None, []
            if depth == 2 and len(fields) == 3:
                county = fields[1][:6]
        elif depth == 3:
            flush()
            town, villages = fields[0], []
        elif depth == 4 and town:
            villages.append(fields[0].replace(" ", ""))
    flush()
    return lines


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[1]) if len(argv) > 1 else OUT
    lines = derive(_location_text(Path(argv[0])))
    out.write_bytes(lzma.compress("\n".join(lines).encode("utf-8"), preset=9 | lzma.PRESET_EXTREME))
    print(f"{len(lines)} towns written to {out} ({out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
