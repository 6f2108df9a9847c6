// The subgraph around one entity, one query per depth (path bounds cannot be parameters).
// Each returns distinct edges with both ends; $types (list or null) limits every hop's type.
// $limit keeps the edges nearest the entity first, then by type and ends, so the cut is the same
// on every engine. Deeper ones run with the /api/query timeout (the `timeout: query` line).

// name: neighbors_1
MATCH p = (n:Entity {id: $id})-[*1..1]-(:Entity)
WHERE ($types IS NULL OR all(r IN relationships(p) WHERE type(r) IN $types))
  AND all(r IN relationships(p) WHERE any(f IN coalesce(r.docs, []) WHERE NOT f IN $incomplete))
UNWIND relationships(p) AS r
WITH r, min(length(p)) AS hops
WITH startNode(r) AS a, r, endNode(r) AS b, hops
ORDER BY hops, type(r), a.id, b.id
LIMIT $limit
RETURN a {.id, .label, .name} AS source, type(r) AS type, b {.id, .label, .name} AS target,
       size(coalesce(r.evidence, [])) AS quotes

// name: neighbors_2
// timeout: query
MATCH p = (n:Entity {id: $id})-[*1..2]-(:Entity)
WHERE ($types IS NULL OR all(r IN relationships(p) WHERE type(r) IN $types))
  AND all(r IN relationships(p) WHERE any(f IN coalesce(r.docs, []) WHERE NOT f IN $incomplete))
UNWIND relationships(p) AS r
WITH r, min(length(p)) AS hops
WITH startNode(r) AS a, r, endNode(r) AS b, hops
ORDER BY hops, type(r), a.id, b.id
LIMIT $limit
RETURN a {.id, .label, .name} AS source, type(r) AS type, b {.id, .label, .name} AS target,
       size(coalesce(r.evidence, [])) AS quotes

// name: neighbors_3
// timeout: query
MATCH p = (n:Entity {id: $id})-[*1..3]-(:Entity)
WHERE ($types IS NULL OR all(r IN relationships(p) WHERE type(r) IN $types))
  AND all(r IN relationships(p) WHERE any(f IN coalesce(r.docs, []) WHERE NOT f IN $incomplete))
UNWIND relationships(p) AS r
WITH r, min(length(p)) AS hops
WITH startNode(r) AS a, r, endNode(r) AS b, hops
ORDER BY hops, type(r), a.id, b.id
LIMIT $limit
RETURN a {.id, .label, .name} AS source, type(r) AS type, b {.id, .label, .name} AS target,
       size(coalesce(r.evidence, [])) AS quotes
