// Neo4j 5 dialect of the metric and alias lookups in commitments.cypher: its TEXT indexes serve
// CONTAINS on a string (Target.metric, Entity.search), not membership in a list property.

// name: commitments_by_metric
// Starting from the Targets whose metric contains $metric (TEXT index): $metric must not be null.
MATCH (t:Target)
WHERE t.metric CONTAINS $metric
MATCH (s:Entity)-[e:SETS_TARGET]->(t)
WHERE ($metric IS NULL OR t.metric CONTAINS $metric)
  AND ($year IS NULL OR t.year = $year)
  AND ($kind IS NULL OR t.kind = $kind)
  AND ($committers IS NULL OR s.id IN $committers)
  AND any(f IN coalesce(e.docs, []) WHERE NOT f IN $incomplete)
UNWIND e.evidence AS evidence
RETURN s.id AS committer_id, s.name AS committer, s.label AS committer_label,
       t.id AS target_id, t.metric AS metric, t.value AS value, t.unit AS unit,
       t.comparator AS comparator, t.year AS year, t.kind AS kind, evidence
ORDER BY committer_id, metric, target_id, evidence
SKIP $offset
LIMIT $limit

// name: count_commitments_by_metric
MATCH (t:Target)
WHERE t.metric CONTAINS $metric
MATCH (s:Entity)-[e:SETS_TARGET]->(t)
WHERE ($metric IS NULL OR t.metric CONTAINS $metric)
  AND ($year IS NULL OR t.year = $year)
  AND ($kind IS NULL OR t.kind = $kind)
  AND ($committers IS NULL OR s.id IN $committers)
  AND any(f IN coalesce(e.docs, []) WHERE NOT f IN $incomplete)
UNWIND e.evidence AS evidence
RETURN count(evidence) AS total

// name: entities_named
CALL () {
  MATCH (n:Entity {id: $ref})
  RETURN n
  UNION
  MATCH (n:Entity {name: $ref})
  RETURN n
  UNION
  MATCH (n:Entity)
  WHERE n.search CONTAINS $ref AND $ref IN n.aliases
  RETURN n
}
RETURN collect(n.id) AS ids
