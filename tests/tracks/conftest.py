"""A real embedded graph with the five samples and the follow-up reports, and an app over it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.ingest import ingest_extractions, ingest_paths
from api.settings import ServiceSettings
from graph.backend import GraphBackend, GraphSettings
from graph.store import GraphStore
from tests.conftest import SAMPLES
from tests.tracks.followups import follow_up_extractions

TRACKS_GRAPH = "tracks_samples"


@pytest.fixture(scope="session")
def tracks_store(open_graph: Callable[[str], GraphBackend]) -> GraphStore:
    """Samples plus follow-ups; tests on it must not write."""
    store = GraphStore(open_graph(TRACKS_GRAPH))
    store.reset()
    ingest_paths(store, [SAMPLES])
    ingest_extractions(store, follow_up_extractions())
    return store


@pytest.fixture(scope="session")
def tracks_client(data_dir: Path, tracks_store: GraphStore) -> Iterator[TestClient]:
    graph = GraphSettings(url="embedded", data_dir=data_dir, graph_name=TRACKS_GRAPH)
    with TestClient(create_app(ServiceSettings(graph=graph))) as client:
        yield client
