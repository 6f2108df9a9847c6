"""Shared fixtures: one real embedded FalkorDB server for the session, one graph per use."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import uvicorn

from graph.backend import GraphBackend, GraphSettings, connect
from graph.store import GraphStore
from tests.neo4j_server import Neo4jLauncher, missing_tools

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "data" / "samples"


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("graph-data")


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jLauncher]:
    """A real Neo4j 5 (tests/neo4j_server.py); skipped only where Java or Maven is missing."""
    reason = missing_tools()
    if reason:
        pytest.skip(reason)
    with Neo4jLauncher(tmp_path_factory.mktemp("neo4j")) as server:
        yield server


@pytest.fixture(scope="session")
def open_graph(data_dir: Path) -> Iterator[Callable[[str], GraphBackend]]:
    """Open a named graph on the session's embedded server (graphs isolate tests from each other)."""
    opened: list[GraphBackend] = []

    def _open(graph_name: str) -> GraphBackend:
        backend = connect(GraphSettings(url="embedded", data_dir=data_dir, graph_name=graph_name))
        opened.append(backend)
        return backend

    yield _open
    for backend in reversed(opened):
        backend.close()


@pytest.fixture()
def empty_store(open_graph: Callable[[str], GraphBackend], request: pytest.FixtureRequest) -> GraphStore:
    store = GraphStore(open_graph(f"t_{request.node.name}"[:60]))
    store.reset()
    store.ensure_schema()
    return store


@pytest.fixture(scope="session")
def sample_store(open_graph: Callable[[str], GraphBackend]) -> GraphStore:
    """The five sample reports ingested once; tests on it must not write."""
    from api.ingest import ingest_paths

    store = GraphStore(open_graph("samples"))
    store.reset()
    ingest_paths(store, [SAMPLES])
    return store


@pytest.fixture(scope="session")
def sample_export(sample_store: GraphStore) -> dict:
    return sample_store.export()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LiveServer:
    """A real uvicorn serving the app in a background thread."""

    def __init__(self, app: object) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        from api.http_protocol import Utf8RequestLineProtocol

        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_level="warning", http=Utf8RequestLineProtocol
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 120
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


@pytest.fixture(scope="session")
def live_api(data_dir: Path) -> Iterator[LiveServer]:
    """uvicorn on a free port over its own graph, loaded with the samples at start-up."""
    from api.app import create_app
    from api.settings import ServiceSettings

    settings = ServiceSettings(
        graph=GraphSettings(url="embedded", data_dir=data_dir, graph_name="api"), load_paths=[SAMPLES]
    )
    with LiveServer(create_app(settings)) as server:
        yield server
