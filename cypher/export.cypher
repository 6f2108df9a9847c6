// Whole-graph reads for export and statistics, paged so a large graph streams.

// name: export_nodes
MATCH (n:Entity)
WHERE any(f IN coalesce(n.docs, []) WHERE NOT f IN $incomplete)
RETURN n {.*} AS node
ORDER BY n.id
SKIP $offset
LIMIT $limit

// name: export_edges
MATCH (a:Entity)-[e]->(b:Entity)
WHERE any(f IN coalesce(e.docs, []) WHERE NOT f IN $incomplete)
RETURN type(e) AS type, a.id AS source, b.id AS target, e.evidence AS evidence, e.docs AS docs
ORDER BY type, source, target
SKIP $offset
LIMIT $limit

// name: count_nodes_by_label
MATCH (n:Entity)
RETURN n.label AS label, count(n) AS count
ORDER BY label

// name: count_edges_by_type
MATCH (:Entity)-[e]->(:Entity)
RETURN type(e) AS type, count(e) AS count
ORDER BY type

// name: delete_all
// One batch of at most $batch nodes with their edges: the caller repeats until it deletes none
// (one transaction over millions of nodes would exhaust a Neo4j heap).
MATCH (n)
WITH n
LIMIT $batch
DETACH DELETE n
RETURN count(n) AS deleted
