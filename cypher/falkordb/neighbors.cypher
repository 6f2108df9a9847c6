// FalkorDB's hub test: its degree functions read a count instead of listing a hub's edges.

// name: busy_entities
// Those of $ids with more than $hub edges (in or out, any type): hubs the walk stops at.
UNWIND $ids AS entity_id
MATCH (n:Entity {id: entity_id})
WITH n, indegree(n) + outdegree(n) AS degree
WHERE degree > $hub
RETURN n.id AS id, degree
ORDER BY id
