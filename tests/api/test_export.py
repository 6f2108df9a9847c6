"""GET /api/export in its three formats, read back the way Gephi/networkx and neo4j-admin read them."""

import csv
import io
import zipfile

import networkx as nx
from fastapi.testclient import TestClient

US = "\x1f"  # the CSV files' array delimiter (import.sh passes --array-delimiter=U+001F)


def test_json_export_has_every_node_and_edge(client: TestClient) -> None:
    body = client.get("/api/export").json()
    assert len(body["nodes"]) == 15  # 13 entities of the two reports, 2 documents
    assert len(body["edges"]) == 12  # PART_OF is shared, so one edge with two quotes
    (part_of,) = [e for e in body["edges"] if e["type"] == "PART_OF"]
    assert sorted(ev["doc"] for ev in part_of["evidence"]) == ["a_xinjian.txt", "b_shanghai.txt"]


def test_graphml_export_parses_with_networkx(client: TestClient) -> None:
    response = client.get("/api/export", params={"format": "graphml"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/graphml+xml")
    graph = nx.parse_graphml(response.text)
    assert graph.number_of_nodes() == 15 and graph.number_of_edges() == 12
    assert graph.nodes["region:360112"]["name"] == "新建区"
    assert graph.has_edge("person:闻大翔", "org:上海市卫生健康委员会")


def test_csv_export_is_a_zip_neo4j_admin_reads(client: TestClient) -> None:
    response = client.get("/api/export", params={"format": "csv"})
    assert response.status_code == 200 and response.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert "import.sh" in names and "nodes_Region.csv" in names and "rels_PART_OF.csv" in names

    def rows(name: str) -> list[list[str]]:
        return list(csv.reader(io.StringIO(archive.read(name).decode("utf-8"), newline="")))

    region_header, *regions = rows("nodes_Region.csv")
    assert region_header[0] == "id:ID" and region_header[-1] == ":LABEL"
    assert "aliases:string[]" in region_header
    by_id = {row[0]: dict(zip(region_header, row, strict=True)) for row in regions}
    assert by_id["region:360112"][":LABEL"] == f"Region{US}Entity"
    rel_header, *rels = rows("rels_PART_OF.csv")
    assert rel_header == [":START_ID", ":END_ID", ":TYPE", "evidence:string[]", "docs:string[]"]
    assert [row[:3] for row in rels] == [["region:360112", "region:360100", "PART_OF"]]
    assert rels[0][4].split(US) == ["a_xinjian.txt", "b_shanghai.txt"]
    assert "--array-delimiter=U+001F" in archive.read("import.sh").decode()


def test_unknown_format_is_422(client: TestClient) -> None:
    response = client.get("/api/export", params={"format": "xlsx"})
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_parameter"
