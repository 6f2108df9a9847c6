from pathlib import Path

import pytest

from graph.queries import CYPHER_DIR, QueryCatalog, QueryFileError, parse_query_file


def test_every_query_file_parses_and_names_are_unique() -> None:
    for engine in ("falkordb", "neo4j"):
        catalog = QueryCatalog(engine)
        assert "upsert_region" in catalog
        assert "commitments" in catalog
        assert all(catalog[name].text for name in catalog.names())


def test_engine_file_overrides_shared_query() -> None:
    shared = QueryCatalog("falkordb")["index_entity_id"]
    neo4j = QueryCatalog("neo4j")["index_entity_id"]
    assert "IF NOT EXISTS" not in shared.text
    assert "IF NOT EXISTS" in neo4j.text
    assert neo4j.source.parent.name == "neo4j"


def test_header_doc_and_parameters(tmp_path: Path) -> None:
    path = tmp_path / "q.cypher"
    path.write_text("// name: find_one\n// Finds one node.\nMATCH (n {id: $id})\nRETURN n LIMIT $k\n")
    (query,) = parse_query_file(path)
    assert query.name == "find_one"
    assert query.doc == "Finds one node."
    assert query.parameters == {"id", "k"}


def test_duplicate_names_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.cypher").write_text("// name: q\nRETURN 1\n")
    (tmp_path / "b.cypher").write_text("// name: q\nRETURN 2\n")
    (tmp_path / "falkordb").mkdir()
    with pytest.raises(QueryFileError, match="defined twice"):
        QueryCatalog("falkordb", tmp_path)


def test_cypher_before_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.cypher"
    path.write_text("MATCH (n) RETURN n\n// name: later\nRETURN 1\n")
    with pytest.raises(QueryFileError, match="before the first"):
        parse_query_file(path)


def test_no_query_is_built_in_python() -> None:
    """Every query the code runs is a named file: Python sources hold no Cypher clauses."""
    import re

    repo = CYPHER_DIR.parent
    clause = re.compile(r"[\"'](MATCH|MERGE|CREATE|UNWIND)\s*\(|[\"']MATCH \(")
    offenders = [
        str(path.relative_to(repo))
        for package in ("api", "graph", "loaders")
        for path in (repo / package).rglob("*.py")
        if clause.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_engine_files_only_override_shared_queries() -> None:
    """The code calls the same names on every engine: a dialect file replaces, never adds."""
    shared = {q.name for path in CYPHER_DIR.glob("*.cypher") for q in parse_query_file(path)}
    for engine in ("falkordb", "neo4j"):
        own = {q.name for path in (CYPHER_DIR / engine).glob("*.cypher") for q in parse_query_file(path)}
        assert own <= shared, f"{engine} defines queries the shared files lack: {sorted(own - shared)}"
        assert set(QueryCatalog(engine).names()) == shared


def test_costly_expansions_run_under_the_query_timeout() -> None:
    for engine in ("falkordb", "neo4j"):
        catalog = QueryCatalog(engine)
        timed = {name for name in catalog.names() if catalog[name].timed}
        assert timed == {"neighbor_edges", "paths_3", "paths_4", "paths_5", "region_scope"}
