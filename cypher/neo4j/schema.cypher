// Neo4j 5 dialect of schema.cypher: the same indexes, named and idempotent.

// name: index_entity_id
CREATE INDEX entity_id IF NOT EXISTS FOR (n:Entity) ON (n.id)

// name: index_region_id
CREATE INDEX region_id IF NOT EXISTS FOR (n:Region) ON (n.id)

// name: index_official_id
CREATE INDEX official_id IF NOT EXISTS FOR (n:Official) ON (n.id)

// name: index_organization_id
CREATE INDEX organization_id IF NOT EXISTS FOR (n:Organization) ON (n.id)

// name: index_program_id
CREATE INDEX program_id IF NOT EXISTS FOR (n:Program) ON (n.id)

// name: index_hospital_id
CREATE INDEX hospital_id IF NOT EXISTS FOR (n:Hospital) ON (n.id)

// name: index_target_id
CREATE INDEX target_id IF NOT EXISTS FOR (n:Target) ON (n.id)

// name: index_document_id
CREATE INDEX document_id IF NOT EXISTS FOR (n:Document) ON (n.id)

// name: index_document_file
CREATE INDEX document_file IF NOT EXISTS FOR (n:Document) ON (n.file)
