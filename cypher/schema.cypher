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
