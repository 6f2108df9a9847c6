// Document bookkeeping: a document's facts count only once its node says complete = true.

// name: document_state
// The stored fingerprint of one document file, to skip unchanged re-ingests (a document stored
// before texts were kept, has_text false, is written again to gain its text).
MATCH (d:Document {file: $file})
RETURN d.id AS id, d.sha256 AS sha256, d.complete AS complete, d.text IS NOT NULL AS has_text,
       d.fact_edges IS NOT NULL AS has_fact_lists

// name: mark_document_complete
MATCH (d:Document {id: $id})
SET d.complete = true

// A document's facts are found through its Document node: `fact_nodes` (the ids of the nodes it
// mentions) and `fact_edges` (type, source and target of each edge it supports, joined by a tab),
// written with the Document before any fact (graph/store.py), so even an interrupted ingest's
// leftovers are listed. Every step below is index lookups by id, never a scan of the graph.
// Neo4j expands between two bound nodes from the sparser one; FalkorDB's typed variants of the
// edge steps are in cypher/falkordb/documents.cypher.
// The `_by_scan` variants below serve only graphs written before these lists existed.

// name: delete_edges_only_in_document
// Edges whose every quote comes from this document go (run before the evidence is trimmed).
MATCH (d:Document {file: $file})
UNWIND coalesce(d.fact_edges, []) AS key
WITH split(key, '\t') AS k
WITH k[0] AS edge_type, k[1] AS source, k[2] AS target
MATCH (a:Entity {id: source})-[e]->(b:Entity {id: target})
WHERE type(e) = edge_type AND $file IN e.docs AND size(e.docs) = 1
DELETE e

// name: retract_document_edges
// The remaining edges keep their other documents' evidence, minus this document's.
MATCH (d:Document {file: $file})
UNWIND coalesce(d.fact_edges, []) AS key
WITH split(key, '\t') AS k
WITH k[0] AS edge_type, k[1] AS source, k[2] AS target
MATCH (a:Entity {id: source})-[e]->(b:Entity {id: target})
WHERE type(e) = edge_type AND $file IN e.docs
SET e.docs = [x IN e.docs WHERE x <> $file],
    e.evidence = [x IN e.evidence WHERE NOT x STARTS WITH $evidence_prefix]

// name: delete_nodes_only_in_document
// Nodes no other document mentions go, with any edge still attached.
MATCH (d:Document {file: $file})
UNWIND coalesce(d.fact_nodes, []) AS node_id
MATCH (n:Entity {id: node_id})
WHERE $file IN n.docs AND size(n.docs) = 1
DETACH DELETE n

// name: retract_document_nodes
MATCH (d:Document {file: $file})
UNWIND coalesce(d.fact_nodes, []) AS node_id
MATCH (n:Entity {id: node_id})
WHERE $file IN n.docs
SET n.docs = [x IN n.docs WHERE x <> $file],
    n.evidence = [x IN n.evidence WHERE NOT x STARTS WITH $evidence_prefix]

// name: delete_edges_only_in_document_by_scan
// Edges whose every quote comes from this document go (run before the evidence is trimmed).
MATCH ()-[e]->()
WHERE $file IN e.docs AND size(e.docs) = 1
DELETE e

// name: retract_document_edges_by_scan
// The remaining edges keep their other documents' evidence, minus this document's.
MATCH ()-[e]->()
WHERE $file IN e.docs
SET e.docs = [d IN e.docs WHERE d <> $file],
    e.evidence = [x IN e.evidence WHERE NOT x STARTS WITH $evidence_prefix]

// name: delete_nodes_only_in_document_by_scan
// Nodes no other document mentions go, with any edge still attached.
MATCH (n:Entity)
WHERE $file IN n.docs AND size(n.docs) = 1
DETACH DELETE n

// name: retract_document_nodes_by_scan
MATCH (n:Entity)
WHERE $file IN n.docs
SET n.docs = [d IN n.docs WHERE d <> $file],
    n.evidence = [x IN n.evidence WHERE NOT x STARTS WITH $evidence_prefix]

// name: delete_document_node
MATCH (d:Document {file: $file})
DETACH DELETE d

// name: list_documents
// Metadata only: the full `text` is fetched one document at a time.
MATCH (d:Document)
WHERE d.complete = true
RETURN d {.id, .label, .name, .file, .title, .date, .year, .sha256, .chars, .region, .complete, .aliases} AS document
ORDER BY d.file
SKIP $offset
LIMIT $limit

// name: count_documents
MATCH (d:Document)
WHERE d.complete = true
RETURN count(d) AS total

// name: count_mentions_of_document
// Nodes that still name a document, complete or not (left by an interrupted ingest).
MATCH (d:Document {file: $file})
UNWIND coalesce(d.fact_nodes, []) AS node_id
MATCH (n:Entity {id: node_id})
WHERE $file IN n.docs
RETURN count(n) AS total

// name: count_mentions_of_document_by_scan
// The same for a file with no Document node (left by a version that wrote the Document last).
MATCH (n:Entity)
WHERE $file IN n.docs
RETURN count(n) AS total

// name: get_document
// One complete document by id (doc:<file>) or file name, with its full text.
MATCH (d:Document)
WHERE (d.id = $ref OR d.file = $ref) AND d.complete = true
RETURN d {.*} AS document

// name: find_document
// One document by id or file name, complete or not (to delete it).
MATCH (d:Document)
WHERE d.id = $ref OR d.file = $ref
RETURN d {.id, .file} AS document

// name: incomplete_documents
// Files whose Document is not complete (being written, or left by a crash): reads skip their facts.
// `complete` is indexed; every Document is written with it (true or false).
MATCH (d:Document)
WHERE d.complete = false
RETURN collect(d.file) AS files

// name: document_facts
// Every edge with evidence from this document, its evidence limited to this document's quotes.
MATCH (d:Document {file: $file})
UNWIND coalesce(d.fact_edges, []) AS key
WITH split(key, '\t') AS k
WITH k[0] AS edge_type, k[1] AS source, k[2] AS target
MATCH (a:Entity {id: source})-[e]->(b:Entity {id: target})
WHERE type(e) = edge_type AND $file IN e.docs
RETURN type(e) AS type, a {.id, .label, .name} AS source, b {.id, .label, .name} AS target,
       [x IN e.evidence WHERE x STARTS WITH $evidence_prefix] AS evidence, size(e.docs) AS documents
ORDER BY type, a.id, b.id

// name: document_facts_by_scan
// The same by reading every edge: for graphs written before `fact_edges` (to build the lists).
MATCH (a:Entity)-[e]->(b:Entity)
WHERE $file IN e.docs
RETURN type(e) AS type, a {.id, .label, .name} AS source, b {.id, .label, .name} AS target,
       [x IN e.evidence WHERE x STARTS WITH $evidence_prefix] AS evidence, size(e.docs) AS documents
ORDER BY type, a.id, b.id

// name: document_node_ids_by_scan
// The nodes a document mentions, by reading every node: builds `fact_nodes` for an old graph.
MATCH (n:Entity)
WHERE $file IN n.docs AND NOT n:Document
RETURN collect(n.id) AS ids

// name: documents_without_fact_lists
// Documents written before `fact_nodes` / `fact_edges` existed.
MATCH (d:Document)
WHERE d.fact_edges IS NULL
RETURN d.file AS file

// name: set_document_fact_lists
MATCH (d:Document {file: $file})
SET d.fact_nodes = $fact_nodes, d.fact_edges = $fact_edges

// name: documents_containing
// Documents whose text contains $q (substring: FalkorDB's Chinese full-text index matches whole
// words only, so 南昌 would not find 南昌市 there), each with how often: non-overlapping, left to
// right, as api/text_spans.find_all counts. The counts page the hits; no text leaves the database.
MATCH (d:Document)
WHERE d.complete = true AND d.text CONTAINS $q
RETURN d.file AS file, toInteger((size(d.text) - size(replace(d.text, $q, ''))) / size($q)) AS hits
ORDER BY file

// name: documents_text
// The texts of a page's documents (never every match's).
MATCH (d:Document)
WHERE d.file IN $files AND d.complete = true
RETURN d.id AS id, d.file AS file, d.name AS title, d.date AS date, d.text AS text
ORDER BY file

// name: incomplete_document_files
// Files that nodes or edges cite without a complete Document node: left by an interrupted ingest.
MATCH (n:Entity)
UNWIND coalesce(n.docs, []) AS file
WITH DISTINCT file
OPTIONAL MATCH (d:Document {file: file})
WITH file, d
WHERE d IS NULL OR d.complete IS NULL OR d.complete = false
RETURN file
UNION
MATCH ()-[e]->()
UNWIND coalesce(e.docs, []) AS file
WITH DISTINCT file
OPTIONAL MATCH (d:Document {file: file})
WITH file, d
WHERE d IS NULL OR d.complete IS NULL OR d.complete = false
RETURN file

// name: add_search_keys
// Nodes stored before `grams` / `search` existed get them (run once, when an old graph is met):
// every character and character pair of the name and aliases, as graph/rows.py search_grams.
MATCH (n:Entity)
WHERE n.grams IS NULL
WITH n, [n.name] + coalesce(n.aliases, []) AS texts
SET n.grams = reduce(acc = [], t IN texts |
        acc + [i IN range(0, size(t) - 1) | substring(t, i, 1)]
            + [i IN range(0, size(t) - 2) | substring(t, i, 2)]),
    n.search = reduce(s = n.name, a IN coalesce(n.aliases, []) | s + '\n' + a)

// name: add_metric_keys
MATCH (t:Target)
WHERE t.metric_grams IS NULL AND t.metric IS NOT NULL
SET t.metric_grams = [i IN range(0, size(t.metric) - 1) | substring(t.metric, i, 1)]
        + [i IN range(0, size(t.metric) - 2) | substring(t.metric, i, 2)]
