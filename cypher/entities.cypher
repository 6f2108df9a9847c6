// Entity lookups for the API.

// name: search_entities
// Nodes whose name or an alias contains $q (substring, so 南昌 finds 南昌市), optionally of one
// label. Served by the `grams` index: its first character pair (or its one character) picks the
// candidates, CONTAINS keeps the true matches. $q must not be null: `list_entities` lists all.
// Cost: the nodes holding that pair (南昌: every 南昌… name). The answer names every property of
// the node models but no quote list (a busy region's thousands; the entity page has them):
// `n {.*}` would copy them out of the engine first (tests/graph/test_indexed_queries.py checks
// the list against loaders/models.py).
MATCH (n:Entity)
WHERE substring($q, 0, 2) IN n.grams
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
WHERE substring($q, 0, 2) IN n.grams
  AND (n.name CONTAINS $q OR any(a IN coalesce(n.aliases, []) WHERE a CONTAINS $q))
  AND ($label IS NULL OR n.label = $label)
  AND any(f IN coalesce(n.docs, []) WHERE NOT f IN $incomplete)
RETURN count(n) AS total

// name: list_entities
// Every node (of one label), shortest names first: a listing without a search term reads them all.
MATCH (n:Entity)
WHERE ($label IS NULL OR n.label = $label)
  AND any(f IN coalesce(n.docs, []) WHERE NOT f IN $incomplete)
RETURN n {.*} AS node
ORDER BY size(n.name), n.id
SKIP $offset
LIMIT $limit

// name: count_entities
MATCH (n:Entity)
WHERE ($label IS NULL OR n.label = $label)
  AND any(f IN coalesce(n.docs, []) WHERE NOT f IN $incomplete)
RETURN count(n) AS total

// name: get_entity
MATCH (n:Entity {id: $id})
WHERE any(f IN coalesce(n.docs, []) WHERE NOT f IN $incomplete)
RETURN n {.*} AS node

// name: get_entity_view
// The entity as the API shows it: every property of the node models, none of the storage lists
// (a busy region's `evidence` is ~200 KB that the answer drops anyway; `n {.*}` sends it), and
// `keys(n)`: the order `n {.*}` gives them in, which the answer keeps.
MATCH (n:Entity {id: $id})
WHERE any(f IN coalesce(n.docs, []) WHERE NOT f IN $incomplete)
RETURN n {.id, .label, .name, .aliases, .level, .code, .title, .organization, .kind, .metric, .value, .unit,
         .comparator, .year, .file, .date, .sha256, .chars, .region, .format, .pages} AS node,
       keys(n) AS keys

// name: count_entity_edges
// How many edges the entity has per direction and type (the detail view's counts, before any page).
MATCH (n:Entity {id: $id})-[e]->(:Entity)
WHERE any(f IN coalesce(e.docs, []) WHERE NOT f IN $incomplete)
RETURN 'out' AS direction, type(e) AS type, count(e) AS total
UNION ALL
MATCH (n:Entity {id: $id})<-[e]-(:Entity)
WHERE any(f IN coalesce(e.docs, []) WHERE NOT f IN $incomplete)
RETURN 'in' AS direction, type(e) AS type, count(e) AS total

// name: entity_outgoing_edges
// One page of the entity's outgoing edges of type $type (every type when null), by type then the
// other end's id; each edge with its first $quotes quotes and the count of all of them.
MATCH (n:Entity {id: $id})-[e]->(m:Entity)
WHERE ($type IS NULL OR type(e) = $type)
  AND any(f IN coalesce(e.docs, []) WHERE NOT f IN $incomplete)
RETURN type(e) AS type, m.id AS other_id, m.label AS other_label, m.name AS other_name,
       coalesce(e.evidence, [])[0..$quotes] AS evidence, size(coalesce(e.evidence, [])) AS quotes
ORDER BY type, other_id
SKIP $offset
LIMIT $limit

// name: entity_incoming_edges
MATCH (n:Entity {id: $id})<-[e]-(m:Entity)
WHERE ($type IS NULL OR type(e) = $type)
  AND any(f IN coalesce(e.docs, []) WHERE NOT f IN $incomplete)
RETURN type(e) AS type, m.id AS other_id, m.label AS other_label, m.name AS other_name,
       coalesce(e.evidence, [])[0..$quotes] AS evidence, size(coalesce(e.evidence, [])) AS quotes
ORDER BY type, other_id
SKIP $offset
LIMIT $limit

// name: edge_quotes
// One page of the quotes of the edge $type from $source to $target, with the count of all.
MATCH (a:Entity {id: $source})-[e]->(b:Entity {id: $target})
WHERE type(e) = $type AND any(f IN coalesce(e.docs, []) WHERE NOT f IN $incomplete)
RETURN size(coalesce(e.evidence, [])) AS total,
       coalesce(e.evidence, [])[$offset..$offset + $limit] AS evidence

// name: resolve_entity
// The one entity $ref names, optionally of one label: an id match first, then an exact name, then
// an alias (全市 is an alias of many cities: the shortest id wins, so the answer is stable).
// Portable form; both engines override it with three indexed lookups in one CALL subquery
// (cypher/falkordb/, cypher/neo4j/: the engines disagree on that subquery's syntax).
MATCH (n:Entity)
WHERE (n.id = $ref OR n.name = $ref OR $ref IN coalesce(n.aliases, []))
  AND ($label IS NULL OR n.label = $label)
  AND any(f IN coalesce(n.docs, []) WHERE NOT f IN $incomplete)
RETURN n {.id, .label, .name} AS node
ORDER BY CASE WHEN n.id = $ref THEN 0 WHEN n.name = $ref THEN 1 ELSE 2 END, size(n.id), n.id
LIMIT 1
