// FalkorDB dialect of documents.cypher's edge lookups through a Document's `fact_edges`.
// FalkorDB traverses from one end and filters the other: untyped, a lookup from 江西省 read all
// its edges (16 ms per edge key at 344k nodes). So here each relationship type is looked up on
// its own (a typed traversal reads only that type's edges of a node), from the end with few
// edges of that type: a Target has one SETS_TARGET and a Program few implementers, while a busy
// region sets and implements thousands; the other types go out of their source (a hospital is
// LOCATED_IN one region). `WITH b, source` makes FalkorDB start from b: given both ids in one
// pattern its planner starts from the source whatever the pattern's order. `CALL {}` without a scope clause is FalkorDB's form (Neo4j lints it).

// name: delete_edges_only_in_document
// Edges whose every quote comes from this document go (run before the evidence is trimmed).
CALL {
  MATCH (d:Document {file: $file})
  UNWIND coalesce(d.fact_edges, []) AS key
  WITH split(key, '\t') AS k
  WHERE k[0] = 'SETS_TARGET'
  WITH k[1] AS source, k[2] AS target
  MATCH (b:Entity {id: target})
  WITH b, source
  MATCH (b)<-[e:SETS_TARGET]-(a:Entity)
  WHERE a.id = source AND $file IN e.docs AND size(e.docs) = 1
  RETURN a, e, b
  UNION ALL
  MATCH (d:Document {file: $file})
  UNWIND coalesce(d.fact_edges, []) AS key
  WITH split(key, '\t') AS k
  WHERE k[0] = 'PARTNERS_WITH'
  WITH k[1] AS source, k[2] AS target
  MATCH (a:Entity {id: source})-[e:PARTNERS_WITH]->(b:Entity {id: target})
  WHERE $file IN e.docs AND size(e.docs) = 1
  RETURN a, e, b
  UNION ALL
  MATCH (d:Document {file: $file})
  UNWIND coalesce(d.fact_edges, []) AS key
  WITH split(key, '\t') AS k
  WHERE k[0] = 'IMPLEMENTS'
  WITH k[1] AS source, k[2] AS target
  MATCH (b:Entity {id: target})
  WITH b, source
  MATCH (b)<-[e:IMPLEMENTS]-(a:Entity)
  WHERE a.id = source AND $file IN e.docs AND size(e.docs) = 1
  RETURN a, e, b
  UNION ALL
  MATCH (d:Document {file: $file})
  UNWIND coalesce(d.fact_edges, []) AS key
  WITH split(key, '\t') AS k
  WHERE k[0] = 'LOCATED_IN'
  WITH k[1] AS source, k[2] AS target
  MATCH (a:Entity {id: source})-[e:LOCATED_IN]->(b:Entity {id: target})
  WHERE $file IN e.docs AND size(e.docs) = 1
  RETURN a, e, b
  UNION ALL
  MATCH (d:Document {file: $file})
  UNWIND coalesce(d.fact_edges, []) AS key
  WITH split(key, '\t') AS k
  WHERE k[0] = 'PART_OF'
  WITH k[1] AS source, k[2] AS target
  MATCH (a:Entity {id: source})-[e:PART_OF]->(b:Entity {id: target})
  WHERE $file IN e.docs AND size(e.docs) = 1
  RETURN a, e, b
  UNION ALL
  MATCH (d:Document {file: $file})
  UNWIND coalesce(d.fact_edges, []) AS key
  WITH split(key, '\t') AS k
  WHERE k[0] = 'HOLDS_POSITION'
  WITH k[1] AS source, k[2] AS target
  MATCH (a:Entity {id: source})-[e:HOLDS_POSITION]->(b:Entity {id: target})
  WHERE $file IN e.docs AND size(e.docs) = 1
  RETURN a, e, b
}
DELETE e

// name: retract_document_edges
// The remaining edges keep their other documents' evidence, minus this document's.
CALL {
  MATCH (d:Document {file: $file})
  UNWIND coalesce(d.fact_edges, []) AS key
  WITH split(key, '\t') AS k
  WHERE k[0] = 'SETS_TARGET'
  WITH k[1] AS source, k[2] AS target
  MATCH (b:Entity {id: target})
  WITH b, source
  MATCH (b)<-[e:SETS_TARGET]-(a:Entity)
  WHERE a.id = source AND $file IN e.docs
  RETURN a, e, b
  UNION ALL
  MATCH (d:Document {file: $file})
  UNWIND coalesce(d.fact_edges, []) AS key
  WITH split(key, '\t') AS k
  WHERE k[0] = 'PARTNERS_WITH'
  WITH k[1] AS source, k[2] AS target
  MATCH (a:Entity {id: source})-[e:PARTNERS_WITH]->(b:Entity {id: target})
  WHERE $file IN e.docs
  RETURN a, e, b
  UNION ALL
  MATCH (d:Document {file: $file})
  UNWIND coalesce(d.fact_edges, []) AS key
  WITH split(key, '\t') AS k
  WHERE k[0] = 'IMPLEMENTS'
  WITH k[1] AS source, k[2] AS target
  MATCH (b:Entity {id: target})
  WITH b, source
  MATCH (b)<-[e:IMPLEMENTS]-(a:Entity)
  WHERE a.id = source AND $file IN e.docs
  RETURN a, e, b
  UNION ALL
  MATCH (d:Document {file: $file})
  UNWIND coalesce(d.fact_edges, []) AS key
  WITH split(key, '\t') AS k
  WHERE k[0] = 'LOCATED_IN'
  WITH k[1] AS source, k[2] AS target
  MATCH (a:Entity {id: source})-[e:LOCATED_IN]->(b:Entity {id: target})
  WHERE $file IN e.docs
  RETURN a, e, b
  UNION ALL
  MATCH (d:Document {file: $file})
  UNWIND coalesce(d.fact_edges, []) AS key
  WITH split(key, '\t') AS k
  WHERE k[0] = 'PART_OF'
  WITH k[1] AS source, k[2] AS target
  MATCH (a:Entity {id: source})-[e:PART_OF]->(b:Entity {id: target})
  WHERE $file IN e.docs
  RETURN a, e, b
  UNION ALL
  MATCH (d:Document {file: $file})
  UNWIND coalesce(d.fact_edges, []) AS key
  WITH split(key, '\t') AS k
  WHERE k[0] = 'HOLDS_POSITION'
  WITH k[1] AS source, k[2] AS target
  MATCH (a:Entity {id: source})-[e:HOLDS_POSITION]->(b:Entity {id: target})
  WHERE $file IN e.docs
  RETURN a, e, b
}
SET e.docs = [x IN e.docs WHERE x <> $file],
    e.evidence = [x IN e.evidence WHERE NOT x STARTS WITH $evidence_prefix]

// name: document_facts
// Every edge with evidence from this document, its evidence limited to this document's quotes.
CALL {
  MATCH (d:Document {file: $file})
  UNWIND coalesce(d.fact_edges, []) AS key
  WITH split(key, '\t') AS k
  WHERE k[0] = 'SETS_TARGET'
  WITH k[1] AS source, k[2] AS target
  MATCH (b:Entity {id: target})
  WITH b, source
  MATCH (b)<-[e:SETS_TARGET]-(a:Entity)
  WHERE a.id = source AND $file IN e.docs
  RETURN a, e, b
  UNION ALL
  MATCH (d:Document {file: $file})
  UNWIND coalesce(d.fact_edges, []) AS key
  WITH split(key, '\t') AS k
  WHERE k[0] = 'PARTNERS_WITH'
  WITH k[1] AS source, k[2] AS target
  MATCH (a:Entity {id: source})-[e:PARTNERS_WITH]->(b:Entity {id: target})
  WHERE $file IN e.docs
  RETURN a, e, b
  UNION ALL
  MATCH (d:Document {file: $file})
  UNWIND coalesce(d.fact_edges, []) AS key
  WITH split(key, '\t') AS k
  WHERE k[0] = 'IMPLEMENTS'
  WITH k[1] AS source, k[2] AS target
  MATCH (b:Entity {id: target})
  WITH b, source
  MATCH (b)<-[e:IMPLEMENTS]-(a:Entity)
  WHERE a.id = source AND $file IN e.docs
  RETURN a, e, b
  UNION ALL
  MATCH (d:Document {file: $file})
  UNWIND coalesce(d.fact_edges, []) AS key
  WITH split(key, '\t') AS k
  WHERE k[0] = 'LOCATED_IN'
  WITH k[1] AS source, k[2] AS target
  MATCH (a:Entity {id: source})-[e:LOCATED_IN]->(b:Entity {id: target})
  WHERE $file IN e.docs
  RETURN a, e, b
  UNION ALL
  MATCH (d:Document {file: $file})
  UNWIND coalesce(d.fact_edges, []) AS key
  WITH split(key, '\t') AS k
  WHERE k[0] = 'PART_OF'
  WITH k[1] AS source, k[2] AS target
  MATCH (a:Entity {id: source})-[e:PART_OF]->(b:Entity {id: target})
  WHERE $file IN e.docs
  RETURN a, e, b
  UNION ALL
  MATCH (d:Document {file: $file})
  UNWIND coalesce(d.fact_edges, []) AS key
  WITH split(key, '\t') AS k
  WHERE k[0] = 'HOLDS_POSITION'
  WITH k[1] AS source, k[2] AS target
  MATCH (a:Entity {id: source})-[e:HOLDS_POSITION]->(b:Entity {id: target})
  WHERE $file IN e.docs
  RETURN a, e, b
}
RETURN type(e) AS type, a {.id, .label, .name} AS source, b {.id, .label, .name} AS target,
       [x IN e.evidence WHERE x STARTS WITH $evidence_prefix] AS evidence, size(e.docs) AS documents
ORDER BY type, a.id, b.id
