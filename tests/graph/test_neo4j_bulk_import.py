"""`healthkg export --format csv` loaded by Neo4j's own bulk import tool (the same 5.26 release
from Maven Central, into a stopped store) gives the graph an ingest gives: the same export JSON,
the same stored bookkeeping, the same API answers, and a retraction that works the same way."""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.ingest import ingest_paths
from api.settings import ServiceSettings
from graph.backend import connect
from graph.export_csv import write_neo4j_admin_csv
from graph.store import GraphStore
from tests.conftest import SAMPLES
from tests.neo4j_server import Neo4jLauncher

XINJIAN_REPORT = "001_b1280b1a44e49c58.txt"
QUESTIONS = (
    "/api/entities?q=南昌",
    "/api/entities/region:360112",
    "/api/entities/region:360112/neighbors?depth=2",
    "/api/commitments?by=新建区",
    "/api/commitments?region=南昌市&metric=家庭医生",
    "/api/metrics",
    "/api/paths?from=新建区&to=江西省",
    "/api/search?q=家庭医生",
    "/api/documents",
    f"/api/documents/{XINJIAN_REPORT}/text",
)


def _script_arguments(script: str, folder: Path) -> list[str]:
    """The options of import.sh's neo4j-admin command, its /import paths pointed at `folder`."""
    words = shlex.split(script[script.index("neo4j-admin database") :].replace("\\\n", " "))
    assert words[:5] == ["neo4j-admin", "database", "import", "full", "neo4j"]
    return [word.replace("=/import/", f"={folder}/") for word in words[5:]]


def _without_empty_lists(node: dict[str, Any]) -> dict[str, Any]:
    # neo4j-admin reads an empty array field as "no property"; the queries coalesce() both alike.
    return {key: value for key, value in node.items() if value != []}


@pytest.fixture(scope="module")
def ingested_and_bulk(
    neo4j_server: Neo4jLauncher, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[GraphStore, GraphStore, Path]]:
    ingested_backend = connect(neo4j_server.settings("bulk_ingested"))
    ingested = GraphStore(ingested_backend)
    ingested.reset()
    ingest_paths(ingested, [SAMPLES])
    folder = tmp_path_factory.mktemp("bulk-csv")
    files = write_neo4j_admin_csv(ingested.stored_graph(), folder)
    neo4j_server.bulk_import("bulk_loaded", _script_arguments(files[-1].read_text("utf-8"), folder))
    bulk_backend = connect(neo4j_server.settings("bulk_loaded"))
    bulk = GraphStore(bulk_backend)
    bulk.ensure_schema()  # the uniqueness constraints validate the loaded ids as well
    yield ingested, bulk, files[-1]
    ingested_backend.close()
    bulk_backend.close()


def test_the_script_asks_for_multiline_fields_since_texts_break_lines(ingested_and_bulk: tuple) -> None:
    _, _, script = ingested_and_bulk
    assert "--multiline-fields=true" in script.read_text("utf-8")


def test_bulk_graph_exports_and_stores_what_ingest_stored(ingested_and_bulk: tuple) -> None:
    ingested, bulk, _ = ingested_and_bulk
    assert bulk.counts() == ingested.counts()
    assert bulk.export() == ingested.export()
    stored, loaded = ingested.stored_graph(), bulk.stored_graph()
    assert [_without_empty_lists(n) for n in loaded["nodes"]] == [
        _without_empty_lists(n) for n in stored["nodes"]
    ]
    assert loaded["edges"] == stored["edges"]
    documents = [n for n in loaded["nodes"] if n["label"] == "Document"]
    assert len(documents) == 5
    assert all(d["complete"] is True and len(d["text"]) == d["chars"] for d in documents)


def test_bulk_graph_answers_and_retracts_like_the_ingested_one(
    ingested_and_bulk: tuple, neo4j_server: Neo4jLauncher
) -> None:
    answers = {}
    for name in ("bulk_ingested", "bulk_loaded"):
        with TestClient(create_app(ServiceSettings(graph=neo4j_server.settings(name)))) as client:
            got = [client.get(question) for question in QUESTIONS]
            assert [r.status_code for r in got] == [200] * len(QUESTIONS), name
            deleted = client.delete(f"/api/documents/{XINJIAN_REPORT}")
            assert deleted.status_code == 200, deleted.text
            answers[name] = ([r.json() for r in got], client.get("/api/export").json())
    assert answers["bulk_loaded"] == answers["bulk_ingested"]
    texts = answers["bulk_loaded"][0][-1]
    assert texts["text"] and texts["text"] == answers["bulk_ingested"][0][-1]["text"]
