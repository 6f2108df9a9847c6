"""Neo4j 5 through the official driver: managed transactions with the driver's retries."""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

import neo4j
from neo4j.exceptions import ClientError, Neo4jError, ServiceUnavailable

from graph.backend import GraphBackend, GraphError, QueryRejected, Row
from graph.queries import QueryCatalog


def _plain(value: Any) -> Any:
    if isinstance(value, neo4j.graph.Node):
        return dict(value.items())
    if isinstance(value, neo4j.graph.Relationship):
        return {"type": value.type, **dict(value.items())}
    if isinstance(value, neo4j.graph.Path):
        return {"nodes": [_plain(n) for n in value.nodes], "edges": [_plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def parse_neo4j_url(url: str) -> tuple[str, tuple[str, str] | None, str | None]:
    """`neo4j://user:pass@host:7687/db` to (driver URI, auth, database).

    Credentials come from the URL or else NEO4J_USER / NEO4J_PASSWORD; the path names the database.
    """
    parts = urlsplit(url)
    user = unquote(parts.username) if parts.username else os.environ.get("NEO4J_USER", "neo4j")
    password = unquote(parts.password) if parts.password else os.environ.get("NEO4J_PASSWORD")
    netloc = f"{parts.hostname or 'localhost'}:{parts.port or 7687}"
    uri = urlunsplit((parts.scheme, netloc, "", parts.query, ""))
    return uri, ((user, password) if password else None), (parts.path.strip("/") or None)


class Neo4jBackend(GraphBackend):
    name = "neo4j"

    def __init__(
        self,
        uri: str,
        auth: tuple[str, str] | None,
        database: str | None = None,
        max_pool_size: int | None = None,
    ) -> None:
        self.catalog = QueryCatalog("neo4j")
        self.database = database
        # One pool shared by all request threads of a uvicorn worker; sized from env for busy servers.
        pool = max_pool_size or int(os.environ.get("HEALTHKG_NEO4J_POOL_SIZE", "50"))
        try:
            self._driver = neo4j.GraphDatabase.driver(uri, auth=auth, max_connection_pool_size=pool)
            self._driver.verify_connectivity()
        except (Neo4jError, ServiceUnavailable, OSError, ValueError) as exc:
            raise GraphError(f"cannot reach Neo4j at {uri}: {exc}") from exc

    @classmethod
    def from_url(cls, url: str, database: str | None = None) -> Neo4jBackend:
        uri, auth, url_database = parse_neo4j_url(url)
        return cls(uri, auth, database or url_database)

    def execute(
        self, text: str, params: dict[str, Any], read_only: bool, timeout_ms: int | None = None
    ) -> list[Row]:
        query = neo4j.Query(text, timeout=timeout_ms / 1000 if timeout_ms else None)

        def work(tx: neo4j.ManagedTransaction) -> list[Row]:
            return [{k: _plain(v) for k, v in record.items()} for record in tx.run(query, params)]

        try:
            with self._driver.session(database=self.database) as session:
                if read_only:
                    return session.execute_read(work)
                return session.execute_write(work)
        except ClientError as exc:
            raise QueryRejected(exc.message or str(exc)) from exc
        except (Neo4jError, ServiceUnavailable) as exc:
            raise GraphError(f"Neo4j failed: {exc}") from exc

    def ensure_index(self, query_name: str) -> None:
        # The Neo4j dialect files use IF NOT EXISTS, so a plain run is idempotent.
        self.run(query_name)

    def close(self) -> None:
        self._driver.close()
