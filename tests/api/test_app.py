"""What every endpoint shares: OpenAPI descriptions and examples, CORS, the static explorer files."""


from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import ServiceSettings


def test_every_endpoint_is_described_with_examples(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    operations = [(path, method, op) for path, ops in spec["paths"].items() for method, op in ops.items()]
    assert len(operations) == 25  # 17 + tracks (2) + canonical metrics + browse (3) + edge pages (2)
    for path, method, op in operations:
        assert op.get("summary") and op.get("description"), (method, path)
        for param in op.get("parameters", []):
            assert param.get("description"), (method, path, param["name"])
            if param["name"] != "x-api-key":  # a key has no example worth showing
                assert param.get("examples") or param["schema"].get("examples"), (method, path, param["name"])
    body = spec["paths"]["/api/query"]["post"]["requestBody"]["content"]["application/json"]
    assert set(body["examples"]) == {"targets", "partners", "programs"}  # each one runs (test_faults)
    schemas = spec["components"]["schemas"]
    assert schemas["CommitmentPublic"]["example"]["metric"] == "家庭医生签约服务覆盖率"


def test_cors_allows_only_the_configured_origins(client: TestClient) -> None:
    settings = ServiceSettings(
        graph=client.app.state.settings.graph,
        cors_origins=["https://newsroom.example"],
    )
    with TestClient(create_app(settings)) as cors_client:
        preflight = {"Access-Control-Request-Method": "GET"}
        allowed = cors_client.options(
            "/api/entities", headers={"Origin": "https://newsroom.example", **preflight}
        )
        assert allowed.status_code == 200
        assert allowed.headers["access-control-allow-origin"] == "https://newsroom.example"
        other = cors_client.get("/api/entities", headers={"Origin": "https://elsewhere.example"})
        assert other.status_code == 200 and "access-control-allow-origin" not in other.headers


def test_explorer_page_and_its_static_files(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and 'src="/static/js/app.js"' in page.text
    script = client.get("/static/js/app.js")
    assert script.status_code == 200 and "views/index.js" in script.text
    assert "javascript" in script.headers["content-type"]  # module scripts need a JavaScript type
    graph_library = client.get("/static/vendor/cytoscape.esm.min.js")
    assert graph_library.status_code == 200 and "javascript" in graph_library.headers["content-type"]
    assert client.get("/static/explorer.css").headers["content-type"].startswith("text/css")
    assert client.get("/static/missing.js").status_code == 404


def test_api_docs_load_their_assets_from_this_server(client: TestClient) -> None:
    for path, asset in (
        ("/docs", "/docs-assets/swagger-ui-bundle.js"),
        ("/redoc", "/docs-assets/redoc.standalone.js"),
    ):
        page = client.get(path)
        assert page.status_code == 200 and asset in page.text
        assert "cdn" not in page.text.lower() and "fonts.googleapis" not in page.text
        served = client.get(asset)
        assert served.status_code == 200 and len(served.content) > 100_000
