"""FalkorDB over its Redis protocol (its Bolt port crashed here under batched writes)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import redis
from falkordb import Edge as FalkorEdge
from falkordb import FalkorDB
from falkordb import Node as FalkorNode
from falkordb import Path as FalkorPath
from falkordb.query_result import QueryResult

from graph.backend import LEASE_S, GraphBackend, GraphError, QueryRejected, Row, _wants_incomplete
from graph.queries import QueryCatalog

ALREADY_INDEXED = "already indexed"
RO_QUERY = "GRAPH.RO_QUERY"
# Compare-and-delete: a writer whose lease expired must not release its successor's.
RELEASE_LEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"


def _plain(value: Any) -> Any:
    """Driver objects to plain values, so callers never see engine types."""
    if isinstance(value, FalkorNode):
        return dict(value.properties)
    if isinstance(value, FalkorEdge):
        return {"type": value.relation, **value.properties}
    if isinstance(value, FalkorPath):
        return {"nodes": [_plain(n) for n in value.nodes()], "edges": [_plain(e) for e in value.edges()]}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class FalkorDBBackend(GraphBackend):
    name = "falkordb"

    def __init__(self, host: str, port: int, graph_name: str, password: str | None = None) -> None:
        self.host, self.port = host, port
        self.catalog = QueryCatalog("falkordb")
        try:
            self._db = FalkorDB(host=host, port=port, password=password)
            self._db.connection.ping()
        except redis.RedisError as exc:
            raise GraphError(f"cannot reach FalkorDB at {host}:{port}: {exc}") from exc
        self._graph = self._db.select_graph(graph_name)
        self.graph_name = graph_name
        self._cap_query_memory()

    def _cap_query_memory(self) -> None:
        """A server reached by URL gets the query memory cap only when asked (it is server-wide)."""
        megabytes = os.environ.get("HEALTHKG_QUERY_MEM_MB")
        if not megabytes:
            return
        try:
            self._db.connection.execute_command(
                "GRAPH.CONFIG", "SET", "QUERY_MEM_CAPACITY", int(float(megabytes) * 1024 * 1024)
            )
        except (redis.RedisError, ValueError) as exc:
            raise GraphError(f"cannot set QUERY_MEM_CAPACITY on {self.host}:{self.port}: {exc}") from exc

    def execute(
        self, text: str, params: dict[str, Any], read_only: bool, timeout_ms: int | None = None
    ) -> list[Row]:
        run = self._graph.ro_query if read_only else self._graph.query
        try:
            result = run(text, params or None, timeout=timeout_ms)
        except redis.ResponseError as exc:
            raise QueryRejected(str(exc)) from exc
        except redis.RedisError as exc:
            raise GraphError(f"FalkorDB at {self.host}:{self.port} failed: {exc}") from exc
        except (ValueError, UnicodeError) as exc:  # parameters the client cannot encode
            raise QueryRejected(f"parameters cannot be sent to the engine: {exc}") from exc
        return self._rows(result)

    def read_many(self, steps: Sequence[tuple[str, dict[str, Any]]]) -> list[list[Row]]:
        """One round trip for the usual case: the incomplete documents' query and then every read
        with `$incomplete` empty, pipelined on one connection (the server runs them in that order).
        Only when a document is being written (the first answer is not empty) are the reads that
        name `$incomplete` sent again with its files: either way each read sees the list as it
        was read just before it, as `read` did with a round trip of its own."""
        prepared = self._read_steps(steps)
        optimistic = [i for i, (query, params) in enumerate(prepared) if _wants_incomplete(query, params)]
        for i in optimistic:
            prepared[i][1]["incomplete"] = []
        batch = [(query.text, params, self._timeout(query)) for query, params in prepared]
        if not optimistic:
            return self._pipelined(batch)
        first, *results = self._pipelined([(self.catalog["incomplete_documents"].text, {}, None), *batch])
        files = list(first[0]["files"]) if first else []
        if files:
            for i in optimistic:
                prepared[i][1]["incomplete"] = files
            again = self._pipelined([batch[i] for i in optimistic])
            for i, rows in zip(optimistic, again, strict=True):
                results[i] = rows
        return results

    def _pipelined(self, batch: list[tuple[str, dict[str, Any], int | None]]) -> list[list[Row]]:
        pipe = self._db.connection.pipeline(transaction=False)
        try:
            for text, params, timeout_ms in batch:
                header = self._graph._build_params_header(params or None)
                command: list[Any] = [RO_QUERY, self.graph_name, header + text, "--compact"]
                if timeout_ms is not None:
                    command += ["timeout", timeout_ms]
                pipe.execute_command(*command)
        except (ValueError, UnicodeError) as exc:  # parameters the client cannot encode
            raise QueryRejected(f"parameters cannot be sent to the engine: {exc}") from exc
        try:
            replies = pipe.execute(raise_on_error=False)
            return [self._rows(QueryResult(self._graph, reply)) for reply in replies]
        except redis.ResponseError as exc:
            raise QueryRejected(str(exc)) from exc
        except redis.RedisError as exc:
            raise GraphError(f"FalkorDB at {self.host}:{self.port} failed: {exc}") from exc

    @staticmethod
    def _rows(result: QueryResult) -> list[Row]:
        names = [column[1] if isinstance(column, list | tuple) else column for column in result.header]
        return [dict(zip(names, (_plain(v) for v in row), strict=True)) for row in result.result_set]

    def ensure_index(self, query_name: str) -> None:
        try:
            self.run(query_name)
        except QueryRejected as exc:
            if ALREADY_INDEXED not in str(exc):
                raise

    def _lease_key(self, file: str) -> str:
        return f"healthkg:lease:{self.graph_name}:{file}"

    def claim_lease(self, file: str, token: str, now: float) -> bool:
        """A Redis key set only if absent (SET NX PX), atomic in the server. A lease node MERGEd
        by Cypher is not: FalkorDB runs a MERGE's match before taking its write lock, and two
        racing claims each created a node (1 in 150 trials of 8 writers)."""
        key = self._lease_key(file)
        try:
            connection = self._db.connection
            if connection.set(key, token, nx=True, px=int(LEASE_S * 1000)):
                return True
            return connection.get(key) in (token, token.encode())
        except redis.RedisError as exc:
            raise GraphError(f"FalkorDB at {self.host}:{self.port} failed: {exc}") from exc

    def release_lease(self, file: str, token: str) -> None:
        try:
            self._db.connection.eval(RELEASE_LEASE, 1, self._lease_key(file), token)
        except redis.RedisError as exc:
            raise GraphError(f"FalkorDB at {self.host}:{self.port} failed: {exc}") from exc

    def ping(self) -> bool:
        try:
            return bool(self._db.connection.ping())
        except redis.RedisError:
            return False

    def close(self) -> None:
        # Disconnect the whole pool: the embedded server counts clients to decide whether to stop.
        self._db.connection.close()
        self._db.connection.connection_pool.disconnect()
