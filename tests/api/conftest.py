"""An app over a real graph filled with the two reports of `facts.py`.

Every API test runs twice: over the embedded FalkorDB, and through `Neo4jBackend` over the
session's real Neo4j 5 (skipped only where Java or Maven is missing). Neo4j Community holds one
database per server, so there each role below gets its own store instead of a named graph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import ServiceSettings
from graph.backend import GraphBackend, GraphSettings, connect
from graph.store import GraphStore
from tests.api.facts import report_a, report_b
from tests.conftest import SAMPLES, LiveServer

API_KEY = "test-key"
API_BACKENDS = ("embedded", "neo4j")
Writable = tuple[TestClient, GraphStore]
GraphFor = Callable[[str], GraphSettings]


@pytest.fixture(scope="session", params=API_BACKENDS)
def api_backend(request: pytest.FixtureRequest) -> str:
    """The engine this pass of the API tests runs on (its name as /health reports it)."""
    if request.param == "neo4j":
        request.getfixturevalue("neo4j_server")
    return request.param


@pytest.fixture(scope="session")
def api_graph(api_backend: str, data_dir: Path, request: pytest.FixtureRequest) -> GraphFor:
    """Graph settings by role name on this pass's engine (`w_*` roles share one Neo4j store)."""
    if api_backend == "embedded":
        return lambda name: GraphSettings(url="embedded", data_dir=data_dir, graph_name=name)
    server = request.getfixturevalue("neo4j_server")
    return lambda name: server.settings("api_writable" if name.startswith("w_") else f"api_{name}")


def _open(api_graph: GraphFor, open_graph: Callable[[str], GraphBackend], name: str) -> GraphBackend:
    settings = api_graph(name)
    # Embedded graphs stay open for the session (the shared server stops with its last client).
    return open_graph(name) if settings.url == "embedded" else connect(settings)


def _fill(backend: GraphBackend) -> GraphStore:
    store = GraphStore(backend)
    store.reset()
    store.ingest(report_a())
    store.ingest(report_b())
    return store


def _close(backend: GraphBackend) -> None:
    if backend.name == "neo4j":
        backend.close()


@pytest.fixture(scope="session")
def client(api_graph: GraphFor, open_graph: Callable[[str], GraphBackend]) -> Iterator[TestClient]:
    """Read-only tests: the two reports, never written to after set-up."""
    backend = _open(api_graph, open_graph, "api_facts")
    _fill(backend)
    with TestClient(create_app(ServiceSettings(graph=api_graph("api_facts"), query_max_rows=5))) as test:
        yield test
    _close(backend)


@pytest.fixture()
def writable(
    api_graph: GraphFor, open_graph: Callable[[str], GraphBackend], request: pytest.FixtureRequest
) -> Iterator[Writable]:
    """A fresh copy of the two reports on its own graph, behind an API key."""
    name = f"w_{request.node.name}"[:60]
    backend = _open(api_graph, open_graph, name)
    store = _fill(backend)
    with TestClient(create_app(ServiceSettings(graph=api_graph(name), api_key=API_KEY))) as test_client:
        yield test_client, store
    _close(backend)


@pytest.fixture(scope="session")
def live_api(api_graph: GraphFor) -> Iterator[LiveServer]:
    """uvicorn on a free port over its own graph, loaded with the samples at start-up."""
    settings = ServiceSettings(graph=api_graph("api"), load_paths=[SAMPLES])
    with LiveServer(create_app(settings)) as server:
        yield server
