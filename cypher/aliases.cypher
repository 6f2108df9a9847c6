// Identical texts under several file names: one Document, the other names in its `aliases`.

// name: document_with_sha256
// A complete document holding exactly this text (the sha256 of its UTF-8 bytes) read from the same
// format (a PDF and a .txt of one report are two renditions: only the PDF's quotes have pages).
MATCH (d:Document)
WHERE d.sha256 = $sha256 AND coalesce(d.format, 'txt') = $format AND d.complete = true
  AND d.text IS NOT NULL
RETURN d.id AS id, d.file AS file
ORDER BY d.file
LIMIT 1

// name: document_with_alias
// The document that lists this file name among its aliases.
MATCH (d:Document)
WHERE $file IN coalesce(d.aliases, [])
RETURN d.id AS id, d.file AS file, d.sha256 AS sha256, d.complete AS complete

// name: add_document_alias
MATCH (d:Document {id: $id})
SET d.aliases = coalesce(d.aliases, []) + [a IN [$file] WHERE NOT a IN coalesce(d.aliases, [])]
RETURN d.id AS id

// name: remove_document_alias
// Takes the file names off every document's aliases: one call for a whole batch of files.
MATCH (d:Document)
WHERE any(f IN $files WHERE f IN coalesce(d.aliases, []))
SET d.aliases = [a IN d.aliases WHERE NOT a IN $files]
RETURN d.id AS id, d.file AS file

// name: document_fingerprints
// What an ingest plans with before extracting anything: every document's name, text hash, format,
// state and aliases (small strings only, never the text).
MATCH (d:Document)
RETURN d.file AS file, d.sha256 AS sha256, coalesce(d.format, 'txt') AS format,
       d.complete AS complete, d.text IS NOT NULL AS has_text, coalesce(d.aliases, []) AS aliases
