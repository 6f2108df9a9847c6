// Edge upserts, one per relationship type. Both ends must already exist (nodes are written first).
// Rows: {source, target, docs: [..], evidence: [json {doc,start,end,quote}..]}.

// name: upsert_sets_target
UNWIND $rows AS r
MATCH (a:Entity {id: r.source})
MATCH (b:Entity {id: r.target})
MERGE (a)-[e:SETS_TARGET]->(b)
SET e.docs = coalesce(e.docs, []) + [d IN r.docs WHERE NOT d IN coalesce(e.docs, [])],
    e.evidence = coalesce(e.evidence, []) + [x IN r.evidence WHERE NOT x IN coalesce(e.evidence, [])]

// name: upsert_partners_with
UNWIND $rows AS r
MATCH (a:Entity {id: r.source})
MATCH (b:Entity {id: r.target})
MERGE (a)-[e:PARTNERS_WITH]->(b)
SET e.docs = coalesce(e.docs, []) + [d IN r.docs WHERE NOT d IN coalesce(e.docs, [])],
    e.evidence = coalesce(e.evidence, []) + [x IN r.evidence WHERE NOT x IN coalesce(e.evidence, [])]

// name: upsert_implements
UNWIND $rows AS r
MATCH (a:Entity {id: r.source})
MATCH (b:Entity {id: r.target})
MERGE (a)-[e:IMPLEMENTS]->(b)
SET e.docs = coalesce(e.docs, []) + [d IN r.docs WHERE NOT d IN coalesce(e.docs, [])],
    e.evidence = coalesce(e.evidence, []) + [x IN r.evidence WHERE NOT x IN coalesce(e.evidence, [])]

// name: upsert_located_in
UNWIND $rows AS r
MATCH (a:Entity {id: r.source})
MATCH (b:Entity {id: r.target})
MERGE (a)-[e:LOCATED_IN]->(b)
SET e.docs = coalesce(e.docs, []) + [d IN r.docs WHERE NOT d IN coalesce(e.docs, [])],
    e.evidence = coalesce(e.evidence, []) + [x IN r.evidence WHERE NOT x IN coalesce(e.evidence, [])]

// name: upsert_part_of
UNWIND $rows AS r
MATCH (a:Entity {id: r.source})
MATCH (b:Entity {id: r.target})
MERGE (a)-[e:PART_OF]->(b)
SET e.docs = coalesce(e.docs, []) + [d IN r.docs WHERE NOT d IN coalesce(e.docs, [])],
    e.evidence = coalesce(e.evidence, []) + [x IN r.evidence WHERE NOT x IN coalesce(e.evidence, [])]

// name: upsert_holds_position
UNWIND $rows AS r
MATCH (a:Entity {id: r.source})
MATCH (b:Entity {id: r.target})
MERGE (a)-[e:HOLDS_POSITION]->(b)
SET e.docs = coalesce(e.docs, []) + [d IN r.docs WHERE NOT d IN coalesce(e.docs, [])],
    e.evidence = coalesce(e.evidence, []) + [x IN r.evidence WHERE NOT x IN coalesce(e.evidence, [])]
