// Node upserts, one per label of the fixed schema (neither engine has dynamic labels).
// Rows: {id, props: {...scalar properties}, aliases: [..], grams: [..], docs: [..], evidence: [json..]}.
// Lists grow by the items not yet present, so re-ingesting a document changes nothing. A busy
// node's evidence (江西省: thousands of quotes) is checked for duplicates only when the row's
// document is already among its docs (a repair); otherwise the row's quotes are new by
// construction (a document's quotes start with its file) and are appended without the
// quadratic membership test. `grams` and `search` are the name-and-alias search keys
// (graph/rows.py `search_grams`; `search` serves Neo4j's TEXT index).

// name: upsert_region
UNWIND $rows AS r
MERGE (n:Entity:Region {id: r.id})
SET n += r.props,
    n.evidence = CASE WHEN any(d IN r.docs WHERE d IN coalesce(n.docs, []))
        THEN coalesce(n.evidence, []) + [e IN r.evidence WHERE NOT e IN coalesce(n.evidence, [])]
        ELSE coalesce(n.evidence, []) + r.evidence END,
    n.aliases = coalesce(n.aliases, []) + [a IN r.aliases WHERE NOT a IN coalesce(n.aliases, [])],
    n.grams = coalesce(n.grams, []) + [g IN coalesce(r.grams, []) WHERE NOT g IN coalesce(n.grams, [])],
    n.docs = coalesce(n.docs, []) + [d IN r.docs WHERE NOT d IN coalesce(n.docs, [])]
SET n.search = reduce(s = n.name, a IN n.aliases | s + '\n' + a)

// name: upsert_official
UNWIND $rows AS r
MERGE (n:Entity:Official {id: r.id})
SET n += r.props,
    n.evidence = CASE WHEN any(d IN r.docs WHERE d IN coalesce(n.docs, []))
        THEN coalesce(n.evidence, []) + [e IN r.evidence WHERE NOT e IN coalesce(n.evidence, [])]
        ELSE coalesce(n.evidence, []) + r.evidence END,
    n.aliases = coalesce(n.aliases, []) + [a IN r.aliases WHERE NOT a IN coalesce(n.aliases, [])],
    n.grams = coalesce(n.grams, []) + [g IN coalesce(r.grams, []) WHERE NOT g IN coalesce(n.grams, [])],
    n.docs = coalesce(n.docs, []) + [d IN r.docs WHERE NOT d IN coalesce(n.docs, [])]
SET n.search = reduce(s = n.name, a IN n.aliases | s + '\n' + a)

// name: upsert_organization
UNWIND $rows AS r
MERGE (n:Entity:Organization {id: r.id})
SET n += r.props,
    n.evidence = CASE WHEN any(d IN r.docs WHERE d IN coalesce(n.docs, []))
        THEN coalesce(n.evidence, []) + [e IN r.evidence WHERE NOT e IN coalesce(n.evidence, [])]
        ELSE coalesce(n.evidence, []) + r.evidence END,
    n.aliases = coalesce(n.aliases, []) + [a IN r.aliases WHERE NOT a IN coalesce(n.aliases, [])],
    n.grams = coalesce(n.grams, []) + [g IN coalesce(r.grams, []) WHERE NOT g IN coalesce(n.grams, [])],
    n.docs = coalesce(n.docs, []) + [d IN r.docs WHERE NOT d IN coalesce(n.docs, [])]
SET n.search = reduce(s = n.name, a IN n.aliases | s + '\n' + a)

// name: upsert_program
UNWIND $rows AS r
MERGE (n:Entity:Program {id: r.id})
SET n += r.props,
    n.evidence = CASE WHEN any(d IN r.docs WHERE d IN coalesce(n.docs, []))
        THEN coalesce(n.evidence, []) + [e IN r.evidence WHERE NOT e IN coalesce(n.evidence, [])]
        ELSE coalesce(n.evidence, []) + r.evidence END,
    n.aliases = coalesce(n.aliases, []) + [a IN r.aliases WHERE NOT a IN coalesce(n.aliases, [])],
    n.grams = coalesce(n.grams, []) + [g IN coalesce(r.grams, []) WHERE NOT g IN coalesce(n.grams, [])],
    n.docs = coalesce(n.docs, []) + [d IN r.docs WHERE NOT d IN coalesce(n.docs, [])]
SET n.search = reduce(s = n.name, a IN n.aliases | s + '\n' + a)

// name: upsert_hospital
UNWIND $rows AS r
MERGE (n:Entity:Hospital {id: r.id})
SET n += r.props,
    n.evidence = CASE WHEN any(d IN r.docs WHERE d IN coalesce(n.docs, []))
        THEN coalesce(n.evidence, []) + [e IN r.evidence WHERE NOT e IN coalesce(n.evidence, [])]
        ELSE coalesce(n.evidence, []) + r.evidence END,
    n.aliases = coalesce(n.aliases, []) + [a IN r.aliases WHERE NOT a IN coalesce(n.aliases, [])],
    n.grams = coalesce(n.grams, []) + [g IN coalesce(r.grams, []) WHERE NOT g IN coalesce(n.grams, [])],
    n.docs = coalesce(n.docs, []) + [d IN r.docs WHERE NOT d IN coalesce(n.docs, [])]
SET n.search = reduce(s = n.name, a IN n.aliases | s + '\n' + a)

// name: upsert_target
UNWIND $rows AS r
MERGE (n:Entity:Target {id: r.id})
SET n += r.props,
    n.evidence = CASE WHEN any(d IN r.docs WHERE d IN coalesce(n.docs, []))
        THEN coalesce(n.evidence, []) + [e IN r.evidence WHERE NOT e IN coalesce(n.evidence, [])]
        ELSE coalesce(n.evidence, []) + r.evidence END,
    n.aliases = coalesce(n.aliases, []) + [a IN r.aliases WHERE NOT a IN coalesce(n.aliases, [])],
    n.grams = coalesce(n.grams, []) + [g IN coalesce(r.grams, []) WHERE NOT g IN coalesce(n.grams, [])],
    n.docs = coalesce(n.docs, []) + [d IN r.docs WHERE NOT d IN coalesce(n.docs, [])]
SET n.search = reduce(s = n.name, a IN n.aliases | s + '\n' + a)

// name: upsert_document
UNWIND $rows AS r
MERGE (n:Entity:Document {id: r.id})
SET n += r.props,
    n.evidence = CASE WHEN any(d IN r.docs WHERE d IN coalesce(n.docs, []))
        THEN coalesce(n.evidence, []) + [e IN r.evidence WHERE NOT e IN coalesce(n.evidence, [])]
        ELSE coalesce(n.evidence, []) + r.evidence END,
    n.aliases = coalesce(n.aliases, []) + [a IN r.aliases WHERE NOT a IN coalesce(n.aliases, [])],
    n.grams = coalesce(n.grams, []) + [g IN coalesce(r.grams, []) WHERE NOT g IN coalesce(n.grams, [])],
    n.docs = coalesce(n.docs, []) + [d IN r.docs WHERE NOT d IN coalesce(n.docs, [])]
SET n.search = reduce(s = n.name, a IN n.aliases | s + '\n' + a)
