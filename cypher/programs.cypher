// A program: who implements it, what it sets, and who partners with its implementers.

// name: get_program
MATCH (p:Program {id: $id})
WHERE any(f IN coalesce(p.docs, []) WHERE NOT f IN $incomplete)
RETURN p {.*} AS node

// name: program_link_counts
// How many implementers, targets and implementers' partners the program has (its lists are cut).
MATCH (p:Program {id: $id})
OPTIONAL MATCH (x:Entity)-[e:IMPLEMENTS]->(p)
WHERE any(f IN coalesce(e.docs, []) WHERE NOT f IN $incomplete)
WITH p, count(e) AS implementers
OPTIONAL MATCH (p)-[s:SETS_TARGET]->(:Target)
WHERE any(f IN coalesce(s.docs, []) WHERE NOT f IN $incomplete)
WITH p, implementers, count(s) AS targets
OPTIONAL MATCH (x:Entity)-[:IMPLEMENTS]->(p)
OPTIONAL MATCH (x)-[r:PARTNERS_WITH]-(:Entity)
WHERE any(f IN coalesce(r.docs, []) WHERE NOT f IN $incomplete)
RETURN implementers, targets, count(r) AS partners

// name: program_implementers
// The first $limit implementers by id, each with its first $quotes quotes and their count.
MATCH (x:Entity)-[e:IMPLEMENTS]->(p:Program {id: $id})
WHERE any(f IN coalesce(e.docs, []) WHERE NOT f IN $incomplete)
RETURN x {.id, .label, .name} AS entity, coalesce(e.evidence, [])[0..$quotes] AS evidence,
       size(coalesce(e.evidence, [])) AS quotes
ORDER BY x.id
LIMIT $limit

// name: program_targets
MATCH (p:Program {id: $id})-[e:SETS_TARGET]->(t:Target)
WHERE any(f IN coalesce(e.docs, []) WHERE NOT f IN $incomplete)
RETURN t {.id, .label, .name, .metric, .value, .unit, .comparator, .year, .kind} AS target,
       coalesce(e.evidence, [])[0..$quotes] AS evidence, size(coalesce(e.evidence, [])) AS quotes
ORDER BY t.year, t.metric, t.id
LIMIT $limit

// name: program_partners
// Partners of the implementers, either direction of PARTNERS_WITH.
MATCH (x:Entity)-[:IMPLEMENTS]->(p:Program {id: $id})
MATCH (x)-[e:PARTNERS_WITH]-(y:Entity)
WHERE any(f IN coalesce(e.docs, []) WHERE NOT f IN $incomplete)
RETURN x.id AS implementer_id, y {.id, .label, .name} AS entity,
       coalesce(e.evidence, [])[0..$quotes] AS evidence, size(coalesce(e.evidence, [])) AS quotes
ORDER BY implementer_id, y.id
LIMIT $limit
