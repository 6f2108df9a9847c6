// Commitment tracks are computed at read time from these rows (tracks/build.py), so they always
// agree with the graph, retractions included.

// name: track_points
// Every figure a committer of one of $labels set or reported, with the edge's quotes;
// $committers (a list of entity ids, or null for all) narrows it to the committers asked about.
MATCH (s:Entity)-[e:SETS_TARGET]->(t:Target)
WHERE s.label IN $labels AND ($committers IS NULL OR s.id IN $committers)
  AND any(f IN coalesce(e.docs, []) WHERE NOT f IN $incomplete)
RETURN s.id AS committer_id, s.name AS committer, s.label AS committer_label,
       t.id AS target_id, t.metric AS metric, t.value AS value, t.unit AS unit,
       t.comparator AS comparator, t.year AS year, t.kind AS kind, e.evidence AS evidence
ORDER BY committer_id, target_id

// name: target_metric_units
// Every distinct (metric wording, unit) pair of the Target nodes: what canonicalisation sees.
MATCH (t:Target)
WHERE any(f IN coalesce(t.docs, []) WHERE NOT f IN $incomplete)
RETURN DISTINCT t.metric AS metric, t.unit AS unit
ORDER BY metric, unit
