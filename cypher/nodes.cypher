// Node upserts, one per label of the fixed schema (neither engine has dynamic labels).
// Rows: {id, props: {...scalar properties}, aliases: [..], docs: [..], evidence: [json..]}.
// Lists grow by the items not yet present, so re-ingesting a document changes nothing.

// name: upsert_region
UNWIND $rows AS r
MERGE (n:Entity:Region {id: r.id})
SET n += r.props,
    n.aliases = coalesce(n.aliases, []) + [a IN r.aliases WHERE NOT a IN coalesce(n.aliases, [])],
    n.docs = coalesce(n.docs, []) + [d IN r.docs WHERE NOT d IN coalesce(n.docs, [])],
    n.evidence = coalesce(n.evidence, []) + [e IN r.evidence WHERE NOT e IN coalesce(n.evidence, [])]

// name: upsert_official
UNWIND $rows AS r
MERGE (n:Entity:Official {id: r.id})
SET n += r.props,
    n.aliases = coalesce(n.aliases, []) + [a IN r.aliases WHERE NOT a IN coalesce(n.aliases, [])],
    n.docs = coalesce(n.docs, []) + [d IN r.docs WHERE NOT d IN coalesce(n.docs, [])],
    n.evidence = coalesce(n.evidence, []) + [e IN r.evidence WHERE NOT e IN coalesce(n.evidence, [])]

// name: upsert_organization
UNWIND $rows AS r
MERGE (n:Entity:Organization {id: r.id})
SET n += r.props,
    n.aliases = coalesce(n.aliases, []) + [a IN r.aliases WHERE NOT a IN coalesce(n.aliases, [])],
    n.docs = coalesce(n.docs, []) + [d IN r.docs WHERE NOT d IN coalesce(n.docs, [])],
    n.evidence = coalesce(n.evidence, []) + [e IN r.evidence WHERE NOT e IN coalesce(n.evidence, [])]

// name: upsert_program
UNWIND $rows AS r
MERGE (n:Entity:Program {id: r.id})
SET n += r.props,
    n.aliases = coalesce(n.aliases, []) + [a IN r.aliases WHERE NOT a IN coalesce(n.aliases, [])],
    n.docs = coalesce(n.docs, []) + [d IN r.docs WHERE NOT d IN coalesce(n.docs, [])],
    n.evidence = coalesce(n.evidence, []) + [e IN r.evidence WHERE NOT e IN coalesce(n.evidence, [])]

// name: upsert_hospital
UNWIND $rows AS r
MERGE (n:Entity:Hospital {id: r.id})
SET n += r.props,
    n.aliases = coalesce(n.aliases, []) + [a IN r.aliases WHERE NOT a IN coalesce(n.aliases, [])],
    n.docs = coalesce(n.docs, []) + [d IN r.docs WHERE NOT d IN coalesce(n.docs, [])],
    n.evidence = coalesce(n.evidence, []) + [e IN r.evidence WHERE NOT e IN coalesce(n.evidence, [])]

// name: upsert_target
UNWIND $rows AS r
MERGE (n:Entity:Target {id: r.id})
SET n += r.props,
    n.aliases = coalesce(n.aliases, []) + [a IN r.aliases WHERE NOT a IN coalesce(n.aliases, [])],
    n.docs = coalesce(n.docs, []) + [d IN r.docs WHERE NOT d IN coalesce(n.docs, [])],
    n.evidence = coalesce(n.evidence, []) + [e IN r.evidence WHERE NOT e IN coalesce(n.evidence, [])]

// name: upsert_document
UNWIND $rows AS r
MERGE (n:Entity:Document {id: r.id})
SET n += r.props,
    n.aliases = coalesce(n.aliases, []) + [a IN r.aliases WHERE NOT a IN coalesce(n.aliases, [])],
    n.docs = coalesce(n.docs, []) + [d IN r.docs WHERE NOT d IN coalesce(n.docs, [])],
    n.evidence = coalesce(n.evidence, []) + [e IN r.evidence WHERE NOT e IN coalesce(n.evidence, [])]
