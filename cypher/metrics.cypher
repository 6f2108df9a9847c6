// Indicators (Target metrics) and the values each took across regions, documents and years.

// name: metrics
// Distinct metrics, most used first; $q filters by substring.
// Each list is collected from rows sorted by its own key, so it comes out sorted on every engine.
MATCH (t:Target)
WHERE ($q IS NULL OR t.metric CONTAINS $q) AND any(f IN coalesce(t.docs, []) WHERE NOT f IN $incomplete)
WITH t
ORDER BY t.year
WITH t.metric AS metric, count(t) AS targets, collect(DISTINCT t.year) AS years, collect(t) AS ts
UNWIND ts AS k
WITH metric, targets, years, k
ORDER BY k.kind
WITH metric, targets, years, collect(DISTINCT k.kind) AS kinds, collect(k) AS ks
UNWIND ks AS u
WITH metric, targets, years, kinds, u
ORDER BY u.unit
WITH metric, targets, years, kinds, collect(DISTINCT u.unit) AS units
RETURN metric, targets, years, kinds, units
ORDER BY targets DESC, metric
SKIP $offset
LIMIT $limit

// name: count_metrics
MATCH (t:Target)
WHERE ($q IS NULL OR t.metric CONTAINS $q) AND any(f IN coalesce(t.docs, []) WHERE NOT f IN $incomplete)
RETURN count(DISTINCT t.metric) AS total

// name: metric_timeline
// Every value of one metric, one row per quote, the first $limit; a target nobody is recorded as
// setting still appears (committer null) with the target's own evidence.
MATCH (t:Target {metric: $metric})
WHERE any(f IN coalesce(t.docs, []) WHERE NOT f IN $incomplete)
OPTIONAL MATCH (s:Entity)-[e:SETS_TARGET]->(t)
WHERE any(f IN coalesce(e.docs, []) WHERE NOT f IN $incomplete)
WITH t, s, CASE WHEN e IS NULL THEN t.evidence ELSE e.evidence END AS quotes
UNWIND quotes AS evidence
RETURN s.id AS committer_id, s.name AS committer, s.label AS committer_label,
       t.id AS target_id, t.metric AS metric, t.value AS value, t.unit AS unit,
       t.comparator AS comparator, t.year AS year, t.kind AS kind, evidence
ORDER BY year, kind, committer_id, target_id, evidence
LIMIT $limit
