"""Defect 1 for engines reached by URL: the lease lock in the graph keeps one version per file."""

from __future__ import annotations

import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from graph.backend import GraphSettings, connect
from graph.store import GraphStore
from loaders.decode import read_document
from loaders.pipeline import extract_document
from tests.conftest import SAMPLES


def test_writers_through_falkordb_urls_take_turns(tmp_path: Path) -> None:
    texts = [read_document(path)[1] for path in sorted(SAMPLES.glob("*.txt"))]
    extractions = [extract_document("shared.txt", text) for text in texts]
    with connect(GraphSettings(url="embedded", data_dir=tmp_path, graph_name="remote")) as owner:
        url = f"falkordb://127.0.0.1:{owner.port}"
        GraphStore(owner).ensure_schema()

        def write(extraction):  # noqa: ANN001, ANN202
            with connect(GraphSettings(url=url, graph_name="remote")) as backend:
                return GraphStore(backend).ingest(extraction).status

        with ThreadPoolExecutor(len(extractions)) as pool:
            statuses = list(pool.map(write, extractions))
        assert sorted(statuses) == ["loaded"] + ["replaced"] * (len(extractions) - 1)
        stored = owner.read("get_document", {"ref": "shared.txt"})[0]["document"]
        (winner,) = [x for x in extractions if x.text == stored["text"]]
        rows = owner.execute(
            "MATCH (n:Entity) WHERE 'shared.txt' IN n.docs RETURN count(n) AS c", {}, read_only=True
        )
        assert rows[0]["c"] == len(winner.nodes) + 1
        edges = owner.execute(
            "MATCH ()-[e]->() WHERE 'shared.txt' IN e.docs RETURN count(e) AS c", {}, read_only=True
        )
        assert edges[0]["c"] == len(winner.edges)
        assert not owner.execute("MATCH (l:IngestLock) RETURN l", {}, read_only=True), "no lease nodes"
        assert not owner._db.connection.keys("healthkg:lease:*"), "leases released"


def _racing_claims(backends: list, trials: int) -> None:  # noqa: ANN001
    for trial in range(trials):
        start = threading.Barrier(len(backends))

        def claim(backend, file=f"race-{trial}.txt", start=start):  # noqa: ANN001, ANN202
            token = uuid.uuid4().hex
            start.wait()
            return backend.claim_lease(file, token, time.time())

        with ThreadPoolExecutor(len(backends)) as pool:
            assert sum(pool.map(claim, backends)) == 1, f"race {trial}"


def test_racing_claims_of_one_lease_have_one_winner(tmp_path: Path) -> None:
    """Eight writers claim one file's lease at the same instant, 150 times: exactly one wins each
    time (a lease node MERGEd by Cypher let two win about once in 150 such races on FalkorDB)."""
    with connect(GraphSettings(url="embedded", data_dir=tmp_path, graph_name="race")) as owner:
        url = f"falkordb://127.0.0.1:{owner.port}"
        backends = [connect(GraphSettings(url=url, graph_name="race")) for _ in range(8)]
        try:
            _racing_claims(backends, 150)
        finally:
            for backend in backends:
                backend.close()


def test_racing_claims_on_neo4j_meet_on_one_lease_node(neo4j_server) -> None:  # noqa: ANN001
    """The same race through the neo4j driver: the uniqueness constraint on IngestLock.file (made
    by the schema step) lets exactly one claim win."""
    settings = neo4j_server.settings("lease_race")
    with connect(settings) as owner:
        GraphStore(owner).ensure_schema()
    backends = [connect(settings) for _ in range(8)]
    try:
        _racing_claims(backends, 40)
    finally:
        for backend in backends:
            backend.close()
