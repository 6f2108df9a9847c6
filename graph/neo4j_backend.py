"""Neo4j 5 through the official driver: managed transactions with the driver's retries."""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

import neo4j
from neo4j.exceptions import (
    AuthError,
    ClientError,
    DriverError,
    Forbidden,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from graph.backend import GraphBackend, GraphError, QueryRejected, Row
from graph.queries import QueryCatalog

# Neo4j status codes (Neo.<Classification>.<Category>.<Title>) whose category means "this query
# was refused" (bad syntax or parameters, a write in read mode, a timeout): the caller's fault,
# 400. Every other failure (security, missing database, cluster, transient after the driver's
# retries, lost connection) means the graph is not usable by us right now: 503.
REFUSED_QUERY_CATEGORIES = frozenset({"Statement", "Request", "Procedure", "Transaction"})
TIMED_OUT = "Query timed out"


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


def parse_neo4j_url(url: str, password: str | None = None) -> tuple[str, tuple[str, str] | None, str | None]:
    """`neo4j://user@host:7687/db` to (driver URI, auth, database).

    The password comes from the URL if it holds one, else `password` (GraphSettings reads it from
    NEO4J_PASSWORD, where characters such as `@` or `/` need no escaping), else NEO4J_PASSWORD;
    the user from the URL, else NEO4J_USER, else `neo4j`. The path names the database.
    """
    parts = urlsplit(url)
    user = unquote(parts.username) if parts.username else os.environ.get("NEO4J_USER", "neo4j")
    if parts.password:
        password = unquote(parts.password)
    password = password or os.environ.get("NEO4J_PASSWORD")
    netloc = f"{parts.hostname or 'localhost'}:{parts.port or 7687}"
    uri = urlunsplit((parts.scheme, netloc, "", parts.query, ""))
    return uri, ((user, password) if password else None), (parts.path.strip("/") or None)


def _refused(exc: Neo4jError) -> bool:
    if isinstance(exc, AuthError | Forbidden) or not isinstance(exc, ClientError):
        return False
    parts = (exc.code or "").split(".")
    return len(parts) == 4 and parts[2] in REFUSED_QUERY_CATEGORIES


def driver_error(exc: Exception, where: str) -> GraphError:
    """The GraphError (503) or QueryRejected (400) a driver exception stands for."""
    if isinstance(exc, Neo4jError) and _refused(exc):
        if "TimedOut" in (exc.code or ""):
            # Same words as FalkorDB's, so the API's answer does not depend on the engine.
            return QueryRejected(TIMED_OUT)
        return QueryRejected(exc.message or str(exc))
    if isinstance(exc, AuthError | Forbidden):
        return GraphError(f"Neo4j at {where} refused our credentials: {exc.message or exc}")
    if isinstance(exc, ServiceUnavailable | SessionExpired):
        return GraphError(f"Neo4j at {where} is unreachable: {exc}")
    if isinstance(exc, TransientError):
        return GraphError(f"Neo4j at {where} stayed busy after retries: {exc.message or exc}")
    return GraphError(f"Neo4j at {where} failed: {exc}")


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
        self.uri = uri
        # Sessions share one bookmark manager: on a cluster, a read routed to another member waits
        # for this process's last write (ingest reads a document's state, then writes it).
        self._bookmarks = neo4j.GraphDatabase.bookmark_manager()
        # One pool shared by all request threads of a uvicorn worker; sized from env for busy servers.
        pool = max_pool_size or int(os.environ.get("HEALTHKG_NEO4J_POOL_SIZE", "50"))
        # How long managed transactions retry transient failures and lost connections before the
        # API answers 503: the driver's 30 s default outlasts most HTTP clients' patience.
        retry_s = float(os.environ.get("HEALTHKG_NEO4J_RETRY_SECONDS", "10"))
        try:
            self._driver = neo4j.GraphDatabase.driver(
                uri,
                auth=auth,
                max_connection_pool_size=pool,
                max_transaction_retry_time=retry_s,
                # The server's hints (e.g. "property key docs not in the graph yet" on an empty
                # database) would be logged as warnings on every CLI run; nobody reads them there.
                notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF,
            )
        except (DriverError, ValueError) as exc:
            raise GraphError(f"cannot use the Neo4j URL {uri}: {exc}") from exc
        try:
            self._driver.verify_connectivity()
        except (Neo4jError, DriverError, OSError) as exc:
            self._driver.close()
            raise GraphError(f"cannot reach Neo4j at {uri}: {driver_error(exc, uri)}") from exc

    @classmethod
    def from_url(cls, url: str, database: str | None = None, password: str | None = None) -> Neo4jBackend:
        uri, auth, url_database = parse_neo4j_url(url, password)
        return cls(uri, auth, database or url_database)

    def execute(
        self, text: str, params: dict[str, Any], read_only: bool, timeout_ms: int | None = None
    ) -> list[Row]:
        def work(tx: neo4j.ManagedTransaction) -> list[Row]:
            # Managed transactions take the text and parameters; the timeout belongs to the
            # transaction (unit_of_work below), not to a neo4j.Query, which tx.run refuses.
            return [{k: _plain(v) for k, v in record.items()} for record in tx.run(text, params)]

        if timeout_ms:
            work = neo4j.unit_of_work(timeout=timeout_ms / 1000)(work)
        try:
            with self._driver.session(database=self.database, bookmark_manager=self._bookmarks) as session:
                if read_only:
                    return session.execute_read(work)
                return session.execute_write(work)
        except (Neo4jError, DriverError) as exc:
            raise driver_error(exc, self.uri) from exc

    def ensure_index(self, query_name: str) -> None:
        # The Neo4j dialect files use IF NOT EXISTS, so a plain run is idempotent.
        self.run(query_name)

    def close(self) -> None:
        self._driver.close()
