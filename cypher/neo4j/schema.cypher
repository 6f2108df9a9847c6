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
