// Neo4j 5 dialect of the searches in entities.cypher: Neo4j's range indexes do not serve
// membership in a list property (`$x IN n.grams`), its TEXT index serves CONTAINS on a string,
// so these search `n.search` (the name and every alias, one per line; see nodes.cypher).

// name: search_entities
// Nodes whose name or an alias contains $q (substring), optionally of one label; $q not null.
MATCH (n:Entity)
WHERE n.search CONTAINS $q
  AND (n.name CONTAINS $q OR any(a IN coalesce(n.aliases, []) WHERE a CONTAINS $q))
  AND ($label IS NULL OR n.label = $label)
  AND any(f IN coalesce(n.docs, []) WHERE NOT f IN $incomplete)
RETURN n {.id, .label, .name, .aliases, .level, .code, .title, .organization, .kind, .metric, .value, .unit,
         .comparator, .year, .file, .date, .sha256, .chars, .region, .format, .pages} AS node
ORDER BY size(n.name), n.id
SKIP $offset
LIMIT $limit

// name: count_search_entities
MATCH (n:Entity)
WHERE n.search CONTAINS $q
  AND (n.name CONTAINS $q OR any(a IN coalesce(n.aliases, []) WHERE a CONTAINS $q))
  AND ($label IS NULL OR n.label = $label)
  AND any(f IN coalesce(n.docs, []) WHERE NOT f IN $incomplete)
RETURN count(n) AS total

// name: resolve_entity
// As in entities.cypher; the alias step finds its candidates through the TEXT index on `search`.
CALL () {
  MATCH (n:Entity {id: $ref})
  RETURN n, 0 AS rank
  UNION
  MATCH (n:Entity {name: $ref})
  RETURN n, 1 AS rank
  UNION
  MATCH (n:Entity)
  WHERE n.search CONTAINS $ref AND $ref IN n.aliases
  RETURN n, 2 AS rank
}
WITH n, rank
WHERE ($label IS NULL OR n.label = $label)
  AND any(f IN coalesce(n.docs, []) WHERE NOT f IN $incomplete)
RETURN n {.id, .label, .name} AS node
ORDER BY rank, size(n.id), n.id
LIMIT 1
