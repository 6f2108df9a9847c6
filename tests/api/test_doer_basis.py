"""Why a doer was credited (`basis` on SETS_TARGET / IMPLEMENTS evidence) is stored in the graph
and shown by the export and the entity view."""

from collections.abc import Callable

from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import ServiceSettings
from graph.backend import GraphBackend
from graph.store import GraphStore
from loaders.pipeline import extract_document
from tests.api.conftest import GraphFor, _close, _open

PRESS = (
    "海南省新闻发布会实录\n"
    "海南省卫生健康委员会副主任、新闻发言人王立新：\n"
    "今年我们将全面实施儿童青少年近视防控行动。全省婴儿死亡率控制在5‰以下。\n"
)


def test_basis_is_stored_exported_and_served(
    api_graph: GraphFor, open_graph: Callable[[str], GraphBackend]
) -> None:
    backend = _open(api_graph, open_graph, "w_doer_basis")
    store = GraphStore(backend)
    store.reset()
    store.ingest(extract_document("press.txt", PRESS))
    edges = {(e["type"], e["source"]): e for e in store.export()["edges"]}
    implements = edges[("IMPLEMENTS", "org:海南省卫生健康委员会")]
    assert [ev["basis"] for ev in implements["evidence"]] == ["speaker"]
    sets_target = edges[("SETS_TARGET", "region:460000")]
    assert [ev["basis"] for ev in sets_target["evidence"]] == ["subject"]
    # Edges that are not a doer's carry no basis.
    assert all(
        "basis" not in ev for e in store.export()["edges"] if e["type"] == "PART_OF" for ev in e["evidence"]
    )
    with TestClient(create_app(ServiceSettings(graph=api_graph("w_doer_basis")))) as client:
        body = client.get("/api/entities/org:海南省卫生健康委员会").json()
        commitments = client.get("/api/commitments", params={"by": "region:460000"}).json()["data"]
    _close(backend)
    assert {row["basis"] for row in commitments} == {"subject"}
    (served,) = body["edges"]["IMPLEMENTS"]
    assert [ev["basis"] for ev in served["evidence"]] == ["speaker"]
    assert served["evidence"][0]["quote"] == "今年我们将全面实施儿童青少年近视防控行动。"
