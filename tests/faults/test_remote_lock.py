"""Defect 1 for engines reached by URL: the lease lock in the graph keeps one version per file."""

from __future__ import annotations

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
        assert not owner.execute("MATCH (l:IngestLock) RETURN l", {}, read_only=True), "leases released"
