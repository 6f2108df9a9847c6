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
