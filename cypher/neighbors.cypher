// The subgraph around one entity, one hop at a time (api/neighborhood.py walks the hops), so the
// work is bounded by what is returned: each hop reads only the edges of the nodes the previous hop
// kept, and never expands through a hub (a node other than the centre with more than $hub edges).

// name: neighbor_edges
// One hop: the distinct edges of the $frontier nodes whose other end is not nearer the centre
// ($inner), the first $limit by type and ends, so the cut is the same on every engine. $types
// (list or null) limits the type. (The WITH makes FalkorDB start from the frontier's index
// lookups instead of scanning every entity for the other end's filter.)
// timeout: query
UNWIND $frontier AS frontier_id
MATCH (a:Entity {id: frontier_id})
WITH a
MATCH (a)-[r]-(b:Entity)
WHERE NOT b.id IN $inner
  AND ($types IS NULL OR type(r) IN $types)
  AND any(f IN coalesce(r.docs, []) WHERE NOT f IN $incomplete)
WITH DISTINCT r
WITH startNode(r) AS a, r, endNode(r) AS b
ORDER BY type(r), a.id, b.id
LIMIT $limit
RETURN a {.id, .label, .name} AS source, type(r) AS type, b {.id, .label, .name} AS target,
       size(coalesce(r.evidence, [])) AS quotes

// name: busy_entities
// Those of $ids with more than $hub edges (in or out, any type): hubs the walk stops at.
UNWIND $ids AS entity_id
MATCH (n:Entity {id: entity_id})
WITH n, size([(n)-[e]-() | e]) AS degree
WHERE degree > $hub
RETURN n.id AS id, degree
ORDER BY id
