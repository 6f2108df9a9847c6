// FalkorDB dialect: resolution as three indexed lookups (`CALL {}` is FalkorDB's subquery form;
// Neo4j 5 wants `CALL () {}`, which FalkorDB refuses).

// name: resolve_entity
// The one entity $ref names, optionally of one label: an id match first, then an exact name, then
// an alias (全市 is an alias of many cities: the shortest id wins, so the answer is stable). Three
// indexed lookups (id, name, the `aliases` list index), never a scan.
CALL {
  MATCH (n:Entity {id: $ref})
  RETURN n, 0 AS rank
  UNION
  MATCH (n:Entity {name: $ref})
  RETURN n, 1 AS rank
  UNION
  MATCH (n:Entity)
  WHERE $ref IN n.aliases
  RETURN n, 2 AS rank
}
WITH n, rank
WHERE ($label IS NULL OR n.label = $label)
  AND any(f IN coalesce(n.docs, []) WHERE NOT f IN $incomplete)
RETURN n {.id, .label, .name} AS node
ORDER BY rank, size(n.id), n.id
LIMIT 1
