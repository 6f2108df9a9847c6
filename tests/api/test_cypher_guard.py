"""The read-only guard's tokenizer on its own."""

import pytest

from api.cypher_guard import CypherRefused, check_read_only, tokenize


def test_tokens_hide_comments_and_strings() -> None:
    tokens = tokenize("MATCH (n) // DELETE\n/* SET */ RETURN 'CREATE', n.`my name`")
    assert [(t.kind, t.text) for t in tokens if t.kind != "symbol"] == [
        ("word", "MATCH"), ("word", "n"), ("word", "RETURN"), ("string", "'CREATE'"),
        ("word", "n"), ("name", "my name"),
    ]  # fmt: skip


def test_escaped_quote_does_not_end_the_string() -> None:
    check_read_only(r"RETURN 'it\'s a CREATE' AS s")
    with pytest.raises(CypherRefused, match="CREATE"):
        check_read_only(r"RETURN 'it\\' AS s CREATE (n)")


@pytest.mark.parametrize(
    "cypher, found",
    [
        ("MATCH (n) DeLeTe n", "DeLeTe"),
        ("CALL dbms.killQueries(['1'])", "dbms.killQueries"),
        ("CALL `db.idx.fulltext.drop`('L')", "db.idx.fulltext.drop"),
        ("SHOW USERS", "SHOW"),
        ("USE system MATCH (n) RETURN n", "USE"),
    ],
)
def test_refusals_name_what_they_found(cypher: str, found: str) -> None:
    with pytest.raises(CypherRefused, match=found):
        check_read_only(cypher)


def test_names_labels_and_properties_are_not_clauses() -> None:
    check_read_only("MATCH (n:Set)-[:DELETE]->(m) RETURN n.create, m.merge, {remove: 1}")
    check_read_only("CALL db.idx.fulltext.queryNodes('Entity', $q) YIELD node RETURN node")
    check_read_only("MATCH (n) RETURN n.name AS `CREATE`")


def test_comment_markers_inside_strings_are_text() -> None:
    check_read_only("RETURN 'http://example.org/*x' AS url")
    with pytest.raises(CypherRefused, match="DELETE"):
        check_read_only("MATCH (n) WHERE n.name = '// not a comment' DELETE n")
    with pytest.raises(CypherRefused, match="SET"):
        check_read_only("MATCH (n) RETURN '*/' /* 'closing */ SET n.x = 1")


@pytest.mark.parametrize(
    ("cypher", "expected"),
    [
        ("MATCH (n) RETURN n", "MATCH (n) RETURN n\nLIMIT 11"),
        ("MATCH (n) RETURN n ORDER BY n.id SKIP 5;", "MATCH (n) RETURN n ORDER BY n.id SKIP 5\nLIMIT 11"),
        ("MATCH (n) RETURN n LIMIT 3", "MATCH (n) RETURN n LIMIT 3"),
        ("MATCH (n) RETURN n LIMIT 500000 // many", "MATCH (n) RETURN n LIMIT 11 // many"),
        ("MATCH (n) RETURN n LIMIT $k", "CALL {\nMATCH (n) RETURN n LIMIT $k\n}\nRETURN *\nLIMIT 11"),
        ("RETURN 1 AS x UNION RETURN 2 AS x", "CALL {\nRETURN 1 AS x UNION RETURN 2 AS x\n}\nRETURN *\nLIMIT 11"),  # noqa: E501
        ("MATCH (n) WHERE EXISTS { MATCH (n)--() RETURN 1 } WITH n RETURN n.limit", None),
        ("CALL db.labels()", "CALL db.labels()"),
    ],
)
def test_the_row_cap_is_written_into_the_query(cypher: str, expected: str | None) -> None:
    from api.cypher_guard import bounded

    assert bounded(cypher, 10) == (expected if expected is not None else cypher + "\nLIMIT 11")
