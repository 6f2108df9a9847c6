// Who committed to (or reported) which figure: SETS_TARGET facts, one row per supporting quote.
// $committers (a list of entity ids, or null) comes from `region_scope` for the region filter.

// name: commitments
MATCH (s:Entity)-[e:SETS_TARGET]->(t:Target)
WHERE ($by IS NULL OR s.id = $by OR s.name = $by OR $by IN coalesce(s.aliases, []))
  AND ($metric IS NULL OR t.metric CONTAINS $metric)
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

// name: count_commitments
MATCH (s:Entity)-[e:SETS_TARGET]->(t:Target)
WHERE ($by IS NULL OR s.id = $by OR s.name = $by OR $by IN coalesce(s.aliases, []))
  AND ($metric IS NULL OR t.metric CONTAINS $metric)
  AND ($year IS NULL OR t.year = $year)
  AND ($kind IS NULL OR t.kind = $kind)
  AND ($committers IS NULL OR s.id IN $committers)
  AND any(f IN coalesce(e.docs, []) WHERE NOT f IN $incomplete)
UNWIND e.evidence AS evidence
RETURN count(evidence) AS total

// Indexed variants of `commitments`, chosen by api/routes/commitments.py from the filters given:
// committers (by / region) first, then metric, then year; `commitments` itself, with no
// selective filter, reads every SETS_TARGET edge (its answer is all of them, sorted).

// name: commitments_of
// The same filters as `commitments` (the route resolves `by` to ids first), starting from the
// committers by id: $committers must not be null. `WITH s` keeps FalkorDB's planner from
// starting at a label scan of the Targets instead.
UNWIND $committers AS committer
MATCH (s:Entity {id: committer})
WITH s
MATCH (s)-[e:SETS_TARGET]->(t:Target)
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

// name: count_commitments_of
UNWIND $committers AS committer
MATCH (s:Entity {id: committer})
WITH s
MATCH (s)-[e:SETS_TARGET]->(t:Target)
WHERE ($metric IS NULL OR t.metric CONTAINS $metric)
  AND ($year IS NULL OR t.year = $year)
  AND ($kind IS NULL OR t.kind = $kind)
  AND ($committers IS NULL OR s.id IN $committers)
  AND any(f IN coalesce(e.docs, []) WHERE NOT f IN $incomplete)
UNWIND e.evidence AS evidence
RETURN count(evidence) AS total

// name: commitments_by_metric
// Starting from the Targets whose metric holds $metric's first character pair (or its one
// character), through the `metric_grams` index: $metric must not be null.
MATCH (t:Target)
WHERE substring($metric, 0, 2) IN t.metric_grams
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
WHERE substring($metric, 0, 2) IN t.metric_grams
MATCH (s:Entity)-[e:SETS_TARGET]->(t)
WHERE ($metric IS NULL OR t.metric CONTAINS $metric)
  AND ($year IS NULL OR t.year = $year)
  AND ($kind IS NULL OR t.kind = $kind)
  AND ($committers IS NULL OR s.id IN $committers)
  AND any(f IN coalesce(e.docs, []) WHERE NOT f IN $incomplete)
UNWIND e.evidence AS evidence
RETURN count(evidence) AS total

// name: commitments_in_year
// Starting from the Targets of $year (indexed): $year must not be null.
MATCH (t:Target {year: $year})
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

// name: count_commitments_in_year
MATCH (t:Target {year: $year})
MATCH (s:Entity)-[e:SETS_TARGET]->(t)
WHERE ($metric IS NULL OR t.metric CONTAINS $metric)
  AND ($year IS NULL OR t.year = $year)
  AND ($kind IS NULL OR t.kind = $kind)
  AND ($committers IS NULL OR s.id IN $committers)
  AND any(f IN coalesce(e.docs, []) WHERE NOT f IN $incomplete)
UNWIND e.evidence AS evidence
RETURN count(evidence) AS total

// name: entities_named
// Every entity whose id, name or an alias is $ref (commitments' `by`). Portable form; both
// engines override it with three indexed lookups (cypher/falkordb/, cypher/neo4j/).
MATCH (n:Entity)
WHERE n.id = $ref OR n.name = $ref OR $ref IN coalesce(n.aliases, [])
RETURN collect(n.id) AS ids

// name: region_scope
// timeout: query
// A region, every region PART_OF it down to six levels, and the entities LOCATED_IN any of
// those: everyone whose commitments count as that region's.
MATCH (r:Region {id: $region_id})
MATCH (sub:Region)-[:PART_OF*0..6]->(r)
OPTIONAL MATCH (x:Entity)-[:LOCATED_IN]->(sub)
RETURN collect(DISTINCT sub.id) AS regions, collect(DISTINCT x.id) AS located

// name: documents_by_file
MATCH (d:Document)
WHERE d.file IN $files AND d.complete = true
RETURN d.file AS file, d.id AS id, d.name AS title, d.date AS date
