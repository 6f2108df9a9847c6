// Index DDL, run before the first write: MERGE without an index scans every node.

// name: index_entity_id
// Every node is also an :Entity, so lookups by id need no label.
CREATE INDEX FOR (n:Entity) ON (n.id)

// name: index_region_id
CREATE INDEX FOR (n:Region) ON (n.id)

// name: index_official_id
CREATE INDEX FOR (n:Official) ON (n.id)

// name: index_organization_id
CREATE INDEX FOR (n:Organization) ON (n.id)

// name: index_program_id
CREATE INDEX FOR (n:Program) ON (n.id)

// name: index_hospital_id
CREATE INDEX FOR (n:Hospital) ON (n.id)

// name: index_target_id
CREATE INDEX FOR (n:Target) ON (n.id)

// name: index_document_id
CREATE INDEX FOR (n:Document) ON (n.id)

// name: index_document_file
CREATE INDEX FOR (n:Document) ON (n.file)

// Indexes that serve the API's lookups at any graph size (bench/README.md shows each plan).
// Each engine defines its own set of `index_*` queries (see cypher/neo4j/schema.cypher).

// name: index_entity_name
// resolve_entity's exact-name step.
CREATE INDEX FOR (n:Entity) ON (n.name)

// name: index_entity_aliases
// FalkorDB indexes every element of a list property: `$ref IN n.aliases` is an index lookup.
CREATE INDEX FOR (n:Entity) ON (n.aliases)

// name: index_entity_grams
// Name and alias search: every character and character pair of the name and aliases.
CREATE INDEX FOR (n:Entity) ON (n.grams)

// name: index_document_complete
// The incomplete documents every read skips: found without reading every Document.
CREATE INDEX FOR (n:Document) ON (n.complete)

// name: index_target_year
CREATE INDEX FOR (n:Target) ON (n.year)

// name: index_target_grams
// Commitments by metric (a substring): the character pairs of the Target's metric.
CREATE INDEX FOR (n:Target) ON (n.metric_grams)

// name: index_ingest_lock_file
// The lease nodes of cypher/locks.cypher (FalkorDB reached by URL keeps its leases as Redis keys
// instead; Neo4j's dialect makes this a uniqueness constraint).
CREATE INDEX FOR (l:IngestLock) ON (l.file)
