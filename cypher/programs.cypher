// A program: who implements it, what it sets, and who partners with its implementers.

// name: get_program
MATCH (p:Program {id: $id})
WHERE any(f IN coalesce(p.docs, []) WHERE NOT f IN $incomplete)
RETURN p {.*} AS node

// name: program_implementers
MATCH (x:Entity)-[e:IMPLEMENTS]->(p:Program {id: $id})
WHERE any(f IN coalesce(e.docs, []) WHERE NOT f IN $incomplete)
RETURN x {.id, .label, .name} AS entity, e.evidence AS evidence
ORDER BY x.id

// name: program_targets
MATCH (p:Program {id: $id})-[e:SETS_TARGET]->(t:Target)
WHERE any(f IN coalesce(e.docs, []) WHERE NOT f IN $incomplete)
RETURN t {.id, .label, .name, .metric, .value, .unit, .comparator, .year, .kind} AS target,
       e.evidence AS evidence
ORDER BY t.year, t.metric, t.id

// name: program_partners
// Partners of the implementers, either direction of PARTNERS_WITH.
MATCH (x:Entity)-[:IMPLEMENTS]->(p:Program {id: $id})
MATCH (x)-[e:PARTNERS_WITH]-(y:Entity)
WHERE any(f IN coalesce(e.docs, []) WHERE NOT f IN $incomplete)
RETURN x.id AS implementer_id, y {.id, .label, .name} AS entity, e.evidence AS evidence
ORDER BY implementer_id, y.id
