// Document bookkeeping: a document's facts count only once its node says complete = true.

// name: document_state
// The stored fingerprint of one document file, to skip unchanged re-ingests (a document stored
// before texts were kept, has_text false, is written again to gain its text).
MATCH (d:Document {file: $file})
RETURN d.id AS id, d.sha256 AS sha256, d.complete AS complete, d.text IS NOT NULL AS has_text

// name: mark_document_complete
MATCH (d:Document {id: $id})
SET d.complete = true

// name: delete_edges_only_in_document
// Edges whose every quote comes from this document go (run before the evidence is trimmed).
MATCH ()-[e]->()
WHERE $file IN e.docs AND size(e.docs) = 1
DELETE e

// name: retract_document_edges
// The remaining edges keep their other documents' evidence, minus this document's.
MATCH ()-[e]->()
WHERE $file IN e.docs
SET e.docs = [d IN e.docs WHERE d <> $file],
    e.evidence = [x IN e.evidence WHERE NOT x STARTS WITH $evidence_prefix]

// name: delete_nodes_only_in_document
// Nodes no other document mentions go, with any edge still attached.
MATCH (n:Entity)
WHERE $file IN n.docs AND size(n.docs) = 1
DETACH DELETE n

// name: retract_document_nodes
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
MATCH (d:Document)
WHERE d.complete IS NULL OR d.complete = false
RETURN collect(d.file) AS files

// name: document_facts
// Every edge with evidence from this document, its evidence limited to this document's quotes.
MATCH (a:Entity)-[e]->(b:Entity)
WHERE $file IN e.docs
RETURN type(e) AS type, a {.id, .label, .name} AS source, b {.id, .label, .name} AS target,
       [x IN e.evidence WHERE x STARTS WITH $evidence_prefix] AS evidence, size(e.docs) AS documents
ORDER BY type, a.id, b.id

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
