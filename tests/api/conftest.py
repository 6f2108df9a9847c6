"""An app over a real embedded graph filled with the two reports of `facts.py`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import ServiceSettings
from graph.backend import GraphBackend, GraphSettings
from graph.store import GraphStore
from tests.api.facts import report_a, report_b

API_KEY = "test-key"
Writable = tuple[TestClient, GraphStore]


def _client(data_dir: Path, graph_name: str, **settings: object) -> TestClient:
    graph = GraphSettings(url="embedded", data_dir=data_dir, graph_name=graph_name)
    return TestClient(create_app(ServiceSettings(graph=graph, **settings)))


def _fill(open_graph: Callable[[str], GraphBackend], graph_name: str) -> GraphStore:
    store = GraphStore(open_graph(graph_name))
    store.reset()
    store.ingest(report_a())
    store.ingest(report_b())
    return store


@pytest.fixture(scope="session")
def client(data_dir: Path, open_graph: Callable[[str], GraphBackend]) -> Iterator[TestClient]:
    """Read-only tests: the two reports, never written to after set-up."""
    _fill(open_graph, "api_facts")
    with _client(data_dir, "api_facts", query_max_rows=5) as test_client:
        yield test_client


@pytest.fixture()
def writable(
    data_dir: Path, open_graph: Callable[[str], GraphBackend], request: pytest.FixtureRequest
) -> Iterator[Writable]:
    """A fresh copy of the two reports on its own graph, behind an API key."""
    name = f"w_{request.node.name}"[:60]
    store = _fill(open_graph, name)
    with _client(data_dir, name, api_key=API_KEY) as test_client:
        yield test_client, store
