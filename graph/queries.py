"""Named Cypher queries loaded from `cypher/*.cypher` files.

A file holds one or more queries, each introduced by a `// name: <query_name>` line; the comment
lines right under the header document it. Engine-specific files in `cypher/<engine>/` override
shared queries of the same name, so the shared files stay in the subset both engines accept.
A `// timeout: query` line among a query's comments marks an expansion whose cost grows with the
graph: the backend runs it with the same timeout as the read-only `/api/query` endpoint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

CYPHER_DIR = Path(__file__).resolve().parent.parent / "cypher"
NAME_HEADER = re.compile(r"^//\s*name:\s*([a-z_][a-z0-9_]*)\s*$")
PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
TIMEOUT_DIRECTIVE = "timeout: query"
ENGINE_DIALECTS = ("falkordb", "neo4j")


class QueryFileError(ValueError):
    """A `.cypher` file is malformed (missing header, duplicate name, empty body)."""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str
    doc: str
    source: Path

    # Cached: both are asked on every read (the timeout and the `$incomplete` filter).
    @cached_property
    def timed(self) -> bool:
        """Runs under the query timeout (see the module doc)."""
        return TIMEOUT_DIRECTIVE in self.doc.splitlines()

    @cached_property
    def parameters(self) -> frozenset[str]:
        return frozenset(PARAMETER.findall(self.text))


def parse_query_file(path: Path) -> list[NamedQuery]:
    queries: list[NamedQuery] = []
    name: str | None = None
    doc_lines: list[str] = []
    body: list[str] = []

    def flush() -> None:
        if name is None:
            return
        text = "\n".join(body).strip()
        if not text:
            raise QueryFileError(f"{path}: query '{name}' has no body")
        queries.append(NamedQuery(name, text, "\n".join(doc_lines).strip(), path))

    for line in path.read_text(encoding="utf-8").splitlines():
        header = NAME_HEADER.match(line.strip())
        if header:
            flush()
            name, doc_lines, body = header.group(1), [], []
        elif name is None:
            if line.strip() and not line.strip().startswith("//"):
                raise QueryFileError(f"{path}: Cypher before the first '// name:' header")
        elif line.strip().startswith("//") and not body:
            doc_lines.append(line.strip().lstrip("/").strip())
        else:
            body.append(line)
    flush()
    return queries


def _load_dir(directory: Path) -> dict[str, NamedQuery]:
    found: dict[str, NamedQuery] = {}
    for path in sorted(directory.glob("*.cypher")):
        for query in parse_query_file(path):
            if query.name in found:
                raise QueryFileError(
                    f"query '{query.name}' defined twice: {found[query.name].source} and {path}"
                )
            found[query.name] = query
    return found


class QueryCatalog:
    """All queries for one engine: the shared files plus that engine's overrides."""

    def __init__(self, engine: str, directory: Path = CYPHER_DIR) -> None:
        if engine not in ENGINE_DIALECTS:
            raise ValueError(f"unknown engine dialect '{engine}', expected one of {ENGINE_DIALECTS}")
        self.engine = engine
        self._queries = _load_dir(directory)
        self._queries.update(_load_dir(directory / engine))

    def __getitem__(self, name: str) -> NamedQuery:
        try:
            return self._queries[name]
        except KeyError:
            raise KeyError(f"no Cypher query named '{name}' for engine {self.engine}") from None

    def __contains__(self, name: object) -> bool:
        return name in self._queries

    def names(self) -> list[str]:
        return sorted(self._queries)
