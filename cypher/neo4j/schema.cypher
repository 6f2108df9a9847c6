// Neo4j 5 dialect of schema.cypher: uniqueness constraints (each backed by an index), named and
// idempotent. A plain index would let two concurrent ingests MERGE the same id twice: Neo4j runs
// write transactions in parallel (FalkorDB serialises them), and only a uniqueness constraint
// makes MERGE lock the key. Every node is also an :Entity, so entity_id_unique alone keeps ids
// unique across labels; the per-label ones serve lookups such as (r:Region {id: $id}).

// name: index_entity_id
CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE

// name: index_region_id
CREATE CONSTRAINT region_id_unique IF NOT EXISTS FOR (n:Region) REQUIRE n.id IS UNIQUE

// name: index_official_id
CREATE CONSTRAINT official_id_unique IF NOT EXISTS FOR (n:Official) REQUIRE n.id IS UNIQUE

// name: index_organization_id
CREATE CONSTRAINT organization_id_unique IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE

// name: index_program_id
CREATE CONSTRAINT program_id_unique IF NOT EXISTS FOR (n:Program) REQUIRE n.id IS UNIQUE

// name: index_hospital_id
CREATE CONSTRAINT hospital_id_unique IF NOT EXISTS FOR (n:Hospital) REQUIRE n.id IS UNIQUE

// name: index_target_id
CREATE CONSTRAINT target_id_unique IF NOT EXISTS FOR (n:Target) REQUIRE n.id IS UNIQUE

// name: index_document_id
CREATE CONSTRAINT document_id_unique IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE

// name: index_document_file
// One Document node per file (its id is doc:<file>).
CREATE CONSTRAINT document_file_unique IF NOT EXISTS FOR (n:Document) REQUIRE n.file IS UNIQUE

// name: index_entity_name
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)

// name: index_entity_aliases
// Kept for its name (the shared file's list index); the alias lookup uses entity_search below.
CREATE INDEX entity_aliases IF NOT EXISTS FOR (n:Entity) ON (n.aliases)

// name: index_entity_grams
// Neo4j's range indexes do not serve membership in a list property; its TEXT index (trigrams)
// serves CONTAINS on a string: `search` holds the name and every alias, one per line.
CREATE TEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON (n.search)

// name: index_document_complete
CREATE INDEX document_complete IF NOT EXISTS FOR (n:Document) ON (n.complete)

// name: index_target_year
CREATE INDEX target_year IF NOT EXISTS FOR (n:Target) ON (n.year)

// name: index_target_grams
// Commitments by metric (a substring).
CREATE TEXT INDEX target_metric IF NOT EXISTS FOR (n:Target) ON (n.metric)

// name: index_ingest_lock_file
// The per-document lease (cypher/locks.cypher): only a uniqueness constraint makes two racing
// MERGEs of one file's lease meet on one node.
CREATE CONSTRAINT ingest_lock_file_unique IF NOT EXISTS FOR (l:IngestLock) REQUIRE l.file IS UNIQUE
