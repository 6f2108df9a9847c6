// Read-only lists for the explorer's relationship and documents pages.

// name: partner_pairs
// Who partners with whom: each PARTNERS_WITH edge once, in its stored direction, with its quotes.
// $members (entity ids from `region_scope`, or null) keeps pairs with at least one end among them.
MATCH (a:Entity)-[e:PARTNERS_WITH]->(b:Entity)
WHERE ($members IS NULL OR a.id IN $members OR b.id IN $members)
  AND any(f IN coalesce(e.docs, []) WHERE NOT f IN $incomplete)
RETURN a {.id, .label, .name} AS source, b {.id, .label, .name} AS target, e.evidence AS evidence
ORDER BY a.name, b.name
SKIP $offset
LIMIT $limit

// name: count_partner_pairs
MATCH (a:Entity)-[e:PARTNERS_WITH]->(b:Entity)
WHERE ($members IS NULL OR a.id IN $members OR b.id IN $members)
  AND any(f IN coalesce(e.docs, []) WHERE NOT f IN $incomplete)
RETURN count(e) AS total

// name: program_list
// Every program with how many entities implement it and how many targets it sets.
MATCH (p:Program)
WHERE any(f IN coalesce(p.docs, []) WHERE NOT f IN $incomplete)
OPTIONAL MATCH (x:Entity)-[:IMPLEMENTS]->(p)
WITH p, count(DISTINCT x) AS implementers
OPTIONAL MATCH (p)-[:SETS_TARGET]->(t:Target)
WITH p, implementers, count(DISTINCT t) AS targets
RETURN p {.id, .label, .name} AS program, implementers, targets
ORDER BY implementers DESC, program.name
SKIP $offset
LIMIT $limit

// name: count_programs
MATCH (p:Program)
WHERE any(f IN coalesce(p.docs, []) WHERE NOT f IN $incomplete)
RETURN count(p) AS total

// name: document_fact_counts
// How many edges (facts) each complete document supports: its `fact_edges` list (one key per
// edge it wrote; documents.cypher), so the count reads the Documents, not every edge.
MATCH (d:Document)
WHERE d.complete = true
WITH d.file AS file, size(coalesce(d.fact_edges, [])) AS facts
WHERE facts > 0
RETURN file, facts
ORDER BY file
