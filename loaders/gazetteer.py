"""Towns (乡, 镇, 街道) and villages or communities (村, 社区) under their county.

The data is `data/towns.tsv.xz`, derived from the five-level location list that jionlp ships
(Apache-2.0; `python -m loaders.data.derive_gazetteer` rebuilds it): about 43,000 towns and
658,000 villages, each under its six-digit county code. The list is loaded on first use; village
names are looked up by scanning the town rows (a few lookups per document), which keeps the
658,000 names out of a dictionary.
"""

from __future__ import annotations

import importlib.resources
import lzma
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class TownRow:
    county: str  # six-digit code
    town: str
    villages: str  # space-separated, with a space at both ends for whole-name lookups


class Gazetteer:
    def __init__(self, rows: list[TownRow]) -> None:
        self.rows = rows
        self.by_town: dict[str, list[TownRow]] = defaultdict(list)
        for row in rows:
            self.by_town[row.town].append(row)

    def town_counties(self, name: str) -> list[str]:
        """The county codes that have a town of this name."""
        return [row.county for row in self.by_town.get(name, ())]

    def village_towns(self, name: str, counties: set[str] | None = None) -> list[TownRow]:
        """The towns (with their county) that have a village of this name, within `counties` if given."""
        key = f" {name} "
        return [
            row for row in self.rows if (counties is None or row.county in counties) and key in row.villages
        ]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    raw = (importlib.resources.files("loaders") / "data" / "towns.tsv.xz").read_bytes()
    rows = []
    for line in lzma.decompress(raw).decode("utf-8").splitlines():
        county, town, villages = line.split("\t")
        rows.append(TownRow(county, town, f" {villages} "))
    return Gazetteer(rows)
